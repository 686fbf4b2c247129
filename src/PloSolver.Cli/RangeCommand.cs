using System.Globalization;
using System.Text.Json;
using PloSolver.Engine;

namespace PloSolver.Cli;

/// <summary><c>plosolver range</c>: how many hands a range holds, a sample of them and, on a board, how they split
/// into hand categories (with <c>--vs</c>: each category's equity and the range's equity distribution).</summary>
internal static class RangeCommand
{
    public const string Usage = "plosolver range RANGE [--game plo4|plo5|plo6] [--board CARDS] [--dead CARDS] [--vs HAND_OR_RANGE [--hilo] [--seed N] [--threads N]] [--json]";

    private const int SampleSize = 12;

    private static readonly HashSet<string> ValueOptions = ["game", "board", "dead", "vs", "seed", "threads"];
    private static readonly HashSet<string> Switches = ["json", "hilo"];

    public static int Run(IEnumerable<string> args, TextWriter stdout)
    {
        var a = new Arguments(args, ValueOptions, Switches);
        if (a.Positionals.Count != 1)
        {
            throw new UsageException($"expected one range, got {a.Positionals.Count} arguments (quote a range that holds spaces)");
        }
        var game = Game.Plo4;
        if (a.Value("game") is { } gameText && !Games.TryParse(gameText, out game))
        {
            throw new UsageException($"--game: '{gameText}' is not a game: expected plo4, plo5 or plo6");
        }
        var board = Cards("--board", a.Value("board"));
        if (board.Length is 1 or 2 or > 5)
        {
            throw new UsageException($"--board: a board has 0, 3, 4 or 5 cards, this one has {board.Length}");
        }
        var dead = Cards("--dead", a.Value("dead"));
        if (board.Intersect(dead).ToArray() is [var shared, ..])
        {
            throw new UsageException($"--dead: {shared} is also in --board");
        }
        var text = a.Positionals[0];
        if (!RangeParser.TryParse(text, game, Card.ToMask(board) | Card.ToMask(dead), out var range, out var error))
        {
            throw new UsageException($"range '{text}', position {error.Position}: {error.Message}");
        }

        if (a.Value("vs") is not null && board.Length < 3)
        {
            throw new UsageException("--vs: equity by category needs a flop, turn or river in --board");
        }
        if (a.Value("vs") is null && (a.Has("hilo") || a.Value("seed") is not null || a.Value("threads") is not null))
        {
            throw new UsageException("--hilo, --seed and --threads go with --vs");
        }

        var sample = range.Sample(SampleSize).Select(hand => Card.Format(hand)).ToArray();
        var breakdown = a.Value("vs") is { } opponent ? Breakdown(a, game, text, opponent, board, dead) : null;
        var categories = breakdown?.Categories ?? (board.Length >= 3 ? RangeBreakdown.Count(range, board) : null);
        if (a.Has("json"))
        {
            var output = new RangeOutput(range.Combos, range.IsWeighted ? range.WeightedCombos : null, sample, categories, breakdown?.Distribution,
                breakdown?.Exact);
            stdout.WriteLine(JsonSerializer.Serialize(output, JsonOutput.Default.RangeOutput));
            return 0;
        }
        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine($"{game.Name().ToUpperInvariant()} range {text}: {range.Combos.ToString("N0", inv)} hands"
            + (range.IsWeighted ? $", {range.WeightedCombos.ToString("N1", inv)} weighted" : ""));
        stdout.WriteLine($"sample: {string.Join(' ', sample)}");
        if (categories is not null)
        {
            stdout.WriteLine();
            stdout.WriteLine($"on {Card.Format(board)}" + (breakdown is null ? "" : $", equity against {a.Value("vs")}"
                + (breakdown.Exact ? " (exact)" : " (Monte Carlo, ± one standard error)")));
            PrintCategories(stdout, categories, breakdown is not null);
        }
        if (breakdown is not null)
        {
            stdout.WriteLine();
            stdout.WriteLine("equity distribution (hands of the range, strongest first):");
            foreach (var decile in new[] { 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 })
            {
                stdout.WriteLine(string.Create(inv, $"  {decile,3}%  {EquityAt(breakdown.Distribution, decile),7:F2}%"));
            }
        }
        return 0;
    }

    private static RangeBreakdownResult Breakdown(Arguments a, Game game, string range, string opponent, Card[] board, Card[] dead)
    {
        var input = new EquityInput
        {
            Game = game.Name(),
            HiLo = a.Has("hilo"),
            Players = [new PlayerInput { Range = range }, EquityCommand.Player(opponent, game.Name())],
            Boards = [Card.Format(board)],
            Dead = dead.Length == 0 ? null : Card.Format(dead),
            Seed = a.Long("seed", long.MinValue, long.MaxValue),
        };
        if (!EquityProblem.TryCreate(input, out var problem, out var errors))
        {
            var (field, messages) = errors.First();
            var option = field.StartsWith("players[1]", StringComparison.Ordinal) ? "--vs" : field.StartsWith("players[0]", StringComparison.Ordinal) ? $"range '{range}'" : field;
            throw new UsageException($"{option}: {messages[0]}");
        }
        var limits = new EquityLimits { Threads = (int)(a.Long("threads", 1, 1024) ?? 0) };
        try
        {
            return RangeBreakdown.Calculate(problem, 0, limits);
        }
        catch (EquityLimitException e)
        {
            throw new UsageException($"--vs: {e.Message}");
        }
    }

    private static void PrintCategories(TextWriter stdout, IReadOnlyList<CategoryShare> categories, bool withEquity)
    {
        var inv = CultureInfo.InvariantCulture;
        var width = Math.Max(10, categories.Max(c => c.Label.Length));
        stdout.WriteLine($"{"category".PadRight(width)}  {"hands",10}  {"of range",8}" + (withEquity ? "    equity" : ""));
        string? kind = null;
        foreach (var c in categories)
        {
            if (kind is not null && kind != c.Kind)
            {
                stdout.WriteLine();
            }
            kind = c.Kind;
            var line = string.Create(inv, $"{c.Label.PadRight(width)}  {c.Combos,10:#,0.#}  {c.Percent,7:F2}%");
            if (c.Equity is { } equity)
            {
                line += string.Create(inv, $"  {equity,7:F2}%") + (c.StdErr is { } se ? string.Create(inv, $" ±{se:F2}") : "");
            }
            stdout.WriteLine(line);
        }
    }

    // The equity of the hand at a percentile of the range (the nearest point of the curve).
    private static double EquityAt(IReadOnlyList<EquityPoint> curve, double percentile) =>
        curve.MinBy(p => Math.Abs(p.Percentile - percentile))!.Equity;

    private static Card[] Cards(string option, string? text) =>
        text is null ? [] : CardParser.TryParse(text, out var cards, out var error) ? cards : throw new UsageException($"{option}: {error}");
}
