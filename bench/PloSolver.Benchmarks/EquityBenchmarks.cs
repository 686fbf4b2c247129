using BenchmarkDotNet.Attributes;
using PloSolver.Engine;

namespace PloSolver.Benchmarks;

/// <summary>Exact and Monte Carlo equity for the spots named in the engine's speed targets (warm, all cores).</summary>
[MemoryDiagnoser]
public class EquityBenchmarks
{
    private EquityProblem _headsUpPreflop = null!;
    private EquityProblem _threeWayPreflop = null!;
    private EquityProblem _plo5Preflop = null!;
    private EquityProblem _plo6Preflop = null!;
    private EquityProblem _hiLoPreflop = null!;
    private EquityProblem _doubleBoardFlops = null!;
    private EquityProblem _headsUpFlop = null!;
    private static readonly EquityLimits OneThread = new() { Threads = 1 };
    private EquityProblem _monteCarlo = null!;

    [GlobalSetup]
    public void Setup()
    {
        _headsUpPreflop = Problem("plo4", false, ["AsKsQhJh", "7c8c9d6d"]);
        _threeWayPreflop = Problem("plo4", false, ["AsKsQhJh", "7c8c9d6d", "AcAdKhKd"]);
        _plo5Preflop = Problem("plo5", false, ["AsKsQhJhTd", "7c8c9d6d5s"]);
        _plo6Preflop = Problem("plo6", false, ["AsKsQhJhTd9s", "7c8c9d6d5s4h"]);
        _hiLoPreflop = Problem("plo4", true, ["As2sKh3h", "7c8c9d6d"]);
        _doubleBoardFlops = Problem("plo4", false, ["AsKsQhJh", "7c8c9d6d"], ["2c3d4h", "Tc5s5d"]);
        _headsUpFlop = Problem("plo4", false, ["AsKsQhJh", "7c8c9d6d"], ["2c3d4h"]);
        _monteCarlo = Problem("plo4", false, ["AsKsQhJh", "7c8c9d6d"], mode: "montecarlo", trials: 5_000_000);
    }

    [Benchmark(Description = "exact HU PLO4 preflop")]
    public EquityResult HeadsUpPreflop() => EquityCalculator.Calculate(_headsUpPreflop);

    /// <summary>The spot of the server's load test (scripts/bench-server.sh): one thread, as the server runs it.</summary>
    [Benchmark(Description = "exact HU PLO4 flop, one thread")]
    public EquityResult HeadsUpFlop() => EquityCalculator.Calculate(_headsUpFlop, OneThread);

    [Benchmark(Description = "exact 3-way PLO4 preflop")]
    public EquityResult ThreeWayPreflop() => EquityCalculator.Calculate(_threeWayPreflop);

    [Benchmark(Description = "exact HU PLO5 preflop")]
    public EquityResult Plo5Preflop() => EquityCalculator.Calculate(_plo5Preflop);

    [Benchmark(Description = "exact HU PLO6 preflop")]
    public EquityResult Plo6Preflop() => EquityCalculator.Calculate(_plo6Preflop);

    [Benchmark(Description = "exact HU PLO4 hi-lo preflop")]
    public EquityResult HiLoPreflop() => EquityCalculator.Calculate(_hiLoPreflop);

    [Benchmark(Description = "exact HU double board from two flops")]
    public EquityResult DoubleBoardFlops() => EquityCalculator.Calculate(_doubleBoardFlops);

    [Benchmark(Description = "Monte Carlo HU PLO4 preflop, 5M trials")]
    public EquityResult MonteCarlo() => EquityCalculator.Calculate(_monteCarlo);

    internal static EquityProblem Problem(string game, bool hiLo, string[] hands, string[]? boards = null, string mode = "exact", long? trials = null)
    {
        var input = new EquityInput
        {
            Game = game,
            HiLo = hiLo,
            Players = [.. hands.Select(h => new PlayerInput { Hand = h })],
            Boards = boards ?? [],
            Mode = mode,
            Trials = trials,
        };
        return EquityProblem.TryCreate(input, out var problem, out var errors)
            ? problem
            : throw new ArgumentException(string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
    }
}
