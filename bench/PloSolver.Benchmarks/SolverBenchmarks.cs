using BenchmarkDotNet.Attributes;
using PloSolver.Solver;

namespace PloSolver.Benchmarks;

/// <summary>
/// Solver figures (docs/benchmarks.md): Leduc hold'em to below 0.001 chips per hand, and the shipped PLO4 river
/// spot (about 10,000 combos each) to 0.3% of the pot, each a whole solve on every core.
/// </summary>
[MemoryDiagnoser]
public class SolverBenchmarks
{
    private Spot _river = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(FindRepository(), "examples", "spots", "river-10k.json");
        _river = SpotFile.Parse(File.ReadAllText(path));
    }

    [Benchmark]
    public double LeducToOneThousandthChip()
    {
        var solver = new DcfrSolver(ToyGames.Leduc());
        var exploitability = double.PositiveInfinity;
        while (exploitability >= 0.001)
        {
            for (var i = 0; i < 10; i++)
            {
                solver.Iterate();
            }
            exploitability = solver.Exploitability();
        }
        return exploitability;
    }

    [Benchmark]
    public double River10kToPointThreePercent() =>
        PostflopSolver.Solve(_river, new SolveOptions { TargetExploitabilityPctPot = 0.3 }).ExploitabilityPctPot;

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PloSolver.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}
