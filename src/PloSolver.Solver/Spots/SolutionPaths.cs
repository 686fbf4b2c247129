using System.Globalization;
using PloSolver.Engine;

namespace PloSolver.Solver;

/// <summary>What kind of node a path reaches.</summary>
public enum NodeKind
{
    /// <summary>A player acts.</summary>
    Decision,

    /// <summary>A card is dealt.</summary>
    Chance,

    /// <summary>The hand is over (a fold or a showdown).</summary>
    Terminal,
}

/// <summary>A node of a solved spot's tree as a browser sees it: what it is, where its children are and how the
/// path got there.</summary>
/// <param name="Kind">Decision, chance or terminal.</param>
/// <param name="Player"><c>oop</c> or <c>ip</c> at a decision, else null.</param>
/// <param name="Children">At a decision, one per action in action order; else empty.</param>
/// <param name="Cards">At a chance node, the cards that can be dealt (<c>2c</c>, …), lowest first; else empty.</param>
/// <param name="Line">The steps from the root to here.</param>
/// <param name="Stacks">At a decision, the chips each player (OOP, IP) has behind; else null.</param>
public sealed record TreeNode(NodeKind Kind, string? Player, IReadOnlyList<TreeChild> Children, IReadOnlyList<string> Cards,
    IReadOnlyList<LineStep> Line, IReadOnlyList<double>? Stacks);

/// <summary>Where an action of a decision leads.</summary>
/// <param name="Action">The action's label (<c>check</c>, <c>bet 50</c>).</param>
/// <param name="Kind">The kind of node it leads to.</param>
/// <param name="Path">The path to that node.</param>
/// <param name="Cards">When it leads to a chance node, the cards that can be dealt there; else null.</param>
public sealed record TreeChild(string Action, NodeKind Kind, IReadOnlyList<int> Path, IReadOnlyList<string>? Cards);

/// <summary>One step of a line: an action (<see cref="Player"/> and <see cref="Action"/>) or a card dealt
/// (<see cref="Card"/>).</summary>
public sealed record LineStep(string? Player, string? Action, string? Card);

/// <summary>A path that does not lead where it should; the message names the step (1-based) that goes wrong.</summary>
public sealed class SolvePathException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="step">The 1-based step at fault, or 0 when the path as a whole is at fault (it ends at a chance
    /// node or terminal).</param>
    /// <param name="message">What is wrong, without the step.</param>
    public SolvePathException(int step, string message)
        : base(step > 0 ? string.Create(CultureInfo.InvariantCulture, $"step {step}: {message}") : message)
    {
        Step = step;
    }

    /// <summary>The 1-based step at fault, or 0 for the path as a whole.</summary>
    public int Step { get; }
}

/// <summary>Paths through a solved spot's tree: reading and writing them as text, walking them with errors that
/// name the step, and describing the node they reach.</summary>
internal static class SolutionPaths
{
    /// <summary>The nodes along a path, root first; throws at the first step that leaves the tree.</summary>
    public static Node[] Walk(SolverGame game, IReadOnlyList<int> path)
    {
        var nodes = new Node[path.Count + 1];
        var node = nodes[0] = game.Root;
        for (var i = 0; i < path.Count; i++)
        {
            var step = path[i];
            node = nodes[i + 1] = node switch
            {
                ActionNode a when step >= 0 && step < a.Children.Length => a.Children[step],
                ActionNode a => throw new SolvePathException(i + 1, ActionCount(a, step.ToString(CultureInfo.InvariantCulture))),
                ChanceNode c when Array.IndexOf(c.Cards, step) is var k and >= 0 => c.Children[k],
                ChanceNode => throw new SolvePathException(i + 1, step is >= 0 and < Card.DeckSize
                    ? $"card {new Card(step)} cannot be dealt here (it is on the board)"
                    : $"{step} is not a card"),
                _ => throw new SolvePathException(i + 1, $"the hand is over after step {i} (a fold or a showdown)"),
            };
        }
        return nodes;
    }

