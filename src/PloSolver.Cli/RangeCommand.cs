using System.Globalization;
using System.Text.Json;
using PloSolver.Engine;

namespace PloSolver.Cli;

/// <summary><c>plosolver range</c>: how many hands a range holds, and a sample of them.</summary>
internal static class RangeCommand
{
    public const string Usage = "plosolver range RANGE [--game plo4|plo5|plo6] [--board CARDS] [--dead CARDS] [--json]";

    private const int SampleSize = 12;

    private static readonly HashSet<string> ValueOptions = ["game", "board", "dead"];
    private static readonly HashSet<string> Switches = ["json"];

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

        var sample = range.Sample(SampleSize).Select(hand => Card.Format(hand)).ToArray();
        if (a.Has("json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(new RangeOutput(range.Combos, range.IsWeighted ? range.WeightedCombos : null, sample),
                JsonOutput.Default.RangeOutput));
            return 0;
        }
        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine($"{game.Name().ToUpperInvariant()} range {text}: {range.Combos.ToString("N0", inv)} hands"
            + (range.IsWeighted ? $", {range.WeightedCombos.ToString("N1", inv)} weighted" : ""));
        stdout.WriteLine($"sample: {string.Join(' ', sample)}");
        return 0;
    }

    private static Card[] Cards(string option, string? text) =>
        text is null ? [] : CardParser.TryParse(text, out var cards, out var error) ? cards : throw new UsageException($"{option}: {error}");
}
