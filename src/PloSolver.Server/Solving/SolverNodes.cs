using PloSolver.Solver;

namespace PloSolver.Server.Solving;

/// <summary>A decision of a solved spot, as <c>GET /api/jobs/{id}/result?node=PATH</c> serves it.</summary>
internal sealed record SolverNode(string Path, string Player, string Board, double Pot, IReadOnlyList<double>? Stacks, double Combos, double Ev,
    double Equity, IReadOnlyList<SolverNodeAction> Actions, IReadOnlyList<CategoryReport> Categories, IReadOnlyList<HandReport>? Hands,
    IReadOnlyList<LineStep> Line);

/// <summary>One action: its overall frequency and EV, and where it leads.</summary>
internal sealed record SolverNodeAction(string Action, double Amount, double Frequency, double Ev, SolverNodeChild Child);

/// <summary>Where an action leads: <c>decision</c>, <c>chance</c> (with the cards that can be dealt) or
/// <c>terminal</c>, and the path to it.</summary>
internal sealed record SolverNodeChild(string Kind, string Path, IReadOnlyList<string>? Cards);

/// <summary>A solve job's result: how the solve went and the root decision without its hands.</summary>
internal sealed record SolveSummary(int Iterations, double ElapsedMs, double ExploitabilityPctPot, double ExploitabilityChips, long PeakMemoryBytes,
    int Threads, double OopEv, double IpEv, double Pot, double EffectiveStack, string Board, long SolutionBytes, SolverNode Root);

/// <summary>The figures of a solve job while it runs and after (the job's <c>detail</c>).</summary>
internal sealed record SolveDetail(int Iterations, double? ExploitabilityPctPot, double ElapsedMs, IReadOnlyList<SolveProgress> History);

/// <summary>What <c>POST /api/solver/estimate</c> answers.</summary>
internal sealed record SolverEstimate(int OopHands, int IpHands, int DecisionNodes, int ChanceNodes, int TerminalNodes, int FinalBoards, long MemoryBytes,
    double SecondsPerIteration, long MaxMemoryBytes, bool Fits, string? Message);

internal static class SolverNodes
{
    /// <summary>The node at a path, with its hands or without (the summary's root). Throws
    /// <see cref="SolvePathException"/> when the path does not lead to a decision.</summary>
    public static SolverNode Build(SolveResult result, IReadOnlyList<int> path, bool hands)
    {
        var report = result.Report(path);
        var tree = result.Node(path);
        var actions = report.Actions.Select((a, k) =>
        {
            var child = tree.Children[k];
            return new SolverNodeAction(a.Action, a.Amount, a.Frequency, a.Ev,
                new SolverNodeChild(Kind(child.Kind), result.FormatPath(child.Path), child.Cards));
        }).ToArray();
        return new SolverNode(result.FormatPath(path), report.Player, report.Board, report.Pot, tree.Stacks, report.Combos, report.Ev, report.Equity,
            actions, report.Categories, hands ? report.Hands : null, tree.Line);
    }

    public static string Kind(NodeKind kind) => kind switch
    {
        NodeKind.Decision => "decision",
        NodeKind.Chance => "chance",
        _ => "terminal",
    };
}
