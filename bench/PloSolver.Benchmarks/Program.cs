using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/PloSolver.Benchmarks -- --filter '*'   (see docs/benchmarks.md)
BenchmarkSwitcher.FromAssembly(typeof(PloSolver.Benchmarks.EquityBenchmarks).Assembly).Run(args);
