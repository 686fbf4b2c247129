using System.Text.Json;
using PloSolver.Engine;

namespace PloSolver.Cli.Tests;

/// <summary><c>plosolver evaluate</c>, run in-process.</summary>
public sealed class EvaluateCommandTests
{
    [Fact]
    public void Omaha_hand_on_a_board_prints_the_hand_its_rank_and_best_five()
    {
        var (exitCode, stdout) = Cli.Run(EvaluateCommand.Run, "AsKsQhJh", "--board", "Ts9s2s3d4c");
        Assert.Equal(0, exitCode);
        var rank = HandEvaluator.High(CardParser.Parse("AsKsTs9s2s")).Value;
        Assert.Equal($"Flush, ace high (rank {rank} of 7462){Environment.NewLine}best five: As Ks Ts 9s 2s{Environment.NewLine}", stdout);
    }

    [Fact]
    public void Omaha_json_has_rank_category_description_and_best_five()
    {
        var (exitCode, stdout) = Cli.Run(EvaluateCommand.Run, "AcAdKhKs", "--board", "5s6h7d8c9s", "--json");
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(HandEvaluator.High(CardParser.Parse("AcAd9s8c7d")).Value, root.GetProperty("rank").GetInt32());
        Assert.Equal("OnePair", root.GetProperty("category").GetString());
        Assert.Equal("Pair of aces", root.GetProperty("description").GetString());
        Assert.Equal(new[] { "Ad", "Ac", "9s", "8c", "7d" }, root.GetProperty("bestFive").EnumerateArray().Select(c => c.GetString()));
        Assert.False(root.TryGetProperty("low", out _));
    }

    [Fact]
    public void Hilo_adds_the_low_with_its_five_cards()
    {
        var (_, stdout) = Cli.Run(EvaluateCommand.Run, "Ah2hKdQd", "--board", "3c4d8hKcKs", "--hilo");
        var lines = stdout.TrimEnd().Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Three of a kind, kings", lines[0], StringComparison.Ordinal);
        Assert.Equal("low: 8-4-3-2-A low, 8h 4d 3c 2h Ah", lines[2]);
    }

