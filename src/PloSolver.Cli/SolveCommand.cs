using System.Globalization;
using System.Text.Json;
using PloSolver.Solver;

namespace PloSolver.Cli;

/// <summary><c>plosolver solve SPOT.json</c>: solves a heads-up postflop spot (docs/solver.md) with Discounted CFR,
/// progress on stderr, the root decision's strategy on stdout.</summary>
internal static class SolveCommand
{
    public const string Usage =
        "plosolver solve SPOT.json [--threads N] [--target PCT] [--iterations N] [--time-limit S] [--estimate] [--json]";

    private static readonly HashSet<string> ValueOptions = ["threads", "target", "iterations", "time-limit"];
    private static readonly HashSet<string> Switches = ["json", "estimate"];

    public static int Run(IEnumerable<string> args, TextWriter stdout) => Run(args, stdout, Console.Error);

    public static int Run(IEnumerable<string> args, TextWriter stdout, TextWriter stderr)
    {
        var a = new Arguments(args, ValueOptions, Switches);
        if (a.Positionals.Count != 1)
        {
            throw new UsageException($"expected one spot file, got {a.Positionals.Count} arguments");
        }
        var path = a.Positionals[0];
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Our own words: the shipped binary reduces the runtime's messages to resource keys.
            throw new UsageException($"{path}: " + e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "permission denied",
                _ => "cannot be read",
            });
        }
        var threads = (int)(a.Long("threads", 1, 1024) ?? 0);
        var options = new SolveOptions
        {
            Threads = threads,
            TargetExploitabilityPctPot = a.Double("target", 0, 100),
            MaxIterations = (int?)a.Long("iterations", 1, 1_000_000),
            TimeLimit = a.Double("time-limit", 0, 1e7) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        };
        var inv = CultureInfo.InvariantCulture;
        try
        {
            var spot = SpotFile.Parse(json);
            var estimate = PostflopSolver.Estimate(spot, threads);
            if (estimate.MemoryBytes > spot.MaxMemoryMb * 1048576)
            {
                // Solve refuses it with the message that says how to shrink the spot.
                PostflopSolver.Solve(spot, options);
            }
            stderr.WriteLine(string.Create(inv,
                $"tree: {estimate.DecisionNodes:N0} decisions, {estimate.ChanceNodes:N0} chance nodes, {estimate.TerminalNodes:N0} terminals; hands {estimate.OopHands:N0} OOP, {estimate.IpHands:N0} IP; about {estimate.MemoryBytes / 1048576.0:N0} MB, {estimate.SecondsPerIteration:0.###} s an iteration"));
            if (a.Has("estimate"))
            {
                return 0;
            }
            var progress = new Progress(stderr);
            var result = PostflopSolver.Solve(spot, options, progress);
            var root = result.Root();
            if (a.Has("json"))
            {
                var output = new SolveOutput(result.Iterations, result.ElapsedMs, result.ExploitabilityPctPot, result.ExploitabilityChips,
                    result.PeakMemoryBytes, estimate.MemoryBytes, result.Threads, result.OopEv, result.IpEv,
                    new RootOutput(root.Player, root.Board, root.Pot, root.Combos, root.Ev, root.Equity, root.Actions, root.Categories));
                stdout.WriteLine(JsonSerializer.Serialize(output, JsonOutput.Default.SolveOutput));
                return 0;
            }
            stdout.WriteLine(string.Create(inv,
                $"{result.Iterations} iterations in {result.ElapsedMs / 1000:0.00} s on {result.Threads} threads: exploitability {result.ExploitabilityPctPot:0.###}% of the pot ({result.ExploitabilityChips:0.####} chips), peak memory {result.PeakMemoryBytes / 1048576.0:N0} MB"));
            stdout.WriteLine(string.Create(inv, $"EV: OOP {result.OopEv:0.##}, IP {result.IpEv:0.##} (pot {spot.Pot:0.##})"));
            stdout.WriteLine();
            stdout.WriteLine(string.Create(inv, $"{root.Player.ToUpperInvariant()} on {root.Board}, pot {root.Pot:0.##}: {root.Combos:N1} combos, EV {root.Ev:0.##}, equity {root.Equity:0.0}%"));
            var width = Math.Max(14, root.Categories.Select(c => c.Label.Length).DefaultIfEmpty(0).Max());
            stdout.WriteLine($"{"".PadRight(width)}  {"combos",8}  {"equity",6}  " + string.Join("  ", root.Actions.Select(x => x.Action.PadLeft(10))));
            stdout.WriteLine(string.Create(inv, $"{"all hands".PadRight(width)}  {root.Combos,8:N0}  {root.Equity,5:0.0}%  ")
                + string.Join("  ", root.Actions.Select(x => string.Create(inv, $"{x.Frequency * 100,9:0.0}%"))));
            foreach (var c in root.Categories)
            {
                stdout.WriteLine(string.Create(inv, $"{c.Label.PadRight(width)}  {c.Combos,8:N0}  {c.Equity,5:0.0}%  ")
                    + string.Join("  ", c.Frequencies.Select(f => string.Create(inv, $"{f * 100,9:0.0}%"))));
            }
            return 0;
        }
        catch (SpotException e)
        {
            throw new UsageException($"{path}: {e.Message}");
        }
    }

    // Progress lines on stderr, written synchronously (Progress<T> would post them to the thread pool).
    private sealed class Progress(TextWriter stderr) : IProgress<SolveProgress>
    {
        public void Report(SolveProgress value) =>
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"iteration {value.Iterations}: exploitability {value.ExploitabilityPctPot:0.###}% of the pot, {value.ElapsedMs / 1000:0.0} s"));
    }
}

/// <summary><c>plosolver solve --json</c>: the root summary of a solve.</summary>
internal sealed record SolveOutput(int Iterations, double ElapsedMs, double ExploitabilityPctPot, double ExploitabilityChips, long PeakMemoryBytes,
    long EstimatedMemoryBytes, int Threads, double OopEv, double IpEv, RootOutput Root);

/// <summary>The root decision: overall strategy and strategy by hand category (per-hand detail stays out of the summary).</summary>
internal sealed record RootOutput(string Player, string Board, double Pot, double Combos, double Ev, double Equity, IReadOnlyList<ActionReport> Actions,
    IReadOnlyList<CategoryReport> Categories);
