using System.Diagnostics;
using System.Globalization;

namespace PloSolver.Solver;

/// <summary>How to run a solve; the spot's own settings (target, iterations, time, memory) apply unless set here.</summary>
public sealed class SolveOptions
{
    /// <summary>Threads to use; 0 (default) uses every core.</summary>
    public int Threads { get; init; }

    /// <summary>Overrides the spot's target exploitability (% of the starting pot).</summary>
    public double? TargetExploitabilityPctPot { get; init; }

    /// <summary>Overrides the spot's iteration cap.</summary>
    public int? MaxIterations { get; init; }

    /// <summary>Overrides the spot's time limit.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Overrides the spot's memory limit (bytes).</summary>
    public long? MaxMemoryBytes { get; init; }

    /// <summary>Measure exploitability every this many iterations (a measurement costs about one iteration). 0
    /// (default): adaptively, at iteration 10 and then where the trend of the last two measurements says the target
    /// will be reached (see <see cref="PostflopSolver.NextCheck"/>).</summary>
    public int CheckEvery { get; init; }
}

/// <summary>Progress of a solve: reported after each exploitability measurement.</summary>
/// <param name="Iterations">Iterations done.</param>
/// <param name="ExploitabilityPctPot">Exploitability of the average strategies, % of the starting pot.</param>
/// <param name="ElapsedMs">Time since the solve started (tree and tables included).</param>
public sealed record SolveProgress(int Iterations, double ExploitabilityPctPot, double ElapsedMs);

/// <summary>What a spot will cost, estimated from its tree before any per-hand memory is taken.</summary>
/// <param name="OopHands">Hands in the OOP range after card removal.</param>
/// <param name="IpHands">Hands in the IP range after card removal.</param>
/// <param name="DecisionNodes">Decision nodes of the tree.</param>
/// <param name="ChanceNodes">Chance nodes (turn and river cards).</param>
/// <param name="TerminalNodes">Folds and showdowns.</param>
/// <param name="FinalBoards">Distinct river boards with a showdown.</param>
/// <param name="MemoryBytes">Estimated peak memory of the solve.</param>
/// <param name="SecondsPerIteration">Rough time of one iteration on the given threads (an unloaded machine).</param>
public sealed record TreeEstimate(int OopHands, int IpHands, int DecisionNodes, int ChanceNodes, int TerminalNodes, int FinalBoards,
    long MemoryBytes, double SecondsPerIteration);

/// <summary>Solves heads-up postflop PLO spots with Discounted CFR.</summary>
public static class PostflopSolver
{
    // Nanoseconds per unit of tree work (a hand-action step) per thread, measured on the project machine.
    private const double NanosecondsPerWork = 2.0;

    /// <summary>Validates a spot, builds its tree and estimates memory and time, without solving.</summary>
    /// <exception cref="SpotException">The spot is invalid, its tree too big, or its ranges never meet.</exception>
    public static TreeEstimate Estimate(Spot spot, int threads = 0)
    {
        var game = PostflopGame.Create(spot);
        CheckRangesMeet(game);
        return Estimate(game, Threads(threads));
    }

    // One fold pass (the card-removal sum of the IP range against each OOP hand) tells whether any pair of hands
    // can be dealt together, before a solve allocates anything.
    private static void CheckRangesMeet(PostflopGame game)
    {
        var g = game.SolverGame;
        var compatible = new float[g.HandCount(0)];
        Terminals.Fold(g, 0, g.Weights[1], compatible, 1, new double[g.Removal.IdCount]);
        for (var h = 0; h < compatible.Length; h++)
        {
            if (g.Weights[0][h] > 0 && compatible[h] > 0)
            {
                return;
            }
        }
        throw new SpotException("ranges: no pair of hands can meet: every hand of one player shares a card with every hand of the other");
    }

