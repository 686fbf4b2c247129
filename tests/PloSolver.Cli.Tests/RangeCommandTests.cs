using System.Text.Json;
using PloSolver.Engine;

namespace PloSolver.Cli.Tests;

/// <summary><c>plosolver range</c>, run in-process and as the built program.</summary>
public sealed class RangeCommandTests
{
    [Fact]
    public void Prints_the_hand_count_and_a_sample_of_hands_in_the_range()
    {
        var (exitCode, stdout) = Cli.Run(RangeCommand.Run, "AAKK:ds");
        Assert.Equal(0, exitCode);
        var lines = stdout.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("PLO4 range AAKK:ds: 6 hands", lines[0]);
        var sample = lines[1]["sample: ".Length..].Split(' ');
        Assert.Equal(6, sample.Length);
        Assert.All(sample, hand => Assert.True(RangeParser.Parse("AxAyKxKy", Game.Plo4).Contains(CardParser.Parse(hand)), hand));
    }

    [Fact]
    public void Json_has_combos_weighted_combos_and_a_sample()
    {
        var (exitCode, stdout) = Cli.Run(RangeCommand.Run, "AA@50,KK", "--json");
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(13_886, json.RootElement.GetProperty("combos").GetInt64());
        Assert.Equal(10_405.5, json.RootElement.GetProperty("weightedCombos").GetDouble());
        Assert.Equal(12, json.RootElement.GetProperty("sample").GetArrayLength());
    }

    [Fact]
    public void An_unweighted_range_has_no_weighted_count_in_json()
    {
        using var json = JsonDocument.Parse(Cli.Run(RangeCommand.Run, "AAKK", "--json").Stdout);
        Assert.Equal(36, json.RootElement.GetProperty("combos").GetInt64());
        Assert.False(json.RootElement.TryGetProperty("weightedCombos", out _));
    }

    [Fact]
    public void Board_and_dead_cards_remove_the_hands_that_hold_them()
    {
        using var json = JsonDocument.Parse(Cli.Run(RangeCommand.Run, "AA", "--board", "AsKd2c", "--dead", "Ah", "--json").Stdout);
        // Both aces left (Ac, Ad) and any two of the 46 other undealt cards.
        Assert.Equal(1_035, json.RootElement.GetProperty("combos").GetInt64());
    }

    [Fact]
    public void Game_selects_the_hand_size() =>
        Assert.StartsWith("PLO5 range *: 2,598,960 hands", Cli.Run(RangeCommand.Run, "*", "--game", "plo5").Stdout, StringComparison.Ordinal);

    [Theory]
    [InlineData(new[] { "AAKKQ" }, "range 'AAKKQ', position 5: a plo4 hand has 4 cards; this pattern asks for more")]
    [InlineData(new[] { "(AA" }, "range '(AA', position 4: expected ')' to close the '(' at position 1")]
    [InlineData(new[] { "AA:KKKK" }, "range 'AA:KKKK', position 1: the range matches no hand")]
    [InlineData(new[] { "AA", "KK" }, "expected one range, got 2 arguments")]
    [InlineData(new[] { "AA", "--board", "AsKd" }, "--board: a board has 0, 3, 4 or 5 cards, this one has 2")]
    [InlineData(new[] { "AA", "--board", "AsKdQx" }, "--board: 'x' at position 6 is not a suit")]
    [InlineData(new[] { "AA", "--board", "AsKd2c", "--dead", "Kd" }, "--dead: Kd is also in --board")]
    [InlineData(new[] { "AA", "--game", "plo7" }, "--game: 'plo7' is not a game")]
    [InlineData(new[] { "AA", "--vs", "KK" }, "--vs: equity by category needs a flop, turn or river in --board")]
    [InlineData(new[] { "AA", "--board", "Qs7h2d", "--vs", "KK##" }, "--vs: position 3")]
    [InlineData(new[] { "AA", "--board", "Qs7h2d", "--vs", "AsKsQs" }, "--vs: plo4 hands have 4 cards, this one has 3")]
    [InlineData(new[] { "AA", "--board", "Qs7h2d", "--vs", "AsAhAdAc" }, "range 'AA': position 1: the range matches no hand")]
    [InlineData(new[] { "AA", "--hilo" }, "--hilo, --seed and --threads go with --vs")]
    public void Bad_input_is_a_usage_error_naming_the_problem(string[] args, string message) =>
        Assert.StartsWith(message, Cli.UsageError(RangeCommand.Run, args), StringComparison.Ordinal);

    [Fact]
    public void A_bad_range_exits_2_with_one_line_on_stderr()
    {
        var outcome = Cli.Process("range", "A#");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Equal(["plosolver range: range 'A#', position 2: unexpected '#': expected ',', ':', '!', '@' or the end of the range"], outcome.StderrLines);
    }

    [Fact]
    public void A_board_splits_the_range_into_hand_categories()
    {
        // Kings on a queen-high board: every hand holds a pair of kings above the board, so an overpair or better.
        using var json = JsonDocument.Parse(Cli.Run(RangeCommand.Run, "KK", "--board", "Qs7h2d", "--json").Stdout);
        var categories = json.RootElement.GetProperty("categories").EnumerateArray().ToArray();
        var made = categories.Where(c => c.GetProperty("kind").GetString() == "made").ToArray();
        Assert.Equal(100, made.Sum(c => c.GetProperty("percent").GetDouble()), 6);
        Assert.Equal(json.RootElement.GetProperty("combos").GetInt64(), made.Sum(c => c.GetProperty("combos").GetDouble()), 6);
        Assert.Contains(made, c => c.GetProperty("name").GetString() == "overpair");
        Assert.DoesNotContain(made, c => c.GetProperty("name").GetString() is "noMadeHand" or "weakPair" or "topPair");
        Assert.False(json.RootElement.TryGetProperty("distribution", out _));
    }

    [Fact]
    public void An_opponent_adds_equity_by_category_and_the_equity_curve()
    {
        var (exitCode, stdout) = Cli.Run(RangeCommand.Run, "AA,KK", "--board", "Ks7h2d", "--vs", "QQ", "--json");
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        var sets = json.RootElement.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "set");
        Assert.InRange(sets.GetProperty("equity").GetDouble(), 90, 100); // top set against queens
        var curve = json.RootElement.GetProperty("distribution").EnumerateArray().Select(p => p.GetProperty("equity").GetDouble()).ToArray();
        Assert.True(curve.Length > 10);
        Assert.Equal(curve.OrderByDescending(e => e), curve); // strongest first
    }

    [Fact]
    public void The_table_lists_categories_with_equity()
    {
        var (exitCode, stdout) = Cli.Run(RangeCommand.Run, "AA,KK", "--board", "Ks7h2d", "--vs", "QQ", "--seed", "3");
        Assert.Equal(0, exitCode);
        Assert.Contains("equity against QQ", stdout, StringComparison.Ordinal);
        Assert.Contains("Set", stdout, StringComparison.Ordinal);
        Assert.Contains("equity distribution", stdout, StringComparison.Ordinal);
    }
}
