namespace PloSolver.Solver;

/// <summary>
/// A node of a game tree. Private information (each player's hand) is not part of the tree: every node holds
/// values for all hands of a player at once, so a tree is the public betting sequence and the public cards.
/// </summary>
internal abstract class Node
{
    /// <summary>Estimated work of one traversal of the subtree (hand-action steps): used to decide where to fork
    /// threads and to estimate the time of an iteration.</summary>
    public long Work { get; set; }
}

/// <summary>What an action does, for labels and reports.</summary>
internal enum ActionKind
{
    Fold,
    Check,
    Call,
    Bet,
    Raise,
    AllIn,
}

/// <summary>One action of a decision: its kind and the chips it puts in (for a raise: the raise-to amount of
/// the street). Toy games use an amount of 0 where it means nothing.</summary>
internal readonly record struct GameAction(ActionKind Kind, double Amount)
{
    public string Label => Kind switch
    {
        ActionKind.Fold => "fold",
        ActionKind.Check => "check",
        ActionKind.Call => "call",
        ActionKind.Bet => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"bet {Amount:0.##}"),
        ActionKind.Raise => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"raise to {Amount:0.##}"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"all-in {Amount:0.##}"),
    };
}

/// <summary>
/// A decision of one player. Regrets and strategy sums are flat arrays laid out action-major
/// (<c>[action * hands + hand]</c>), so every per-action update is one contiguous, vectorisable run over hands.
/// </summary>
internal sealed class ActionNode(int player, GameAction[] actions, Node[] children, ulong board, double pot) : Node
{
    public int Player { get; } = player;

    public GameAction[] Actions { get; } = actions;

    public Node[] Children { get; } = children;

    /// <summary>The public cards at this decision.</summary>
    public ulong Board { get; } = board;

    /// <summary>Chips in the middle when the decision is made (starting pot and every bet so far).</summary>
    public double Pot { get; } = pot;

    /// <summary>Chips the acting player has put in since the root (for EVs that leave sunk chips out).</summary>
    public double Invested { get; init; }

    /// <summary>Cumulative discounted regrets, <c>[action * hands + hand]</c>; allocated by the solver.</summary>
    public float[] Regrets { get; set; } = [];

    /// <summary>Discounted sums of the player's reach-weighted strategies, same layout as <see cref="Regrets"/>.</summary>
    public float[] StrategySum { get; set; } = [];
}

/// <summary>
/// Chance deals one public card. Given both players' hands, every card held by neither is equally likely, with
/// probability <see cref="Probability"/> = 1 / (cards left − both hands); hands that hold the dealt card are
/// removed (reach set to 0) below that child.
/// </summary>
internal sealed class ChanceNode(int[] cards, Node[] children, float probability) : Node
{
    public int[] Cards { get; } = cards;

    public Node[] Children { get; } = children;

    public float Probability { get; } = probability;
}

/// <summary>
/// The end of a hand. Payoffs are zero-sum: each player is treated as having put half the starting pot in, so
/// the winner of a showdown gains <see cref="Amount"/> (half the final pot) and the loser loses it; after a fold
/// the folder loses <see cref="Amount"/> (half the starting pot plus what it put in).
/// </summary>
internal sealed class TerminalNode : Node
{
    private TerminalNode(int folder, double amount, ShowdownBoard? showdown)
    {
        Folder = folder;
        Amount = amount;
        Showdown = showdown;
    }

    /// <summary>The player who folded, or −1 at a showdown.</summary>
    public int Folder { get; }

    public double Amount { get; }

    /// <summary>The hands of both players in value order on the final board; null after a fold.</summary>
    public ShowdownBoard? Showdown { get; }

    public static TerminalNode Fold(int folder, double amount) => new(folder, amount, null);

    public static TerminalNode ShowdownAt(ShowdownBoard board, double amount) => new(-1, amount, board);
}