    /// <summary>
    /// Solves a spot until its exploitability reaches the target, the iteration cap or the time limit. Refuses a
    /// spot whose estimated memory is over the limit, saying how to shrink it.
    /// </summary>
    /// <exception cref="SpotException">The spot is invalid, too big, or its ranges never meet.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static SolveResult Solve(Spot spot, SolveOptions? options = null, IProgress<SolveProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new SolveOptions();
        var clock = Stopwatch.StartNew();
        var threads = Threads(options.Threads);
        var game = PostflopGame.Create(spot);
        var estimate = Estimate(game, threads);
        var limit = options.MaxMemoryBytes ?? (long)(spot.MaxMemoryMb * 1024 * 1024);
        if (MemoryProblem(estimate, limit) is { } tooBig)
        {
            throw new SpotException(tooBig);
        }
        game.PrepareBoards(threads);
        DcfrSolver solver;
        try
        {
            solver = new DcfrSolver(game.SolverGame, threads);
        }
        catch (InvalidOperationException e)
        {
            throw new SpotException($"ranges: {e.Message}");
        }
        var target = options.TargetExploitabilityPctPot ?? spot.TargetExploitabilityPctPot;
        var maxIterations = options.MaxIterations ?? spot.MaxIterations;
        var timeLimit = options.TimeLimit ?? TimeSpan.FromSeconds(spot.TimeLimitSeconds);
        var checkEvery = Math.Max(0, options.CheckEvery);
        var history = new List<SolveProgress>();
        var exploitability = double.PositiveInfinity;
        var next = checkEvery > 0 ? checkEvery : FirstCheck;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var last = solver.Iterations >= maxIterations || clock.Elapsed >= timeLimit;
            if (last || solver.Iterations >= next)
            {
                exploitability = solver.Exploitability(cancellationToken);
                var point = new SolveProgress(solver.Iterations, exploitability / spot.Pot * 100, clock.Elapsed.TotalMilliseconds);
                progress?.Report(point);
                if (last || point.ExploitabilityPctPot <= target)
                {
                    history.Add(point);
                    break;
                }
                next = checkEvery > 0 ? solver.Iterations + checkEvery : NextCheck(history.Count > 0 ? history[^1] : null, point, target);
                history.Add(point);
            }
            solver.Iterate(cancellationToken);
        }
        clock.Stop();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        return new SolveResult(game, solver, estimate, exploitability, clock.Elapsed.TotalMilliseconds, peak, history);
    }

    /// <summary>Why a spot with this estimate does not fit in <paramref name="limitBytes"/>, saying how to shrink it;
    /// null when it fits.</summary>
    public static string? MemoryProblem(TreeEstimate estimate, long limitBytes) => estimate.MemoryBytes <= limitBytes
        ? null
        : string.Create(CultureInfo.InvariantCulture,
            $"the spot needs about {estimate.MemoryBytes / 1048576.0:N0} MB, over the limit of {limitBytes / 1048576.0:N0} MB ({estimate.DecisionNodes:N0} decisions × {estimate.OopHands:N0}/{estimate.IpHands:N0} hands): use fewer bet and raise sizes or raises, narrower ranges, or start on a later street");

    private const int FirstCheck = 10;

    /// <summary>
    /// The iteration of the next exploitability measurement. DCFR's exploitability falls roughly as a power of the
    /// iteration count, so the last two measurements give the exponent and the iteration where the target should be
    /// reached. The step is at least 1/20 of the iterations so far (measurements stay under about 5% of the work
    /// near the target) and at most as many again (a bad prediction costs at most a doubling).
    /// </summary>
    internal static int NextCheck(SolveProgress? previous, SolveProgress current, double target)
    {
        var t = current.Iterations;
        var minStep = Math.Max(1, t / 20);
        var maxStep = Math.Max(minStep, t);
        var step = maxStep;
        if (previous is { } p && p.Iterations < t && p.ExploitabilityPctPot > current.ExploitabilityPctPot && current.ExploitabilityPctPot > 0 && target > 0)
        {
            var exponent = Math.Log(p.ExploitabilityPctPot / current.ExploitabilityPctPot) / Math.Log((double)t / p.Iterations);
            var predicted = t * Math.Pow(current.ExploitabilityPctPot / target, 1 / exponent);
            if (double.IsFinite(predicted))
            {
                step = (int)Math.Clamp(Math.Ceiling(predicted) - t, minStep, maxStep);
            }
        }
        return t + step;
    }

    private static int Threads(int threads) => threads > 0 ? threads : Environment.ProcessorCount;

    internal static TreeEstimate Estimate(PostflopGame game, int threads)
    {
        var g = game.SolverGame;
        var (n0, n1) = (g.HandCount(0), g.HandCount(1));
        var (action, chance, terminal) = g.NodeCount;
        var state = g.StateBytes();
        var boards = (long)game.FinalBoards * (n0 + n1) * 8;
        var removal = (long)(n0 + n1) * g.Removal.SubsetsPerHand * (4 + 8);
        var nodes = (action + chance + terminal) * 160L;
        // Traversal buffers: a few arrays over hands per level of the tree per thread, more at chance nodes.
        var scratch = threads * 64L * 8 * Math.Max(n0, n1) * sizeof(float) + 52L * 52 * Math.Max(n0, n1) * sizeof(float);
        const long runtime = 64L << 20;
        var bytes = state + boards + removal + nodes + scratch + runtime;
        var seconds = 2.5 * g.Root.Work * NanosecondsPerWork / threads / 1e9;
        return new TreeEstimate(n0, n1, action, chance, terminal, game.FinalBoards, bytes, seconds);
    }
}