    [Fact]
    public void Hilo_without_a_low_says_none()
    {
        var (_, stdout) = Cli.Run(EvaluateCommand.Run, "AsKsQhJh", "--board", "Ts9s2s3d4c", "--hilo");
        Assert.EndsWith($"low: none{Environment.NewLine}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Hilo_json_has_the_low_rank_description_and_cards()
    {
        var (_, stdout) = Cli.Run(EvaluateCommand.Run, "Ah2hKdQd", "--board", "3c4d8hKcKs", "--hilo", "--json");
        using var json = JsonDocument.Parse(stdout);
        var low = json.RootElement.GetProperty("low");
        Assert.Equal(HandEvaluator.OmahaLow(CardParser.Parse("Ah2hKdQd"), CardParser.Parse("3c4d8hKcKs")).Value, low.GetProperty("rank").GetInt32());
        Assert.True(low.GetProperty("rank").GetInt32() > 0);
        Assert.Equal("8-4-3-2-A low", low.GetProperty("description").GetString());
        Assert.Equal(new[] { "8h", "4d", "3c", "2h", "Ah" }, low.GetProperty("bestFive").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void Hilo_json_without_a_low_has_rank_0_and_no_cards()
    {
        var (_, stdout) = Cli.Run(EvaluateCommand.Run, "AsKsQhJh", "--board", "Ts9s2s3d4c", "--hilo", "--json");
        using var json = JsonDocument.Parse(stdout);
        var low = json.RootElement.GetProperty("low");
        Assert.Equal(0, low.GetProperty("rank").GetInt32());
        Assert.Equal("no low", low.GetProperty("description").GetString());
        Assert.Equal(0, low.GetProperty("bestFive").GetArrayLength());
    }

    [Theory]
    [InlineData("AsKsQhJhTc", "Ts9s2s", "plo5", "Flush, ace high")]
    [InlineData("AsKsQhJhTc9c", "8c7c6c", null, "Straight flush, ten high")]
    [InlineData("7h7dAcQc", "KsKhKd9c2s", "plo4", "Full house, kings full of sevens")]
    public void Five_and_six_card_hands_and_flop_boards_are_evaluated(string hand, string board, string? game, string description)
    {
        var args = new List<string> { hand, "--board", board };
        if (game is not null)
        {
            args.AddRange(["--game", game]);
        }
        var (exitCode, stdout) = Cli.Run(EvaluateCommand.Run, [.. args]);
        Assert.Equal(0, exitCode);
        Assert.StartsWith(description + " (rank ", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AsKsQsJsTs", "Royal flush (rank 7462 of 7462)", "best five: As Ks Qs Js Ts")]
    [InlineData("AsKdQcJhTs9d8c", "Straight, ace high", "best five: As Kd Qc Jh Ts")]
    [InlineData("7s5h4d3c2s", "High card, seven (rank 1 of 7462)", "best five: 7s 5h 4d 3c 2s")]
    [InlineData("KsKhKd5c5s2h", "Full house, kings full of fives", "best five: Ks Kh Kd 5s 5c")]
    public void Five_to_seven_cards_without_a_board_give_the_best_five(string cards, string first, string second)
    {
        var (exitCode, stdout) = Cli.Run(EvaluateCommand.Run, cards);
        Assert.Equal(0, exitCode);
        var lines = stdout.TrimEnd().Split(Environment.NewLine);
        Assert.StartsWith(first, lines[0], StringComparison.Ordinal);
        Assert.Equal(second, lines[1]);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void Five_to_seven_cards_as_json()
    {
        var (_, stdout) = Cli.Run(EvaluateCommand.Run, "As 2d 3c 4h 5s 9d Kc", "--json");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("Straight", root.GetProperty("category").GetString());
        Assert.Equal("Straight, five high", root.GetProperty("description").GetString());
        Assert.Equal(new[] { "5s", "4h", "3c", "2d", "As" }, root.GetProperty("bestFive").EnumerateArray().Select(c => c.GetString()));
        Assert.False(root.TryGetProperty("low", out _));
    }

    [Theory]
    [InlineData(new[] { "AsKsQhJh", "7c8c9d6d", "--board", "2c3d4h" }, "expected one hand, got 2 arguments")]
    [InlineData(new[] { "--board", "2c3d4h" }, "expected one hand, got 0 arguments")]
    [InlineData(new[] { "AsKsQhJx", "--board", "2c3d4h" }, "hand: 'x' at position 8 is not a suit")]
    [InlineData(new[] { "AsKsQhJh", "--board", "2c3d4z" }, "--board: 'z' at position 6 is not a suit")]
    [InlineData(new[] { "AsKsQhAs", "--board", "2c3d4h" }, "hand: As at position 7 is a duplicate (already at position 1)")]
    [InlineData(new[] { "AsKsQhJh", "--board", "2c3dAs" }, "--board: As is also in the hand")]
    [InlineData(new[] { "AsKsQhJh", "--board", "2c3d" }, "--board: a board to evaluate on has 3, 4 or 5 cards, this one has 2")]
    [InlineData(new[] { "AsKsQhJh", "--board", "2c3d4h5h6h7h" }, "--board: a board to evaluate on has 3, 4 or 5 cards, this one has 6")]
    [InlineData(new[] { "AsKsQhJh", "--board", "2c3d4h", "--game", "plo5" }, "hand: plo5 hands have 5 cards, this one has 4")]
    [InlineData(new[] { "AsKsQhJh", "--board", "2c3d4h", "--game", "stud" }, "--game: 'stud' is not a game")]
    [InlineData(new[] { "AsKsQhJh" }, "hand: without --board, give 5 to 7 cards to find the best five; got 4")]
    [InlineData(new[] { "AsKsQhJhTc9c8c7c" }, "hand: without --board, give 5 to 7 cards to find the best five; got 8")]
    [InlineData(new[] { "AsKsQhJhTc", "--hilo" }, "--game and --hilo need --board")]
    [InlineData(new[] { "AsKsQhJhTc", "--game", "plo5" }, "--game and --hilo need --board")]
    [InlineData(new[] { "AsKsQhJhTc", "--trials", "5" }, "unknown option --trials")]
    [InlineData(new[] { "AsKsQhJh", "--board" }, "--board needs a value")]
    public void Bad_input_is_a_usage_error_naming_the_problem(string[] args, string message)
    {
        var error = Cli.UsageError(EvaluateCommand.Run, args);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AsKs", 2)]
    [InlineData("AsKsQh", 3)]
    [InlineData("AsKsQhJhTc9c8c", 7)]
    public void An_omaha_hand_of_fewer_than_four_or_more_than_six_cards_is_a_usage_error(string hand, int count)
    {
        var error = Cli.UsageError(EvaluateCommand.Run, hand, "--board", "2c3d4h");
        Assert.StartsWith("hand: ", error, StringComparison.Ordinal);
        Assert.EndsWith($"this one has {count}", error, StringComparison.Ordinal);
    }
}
