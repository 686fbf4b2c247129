using System.Text.Json;

namespace PloSolver.Cli.Tests;

/// <summary><c>plosolver equity</c>, run in-process.</summary>
public sealed class EquityCommandTests
{
    [Fact]
    public void Json_output_has_the_result_shape_and_the_exact_equities()
    {
        var (exitCode, stdout) = Cli.Run(EquityCommand.Run, "--json", "AsKsQhJh", "7c8c9d6d");
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("exact").GetBoolean());
        Assert.Equal(1_086_008, root.GetProperty("deals").GetInt64());
        Assert.True(root.GetProperty("elapsedMs").GetDouble() >= 0);
        var players = root.GetProperty("players");
        Assert.Equal(2, players.GetArrayLength());
        var first = players[0];
        Assert.Equal("AsKsQhJh", first.GetProperty("input").GetString());
        Assert.Equal(55.7456, first.GetProperty("equity").GetDouble(), 4);
        Assert.Equal(44.2544, players[1].GetProperty("equity").GetDouble(), 4);
        Assert.Equal("7c8c9d6d", players[1].GetProperty("input").GetString());
        var win = first.GetProperty("win").GetDouble();
        var tie = first.GetProperty("tie").GetDouble();
        Assert.InRange(win, 50, 56);
        Assert.InRange(tie, 0, 5);
        var boards = first.GetProperty("boards");
        var board = Assert.Single(boards.EnumerateArray());
        Assert.Equal(first.GetProperty("equity").GetDouble(), board.GetProperty("equity").GetDouble());
        Assert.Equal(win, board.GetProperty("win").GetDouble());
        Assert.Equal(tie, board.GetProperty("tie").GetDouble());
        // Nulls are left out: no scoop, std err, hi or lo for an exact high-only single board.
        Assert.False(first.TryGetProperty("scoop", out _));
        Assert.False(first.TryGetProperty("stdErr", out _));
        Assert.False(board.TryGetProperty("hi", out _));
        Assert.False(board.TryGetProperty("lo", out _));
    }

    [Fact]
    public void Json_output_for_hilo_double_board_has_scoop_and_per_board_hi_lo()
    {
        var (exitCode, stdout) = Cli.Run(EquityCommand.Run,
            "--json", "--hilo", "--board", "2c3d4h", "--board2", "Tc5s5d", "--dead", "Qd", "As2sKhQh", "7c8c9d6d", "AcAdJh9h");
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("exact").GetBoolean());
        var players = root.GetProperty("players").EnumerateArray().ToArray();
        Assert.Equal(3, players.Length);
        Assert.Equal(100, players.Sum(p => p.GetProperty("equity").GetDouble()), 9);
        foreach (var player in players)
        {
            Assert.Equal(player.GetProperty("win").GetDouble(), player.GetProperty("scoop").GetDouble());
            var boards = player.GetProperty("boards").EnumerateArray().ToArray();
            Assert.Equal(2, boards.Length);
            Assert.Equal((boards[0].GetProperty("equity").GetDouble() + boards[1].GetProperty("equity").GetDouble()) / 2,
                player.GetProperty("equity").GetDouble(), 9);
            foreach (var board in boards)
            {
                Assert.Equal(board.GetProperty("equity").GetDouble(), board.GetProperty("hi").GetDouble() + board.GetProperty("lo").GetDouble(), 9);
            }
        }
    }

    [Fact]
    public void Json_output_for_Monte_Carlo_has_the_trials_and_standard_errors()
    {
        var (exitCode, stdout) = Cli.Run(EquityCommand.Run, "--json", "--trials", "20000", "--seed", "3", "--threads", "1", "AsKsQhJh", "7c8c9d6d");
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.False(root.GetProperty("exact").GetBoolean());
        Assert.Equal(20_000, root.GetProperty("deals").GetInt64());
        foreach (var player in root.GetProperty("players").EnumerateArray())
        {
            Assert.InRange(player.GetProperty("stdErr").GetDouble(), 0.1, 1);
        }
        Assert.InRange(root.GetProperty("players")[0].GetProperty("equity").GetDouble(), 52, 59);
    }

    [Fact]
    public void Json_output_of_a_one_trial_run_is_valid_json()
    {
        // One trial has no measurable spread; the output must still be JSON.
        var (exitCode, stdout) = Cli.Run(EquityCommand.Run, "--json", "--trials", "1", "AsKsQhJh", "7c8c9d6d");
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(1, json.RootElement.GetProperty("deals").GetInt64());
    }

    [Fact]
    public void The_same_seed_gives_the_same_json_numbers()
    {
        static string Numbers(string stdout)
        {
            using var json = JsonDocument.Parse(stdout);
            return string.Join(" ", json.RootElement.GetProperty("players").EnumerateArray().Select(p => p.GetProperty("equity").GetRawText()));
        }
        var first = Cli.Run(EquityCommand.Run, "--json", "--trials", "30000", "--seed", "9", "--threads", "1", "AsKsQhJh", "7c8c9d6d").Stdout;
        var second = Cli.Run(EquityCommand.Run, "--json", "--trials", "30000", "--seed", "9", "--threads", "2", "AsKsQhJh", "7c8c9d6d").Stdout;
        var other = Cli.Run(EquityCommand.Run, "--json", "--trials", "30000", "--seed", "10", "AsKsQhJh", "7c8c9d6d").Stdout;
        Assert.Equal(Numbers(first), Numbers(second));
        Assert.NotEqual(Numbers(first), Numbers(other));
    }

    [Fact]
    public void Repeat_reports_the_fastest_of_the_runs()
    {
        var (exitCode, stdout) = Cli.Run(EquityCommand.Run, "--repeat", "3", "--board", "2c3d4h", "AsKsQhJh", "7c8c9d6d");
        Assert.Equal(0, exitCode);
        Assert.Contains("exact, 820 deals, fastest of 3: ", stdout, StringComparison.Ordinal);
        var json = Cli.Run(EquityCommand.Run, "--repeat", "2", "--json", "--board", "2c3d4h", "AsKsQhJh", "7c8c9d6d").Stdout;
        using var document = JsonDocument.Parse(json);
        Assert.Equal(820, document.RootElement.GetProperty("deals").GetInt64());
    }

    [Fact]
    public void Human_output_shows_the_spot_the_method_and_each_hand_s_percentages()
    {
        var (exitCode, stdout) = Cli.Run(EquityCommand.Run, "AsKsQhJh", "7c8c9d6d");
        Assert.Equal(0, exitCode);
        var lines = stdout.TrimEnd().Split(Environment.NewLine);
        Assert.Equal("PLO4  board preflop", lines[0]);
        Assert.StartsWith("exact, 1,086,008 deals, ", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(" ms", lines[1], StringComparison.Ordinal);
        Assert.Equal(new[] { "hand", "equity", "win", "tie" }, lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var first = lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("AsKsQhJh", first[0]);
        Assert.Equal("55.746%", first[1]);
        var second = lines[4].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("7c8c9d6d", second[0]);
        Assert.Equal("44.254%", second[1]);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public void Human_output_for_hilo_double_board_with_dead_cards_has_every_column()
    {
        var (exitCode, stdout) = Cli.Run(EquityCommand.Run, "--hilo", "--board", "2c3d4h", "--board2", "Tc5s5d", "--dead", "Qd", "As2sKhQh", "7c8c9d6d");
        Assert.Equal(0, exitCode);
        var lines = stdout.TrimEnd().Split(Environment.NewLine);
        Assert.Equal("PLO4 hi-lo  board 2c3d4h | Tc5s5d  dead Qd", lines[0]);
        Assert.Equal(new[] { "hand", "equity", "win", "tie", "scoop", "equity", "b1", "hi", "b1", "lo", "b1", "equity", "b2", "hi", "b2", "lo", "b2" },
            lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("As2sKhQh", lines[3], StringComparison.Ordinal);
        Assert.Equal(11, lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // the hand and ten percentages
    }

    [Fact]
    public void Human_output_for_Monte_Carlo_shows_the_standard_error()
    {
        var (_, stdout) = Cli.Run(EquityCommand.Run, "--montecarlo", "--trials", "20000", "--game", "plo5", "AsKsQhJhTc", "7c8c9d6d5s");
        var lines = stdout.TrimEnd().Split(Environment.NewLine);
        Assert.Equal("PLO5  board preflop", lines[0]);
        Assert.StartsWith("Monte Carlo, 20,000 trials, ", lines[1], StringComparison.Ordinal);
        Assert.Contains("± std err", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Suit_symbols_and_ten_as_10_are_accepted_and_echoed_as_typed()
    {
        static (string Input, double Equity) First(params string[] args)
        {
            var (exitCode, stdout) = Cli.Run(EquityCommand.Run, args);
            Assert.Equal(0, exitCode);
            using var json = JsonDocument.Parse(stdout);
            var player = json.RootElement.GetProperty("players")[0];
            return (player.GetProperty("input").GetString()!, player.GetProperty("equity").GetDouble());
        }
        var plain = First("--json", "--board", "2c3d4h", "AsKsThJh", "7c8c9d6d");
        var symbols = First("--json", "--board", "2♣3♦4♥", "A♠K♠T♥J♥", "7c8c9d6d");
        var ten = First("--json", "--board", "2c 3d 4h", "AsKs10hJh", "7c8c9d6d");
        Assert.Equal("A♠K♠T♥J♥", symbols.Input);
        Assert.Equal("AsKs10hJh", ten.Input);
        Assert.Equal(plain.Equity, symbols.Equity);
        Assert.Equal(plain.Equity, ten.Equity);
    }

    [Fact]
    public void A_range_argument_is_sampled_against_the_hand()
    {
        var (exitCode, stdout) = Cli.Run(EquityCommand.Run, "AsKsQhJh", "AAKK:ds", "--trials", "50000", "--json");
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        Assert.False(json.RootElement.GetProperty("exact").GetBoolean());
        Assert.Equal(50_000, json.RootElement.GetProperty("deals").GetInt64());
        var players = json.RootElement.GetProperty("players");
        Assert.Equal("AAKK:ds", players[1].GetProperty("input").GetString());
        Assert.True(players[0].GetProperty("stdErr").GetDouble() > 0);
        // Against the three double-suited AAKK hands left, AsKsQhJh has about 24.5%.
        Assert.InRange(players[0].GetProperty("equity").GetDouble(), 22.5, 26.5);
    }

    [Theory]
    [InlineData(new[] { "AsKsQhJ#", "7c8c9d6d" }, "hand 1 (AsKsQhJ#): '#' at position 8 is not a suit")]
    [InlineData(new[] { "AsKsQhJh", "7c8c9d#d" }, "hand 2 (7c8c9d#d): '#' at position 7 is not a rank")]
    [InlineData(new[] { "AsKsQhJh", "AA:#" }, "range 2 (AA:#): position 4: unexpected '#'")]
    [InlineData(new[] { "AsKsQhJ", "KdKc7h7d" }, "hand 1 (AsKsQhJ): 'J' at position 7 has no suit")]
    [InlineData(new[] { "--board", "2c3d4", "AsKsQhJh", "7c8c9d6d" }, "--board: '4' at position 5 has no suit")]
    [InlineData(new[] { "--frobnicate", "AsKsQhJh", "7c8c9d6d" }, "unknown option --frobnicate")]
    [InlineData(new[] { "AsKsQhJh", "7c8c9d6d", "--board" }, "--board needs a value")]
    [InlineData(new[] { "AsKsQhJh", "AsTd9c8c" }, "hand 2 (AsTd9c8c): As is also in")]
    [InlineData(new[] { "--board", "Ah2c3c", "AsKsQhJh", "7c8c9d6d", "--dead", "Ah" }, "--dead: Ah is also in")]
    [InlineData(new[] { "AsKsQh", "7c8c9d6d" }, "hand 1 (AsKsQh): plo4 hands have 4 cards, this one has 3")]
    [InlineData(new[] { "--game", "plo5", "AsKsQhJh", "7c8c9d6d" }, "hand 1 (AsKsQhJh): plo5 hands have 5 cards, this one has 4")]
    [InlineData(new[] { "--exact", "--trials", "1000", "AsKsQhJh", "7c8c9d6d" }, "--exact cannot be combined with --montecarlo or --trials")]
    [InlineData(new[] { "--exact", "--montecarlo", "AsKsQhJh", "7c8c9d6d" }, "--exact cannot be combined with --montecarlo or --trials")]
    [InlineData(new[] { "--exact", "--target-stderr", "0.1", "AsKsQhJh", "7c8c9d6d" }, "--exact: exact enumeration takes no trials, target precision or time limit")]
    [InlineData(new[] { "--exact", "--board", "", "--board2", "", "AsKsQhJh", "7c8c9d6d" }, "--exact: exact double-board equity needs at least one board with three or more cards")]
    [InlineData(new[] { "--trials", "0", "AsKsQhJh", "7c8c9d6d" }, "--trials expects a whole number from 1 to 100000000000, got '0'")]
    [InlineData(new[] { "--trials", "many", "AsKsQhJh", "7c8c9d6d" }, "--trials expects a whole number")]
    [InlineData(new[] { "--target-stderr", "0", "AsKsQhJh", "7c8c9d6d" }, "--target-stderr expects a number above 0 and below 50, got '0'")]
    [InlineData(new[] { "--game", "plo9", "AsKsQhJh", "7c8c9d6d" }, "--game: 'plo9' is not a game")]
    [InlineData(new[] { "--board", "2c3d", "AsKsQhJh", "7c8c9d6d" }, "--board: a board has 0, 3, 4 or 5 cards, this one has 2")]
    [InlineData(new[] { "--board2", "2c3d4h5s6s7s", "AsKsQhJh", "7c8c9d6d" }, "--board2: a board has 0, 3, 4 or 5 cards, this one has 6")]
    [InlineData(new[] { "--hilo=yes", "AsKsQhJh", "7c8c9d6d" }, "--hilo takes no value")]
    [InlineData(new[] { "--board", "2c3d4h", "--board=5s6s7s", "AsKsQhJh", "7c8c9d6d" }, "--board is given twice")]
    [InlineData(new[] { "AsKsQhJh" }, "hands: expected 2 to 9 players, got 1")]
    [InlineData(new[] { "--game", "plo6", "AsKsQsJsTs9s", "8s7s6s5s4s3s", "AcKcQcJcTc9c", "8c7c6c5c4c3c", "AdKdQdJdTd9d", "8d7d6d5d4d3d", "AhKhQhJhTh9h", "8h7h6h5h4h3h" }, "hands: 8 plo6 hands, 1 board(s) and 0 dead cards need 53 cards; the deck has 52")]
    public void Bad_input_is_a_usage_error_naming_the_problem(string[] args, string message)
    {
        var error = Cli.UsageError(EquityCommand.Run, args);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }
}
