using System.Numerics;

namespace PloSolver.Solver;

/// <summary>
/// Small poker games with known solutions, built in the same tree form as Omaha spots so that they test the very
/// code that solves those: hands are card masks, chance deals public cards, terminals sweep in value order.
/// </summary>
internal static class ToyGames
{
    /// <summary>
    /// Kuhn poker: a deck of J, Q, K (cards 0, 1, 2), one card each, antes of 1, one bet of 1. Player 0's value at
    /// equilibrium is −1/18.
    /// </summary>
    public static SolverGame Kuhn()
    {
        ulong[] hands = [1, 2, 4];
        var board = new ShowdownBoard(0).Prepare([hands, hands], (_, h) => KuhnValue(hands[h]));
        Node Showdown(double amount) => TerminalNode.ShowdownAt(board, amount);
        var check = new GameAction(ActionKind.Check, 0);
        var bet = new GameAction(ActionKind.Bet, 1);
        var fold = new GameAction(ActionKind.Fold, 0);
        var call = new GameAction(ActionKind.Call, 1);
        var afterCheckBet = new ActionNode(0, [fold, call], [TerminalNode.Fold(0, 1), Showdown(2)], 0, 3);
        var afterCheck = new ActionNode(1, [check, bet], [Showdown(1), afterCheckBet], 0, 2);
        var afterBet = new ActionNode(1, [fold, call], [TerminalNode.Fold(1, 1), Showdown(2)], 0, 3);
        var root = new ActionNode(0, [check, bet], [afterCheck, afterBet], 0, 2);
        return new SolverGame([hands, hands], [[1, 1, 1], [1, 1, 1]], root, 2);
    }

    /// <summary>
    /// Leduc hold'em: six cards (J, Q, K in two suits: cards 0–5, rank = card / 2), one private card each, antes
    /// of 1, a betting round with bets of 2, one public card, a round with bets of 4; at most a bet and a raise
    /// per round; a pair with the public card wins, else the higher card. Player 0's equilibrium value is about
    /// −0.0856.
    /// </summary>
    public static SolverGame Leduc()
    {
        ulong[] hands = [.. Enumerable.Range(0, 6).Select(c => 1UL << c)];
        var boards = new ShowdownBoard[6];
        for (var c = 0; c < 6; c++)
        {
            var mask = 1UL << c;
            boards[c] = new ShowdownBoard(mask).Prepare([hands, hands], (_, h) => LeducValue(hands[h], mask));
        }
        var root = LeducAct(boards, 0, 0, 1, 1, 0, 0, false);
        float[] ones = [1, 1, 1, 1, 1, 1];
        return new SolverGame([hands, hands], [ones, [.. ones]], root, 2);
    }

    private static int KuhnValue(ulong hand) => BitOperations.TrailingZeroCount(hand);

    private static int LeducValue(ulong hand, ulong board)
    {
        var rank = BitOperations.TrailingZeroCount(hand) / 2;
        return board != 0 && BitOperations.TrailingZeroCount(board) / 2 == rank ? 10 + rank : rank;
    }

    // c0, c1: each player's chips in (antes included); toAct: whose turn; bets: bets and raises this round;
    // opened: whether anyone has acted this round.
    private static Node LeducAct(ShowdownBoard[] boards, int round, ulong board, double c0, double c1, int toAct, int bets, bool opened)
    {
        var size = round == 0 ? 2 : 4;
        var mine = toAct == 0 ? c0 : c1;
        var theirs = toAct == 0 ? c1 : c0;
        var pot = c0 + c1;
        var actions = new List<GameAction>();
        var children = new List<Node>();
        if (theirs > mine)
        {
            actions.Add(new GameAction(ActionKind.Fold, 0));
            children.Add(TerminalNode.Fold(toAct, mine));
            actions.Add(new GameAction(ActionKind.Call, theirs - mine));
            children.Add(LeducEndRound(boards, round, board, theirs));
            if (bets < 2)
            {
                var to = theirs + size;
                actions.Add(new GameAction(ActionKind.Raise, to));
                children.Add(LeducAct(boards, round, board, toAct == 0 ? to : c0, toAct == 1 ? to : c1, 1 - toAct, bets + 1, true));
            }
        }
        else
        {
            actions.Add(new GameAction(ActionKind.Check, 0));
            children.Add(opened ? LeducEndRound(boards, round, board, mine) : LeducAct(boards, round, board, c0, c1, 1 - toAct, bets, true));
            var to = mine + size;
            actions.Add(new GameAction(ActionKind.Bet, size));
            children.Add(LeducAct(boards, round, board, toAct == 0 ? to : c0, toAct == 1 ? to : c1, 1 - toAct, bets + 1, true));
        }
        return new ActionNode(toAct, [.. actions], [.. children], board, pot);
    }

    private static Node LeducEndRound(ShowdownBoard[] boards, int round, ulong board, double each)
    {
        if (round == 1)
        {
            return TerminalNode.ShowdownAt(boards[BitOperations.TrailingZeroCount(board)], each);
        }
        int[] cards = [0, 1, 2, 3, 4, 5];
        Node[] children = [.. cards.Select(c => LeducAct(boards, 1, 1UL << c, each, each, 0, 0, false))];
        // Four cards are left once both players hold one.
        return new ChanceNode(cards, children, 0.25f);
    }
}
