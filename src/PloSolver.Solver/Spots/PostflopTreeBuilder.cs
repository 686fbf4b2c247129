using System.Numerics;

namespace PloSolver.Solver;

/// <summary>
/// Builds the pot-limit betting tree of a heads-up spot. OOP (player 0) acts first on each street; a street ends
/// when the second player checks or a bet is called; chance then deals the next card (every card not on the
/// board). When a player is all-in the remaining cards are dealt without betting. Amounts are chips committed
/// since the spot began; the pot-limit maximum raise is the call plus the pot after the call.
/// <para>
/// Minimums: a bet is at least <see cref="MinBet"/> (spots carry no blinds, so one chip stands for the big blind)
/// and a raise adds at least the previous bet or raise of the street. A size below the minimum is raised to it;
/// where the stack cannot cover the minimum, the size becomes all-in.
/// </para>
/// </summary>
internal sealed class PostflopTreeBuilder(double pot, double stack, StreetConfig[] streets, double allInThreshold, int holeCards, int maxNodes)
{
    private int _nodes;

    /// <summary>Every final board a showdown can happen on, not yet prepared.</summary>
    public Dictionary<ulong, ShowdownBoard> Boards { get; } = [];

    /// <summary>The smallest bet, in chips.</summary>
    public const double MinBet = 1;

    public Node Build(ulong board) => Act(board, 0, 0, 0, 0, 0, false, 0);

    // street: chips each player had committed when the street began; c0, c1: chips committed since the spot
    // began; toAct: 0 = OOP, 1 = IP; raises: raises after the street's first bet; opened: whether anyone has acted
    // on this street; increment: the street's last bet or raise (chips added over the previous level), the
    // smallest a raise may add. Action amounts are street amounts (a bet's size, a raise's raise-to).
    private Node Act(ulong board, double street, double c0, double c1, int toAct, int raises, bool opened, double increment)
    {
        Count();
        var config = streets[BitOperations.PopCount(board) - 3];
        var mine = toAct == 0 ? c0 : c1;
        var theirs = toAct == 0 ? c1 : c0;
        var left = stack - mine;
        var potNow = pot + c0 + c1;
        var actions = new List<GameAction>();
        var children = new List<Node>();
        if (theirs > mine)
        {
            actions.Add(new GameAction(ActionKind.Fold, 0));
            children.Add(Terminal(TerminalNode.Fold(toAct, pot / 2 + mine)));
            actions.Add(new GameAction(ActionKind.Call, theirs - mine));
            children.Add(AfterCall(board, theirs));
            var theirLeft = stack - theirs;
            if (raises < config.MaxRaises && left > theirs - mine && theirLeft > 0)
            {
                var potAfterCall = potNow + (theirs - mine);
                var maxTo = Math.Min(theirs + potAfterCall, stack);
                var sizes = config.Raises.Select(x => theirs + x * potAfterCall).ToList();
                if (config.AllIn)
                {
                    sizes.Add(stack);
                }
                var minTo = theirs + Math.Max(increment, MinBet);
                foreach (var to in Distinct(sizes.Select(to => Commit(to, mine, left, minTo, maxTo))))
                {
                    var kind = to >= stack ? ActionKind.AllIn : ActionKind.Raise;
                    actions.Add(new GameAction(kind, to - street));
                    children.Add(Act(board, street, toAct == 0 ? to : c0, toAct == 1 ? to : c1, 1 - toAct, raises + 1, true, Math.Max(increment, to - theirs)));
                }
            }
        }
        else
        {
            actions.Add(new GameAction(ActionKind.Check, 0));
            children.Add(opened ? EndStreet(board, mine) : Act(board, street, c0, c1, 1 - toAct, raises, true, 0));
            if (left > 0)
            {
                var maxTo = Math.Min(mine + potNow, stack);
                var sizes = config.Bets.Select(x => mine + x * potNow).ToList();
                if (config.AllIn)
                {
                    sizes.Add(stack);
                }
                foreach (var to in Distinct(sizes.Select(to => Commit(to, mine, left, mine + MinBet, maxTo))))
                {
                    var kind = to >= stack ? ActionKind.AllIn : ActionKind.Bet;
                    actions.Add(new GameAction(kind, to - street));
                    children.Add(Act(board, street, toAct == 0 ? to : c0, toAct == 1 ? to : c1, 1 - toAct, 0, true, to - mine));
                }
            }
        }
        return new ActionNode(toAct, [.. actions], [.. children], board, potNow) { Invested = mine };
    }

    // A bet or raise to `to` (total committed): at least the minimum, capped by the pot limit and the stack (so a
    // minimum the stack cannot cover becomes all-in); one that puts in most of what is left goes all-in (or to
    // the pot-limit maximum when that is less).
    private double Commit(double to, double mine, double left, double minTo, double maxTo)
    {
        to = Math.Min(Math.Max(to, minTo), maxTo);
        if (to - mine >= allInThreshold * left)
        {
            to = maxTo;
        }
        return to;
    }

    private static IEnumerable<double> Distinct(IEnumerable<double> amounts)
    {
        var last = double.NegativeInfinity;
        foreach (var amount in amounts.Order())
        {
            if (amount - last > 1e-9)
            {
                yield return amount;
                last = amount;
            }
        }
    }

    private Node AfterCall(ulong board, double each) => each >= stack ? RunOut(board, each) : EndStreet(board, each);

    private Node EndStreet(ulong board, double each) =>
        BitOperations.PopCount(board) == 5 ? Showdown(board, each) : Deal(board, next => Act(next, each, each, each, 0, 0, false, 0));

    private Node RunOut(ulong board, double each) =>
        BitOperations.PopCount(board) == 5 ? Showdown(board, each) : Deal(board, next => RunOut(next, each));

    private Node Deal(ulong board, Func<ulong, Node> next)
    {
        Count();
        var cards = new List<int>();
        for (var c = 0; c < 52; c++)
        {
            if ((board >> c & 1) == 0)
            {
                cards.Add(c);
            }
        }
        Node[] children = [.. cards.Select(c => next(board | 1UL << c))];
        // Given both hands, every card that is neither on the board nor in a hand is equally likely.
        var probability = 1f / (52 - BitOperations.PopCount(board) - 2 * holeCards);
        return new ChanceNode([.. cards], children, probability);
    }

    private TerminalNode Showdown(ulong board, double each)
    {
        if (!Boards.TryGetValue(board, out var table))
        {
            table = new ShowdownBoard(board);
            Boards.Add(board, table);
        }
        return Terminal(TerminalNode.ShowdownAt(table, pot / 2 + each));
    }

    private TerminalNode Terminal(TerminalNode node)
    {
        Count();
        return node;
    }

    private void Count()
    {
        if (++_nodes > maxNodes)
        {
            throw new SpotException($"the tree has more than {maxNodes:N0} nodes: use fewer bet and raise sizes, fewer raises per street, or start on a later street");
        }
    }
}
