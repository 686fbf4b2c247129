using PloSolver.Cli;

// plosolver: the command line. Bad input exits 2 with one line on stderr; results go to stdout.
var commands = new Dictionary<string, Func<IEnumerable<string>, TextWriter, int>>(StringComparer.Ordinal)
{
    ["equity"] = EquityCommand.Run,
    ["evaluate"] = EvaluateCommand.Run,
    ["range"] = RangeCommand.Run,
    ["solve"] = SolveCommand.Run,
    ["bench"] = BenchCommand.Run,
};

if (args.Length == 0)
{
    Console.Error.WriteLine($"plosolver: no command given (expected {string.Join(", ", commands.Keys.SkipLast(1))} or {commands.Keys.Last()}; see plosolver --help)");
    return 2;
}
if (args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine("PLOSolver: exact, fast Pot-Limit Omaha equity and a postflop solver.");
    Console.WriteLine();
    Console.WriteLine("usage:");
    Console.WriteLine("  " + EquityCommand.Usage);
    Console.WriteLine("  " + EvaluateCommand.Usage);
    Console.WriteLine("  " + RangeCommand.Usage);
    Console.WriteLine("  " + SolveCommand.Usage);
    Console.WriteLine("  " + BenchCommand.Usage);
    Console.WriteLine();
    Console.WriteLine("Cards: As, as, Th or 10h, and suit symbols (A♠). Ranges: docs/ranges.md. Commands: docs/cli.md.");
    return 0;
}
if (args[0] == "--version")
{
    Console.WriteLine(typeof(EquityCommand).Assembly.GetName().Version?.ToString(3));
    return 0;
}
if (!commands.TryGetValue(args[0], out var command))
{
    Console.Error.WriteLine($"plosolver: unknown command '{args[0]}' (expected {string.Join(", ", commands.Keys.SkipLast(1))} or {commands.Keys.Last()}; see plosolver --help)");
    return 2;
}

try
{
    return command(args.Skip(1), Console.Out);
}
catch (UsageException e)
{
    Console.Error.WriteLine($"plosolver {args[0]}: {e.Message}");
    return 2;
}
