using System.Text.Json;
using PloSolver.Engine;

namespace PloSolver.Cli;

/// <summary><c>plosolver evaluate</c>: an Omaha hand on a board, or the best five of 5–7 cards.</summary>
internal static class EvaluateCommand
{
    public const string Usage = "plosolver evaluate HAND --board CARDS [--game plo4|plo5|plo6] [--hilo] [--json]   or   plosolver evaluate 5-7CARDS [--json]";

    private static readonly HashSet<string> ValueOptions = ["board", "game"];
    private static readonly HashSet<string> Switches = ["hilo", "json"];

    public static int Run(IEnumerable<string> args, TextWriter stdout)
    {
        var a = new Arguments(args, ValueOptions, Switches);
        if (a.Positionals.Count != 1)
        {
            throw new UsageException($"expected one hand, got {a.Positionals.Count} arguments (write the cards without spaces or quote them)");
        }
        var cards = Parse("hand", a.Positionals[0]);
        HandEvaluation evaluation;
        if (a.Has("board"))
        {
            var board = Parse("--board", a.Value("board")!);
            var game = cards.Length is >= 4 and <= 6 ? (Game)cards.Length : Game.Plo4;
            if (a.Value("game") is { } gameText && !Games.TryParse(gameText, out game))
            {
                throw new UsageException($"--game: '{gameText}' is not a game: expected plo4, plo5 or plo6");
            }
            if (cards.Length != game.HoleCards())
            {
                throw new UsageException($"hand: {game.Name()} hands have {game.HoleCards()} cards, this one has {cards.Length}");
            }
            if (board.Length is < 3 or > 5)
            {
                throw new UsageException($"--board: a board to evaluate on has 3, 4 or 5 cards, this one has {board.Length}");
            }
            if (board.Intersect(cards).ToArray() is [var shared, ..])
            {
                throw new UsageException($"--board: {shared} is also in the hand");
            }
            evaluation = HandEvaluator.EvaluateOmaha(cards, board, a.Has("hilo"));
        }
        else
        {
            if (a.Has("game") || a.Has("hilo"))
            {
                throw new UsageException("--game and --hilo need --board (an Omaha hand is evaluated on a board)");
            }
            if (cards.Length is < 5 or > 7)
            {
                throw new UsageException($"hand: without --board, give 5 to 7 cards to find the best five; got {cards.Length}");
            }
            evaluation = HandEvaluator.EvaluateHigh(cards);
        }

        var output = ToOutput(evaluation, a.Has("hilo"));
        if (a.Has("json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(output, JsonOutput.Default.EvaluationOutput));
        }
        else
        {
            stdout.WriteLine($"{output.Description} (rank {output.Rank} of {HandValue.DistinctValues})");
            stdout.WriteLine($"best five: {string.Join(' ', output.BestFive)}");
            if (output.Low is { } low)
            {
                stdout.WriteLine(low.BestFive.Count == 0 ? "low: none" : $"low: {low.Description}, {string.Join(' ', low.BestFive)}");
            }
        }
        return 0;
    }

    internal static EvaluationOutput ToOutput(HandEvaluation evaluation, bool hiLo) => new(
        evaluation.Value.Value,
        evaluation.Category.ToString(),
        evaluation.Description,
        [.. evaluation.BestFive.Select(c => c.ToString())],
        hiLo ? new LowOutput(evaluation.Low.Value, evaluation.Low.Description, [.. evaluation.LowFive.Select(c => c.ToString())]) : null);

    private static Card[] Parse(string field, string text) =>
        CardParser.TryParse(text, out var cards, out var error) ? cards : throw new UsageException($"{field}: {error}");
}