    /// <summary>Why a path that should end at a decision does not.</summary>
    public static SolvePathException NotADecision(Node node) => node switch
    {
        ChanceNode c => new SolvePathException(0, $"the path ends at a chance node: add the card dealt, one of {string.Join(", ", Cards(c))}"),
        _ => new SolvePathException(0, "the path ends where the hand ends (a fold or a showdown), not at a decision"),
    };

    public static IReadOnlyList<int> Parse(PostflopGame game, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var steps = text.Split('.');
        var path = new List<int>(steps.Length);
        Node node = game.SolverGame.Root;
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i].Trim();
            switch (node)
            {
                case ActionNode a:
                    if (!int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= a.Children.Length)
                    {
                        throw new SolvePathException(i + 1, ActionCount(a, step.Length == 0 ? "an empty step" : $"'{step}'"));
                    }
                    path.Add(index);
                    node = a.Children[index];
                    break;
                case ChanceNode c:
                    if (step.Length == 0 || !CardParser.TryParse(step, out var cards, out _) || cards.Length != 1)
                    {
                        throw new SolvePathException(i + 1, $"'{step}' is not a card: a card is dealt here ({string.Join(", ", Cards(c).Take(3))}, …)");
                    }
                    var k = Array.IndexOf(c.Cards, (int)cards[0].Index);
                    if (k < 0)
                    {
                        throw new SolvePathException(i + 1, $"card {cards[0]} cannot be dealt here (it is on the board)");
                    }
                    path.Add(cards[0].Index);
                    node = c.Children[k];
                    break;
                default:
                    throw new SolvePathException(i + 1, $"the hand is over after step {i} (a fold or a showdown)");
            }
        }
        return path;
    }

    public static string Format(PostflopGame game, IReadOnlyList<int> path)
    {
        var nodes = Walk(game.SolverGame, path);
        return string.Join('.', path.Select((step, i) => nodes[i] is ChanceNode ? new Card(step).ToString() : step.ToString(CultureInfo.InvariantCulture)));
    }

    public static TreeNode Node(PostflopGame game, IReadOnlyList<int> path)
    {
        var g = game.SolverGame;
        var nodes = Walk(g, path);
        var line = new List<LineStep>(path.Count);
        for (var i = 0; i < path.Count; i++)
        {
            line.Add(nodes[i] is ActionNode a
                ? new LineStep(PlayerName(a.Player), a.Actions[path[i]].Label, null)
                : new LineStep(null, null, new Card(path[i]).ToString()));
        }
        var end = nodes[^1];
        switch (end)
        {
            case ActionNode a:
                var children = a.Children.Select((child, k) => new TreeChild(a.Actions[k].Label, KindOf(child), [.. path, k],
                    child is ChanceNode c ? Cards(c) : null)).ToArray();
                return new TreeNode(NodeKind.Decision, PlayerName(a.Player), children, [], line, Stacks(game, a));
            case ChanceNode chance:
                return new TreeNode(NodeKind.Chance, null, [], Cards(chance), line, null);
            default:
                return new TreeNode(NodeKind.Terminal, null, [], [], line, null);
        }
    }

    public static string PlayerName(int player) => player == 0 ? "oop" : "ip";

    private static NodeKind KindOf(Node node) => node switch
    {
        ActionNode => NodeKind.Decision,
        ChanceNode => NodeKind.Chance,
        _ => NodeKind.Terminal,
    };

    private static string[] Cards(ChanceNode chance) => [.. chance.Cards.Order().Select(c => new Card(c).ToString())];

    private static string ActionCount(ActionNode a, string given) =>
        string.Create(CultureInfo.InvariantCulture, $"the decision has {a.Children.Length} actions (0–{a.Children.Length - 1}), not {given}");

    // Chips behind: the stack less what each player has put in since the root. A decision knows the pot (the
    // starting pot plus both players' chips) and the acting player's chips, which gives the other's.
    private static double[] Stacks(PostflopGame game, ActionNode a)
    {
        var stack = game.Spot.EffectiveStack;
        var mine = a.Invested;
        var theirs = a.Pot - game.SolverGame.StartingPot - mine;
        return a.Player == 0 ? [stack - mine, stack - theirs] : [stack - theirs, stack - mine];
    }
}
