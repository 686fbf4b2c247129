using System.Text.Json;

namespace PloSolver.Cli.Tests;

/// <summary>The built <c>plosolver</c> program run as a child process: exit codes and the single stderr line.</summary>
public sealed class ProgramTests
{
    [Fact]
    public void Equity_json_exits_0_with_json_on_stdout_and_nothing_on_stderr()
    {
        var outcome = Cli.Process("equity", "--json", "--board", "2c3d4h", "AsKsQhJh", "7c8c9d6d");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stderr);
        using var json = JsonDocument.Parse(outcome.Stdout);
        Assert.Equal(820, json.RootElement.GetProperty("deals").GetInt64());
        Assert.Equal(100, json.RootElement.GetProperty("players").EnumerateArray().Sum(p => p.GetProperty("equity").GetDouble()), 9);
    }

    [Fact]
    public void Evaluate_exits_0()
    {
        var outcome = Cli.Process("evaluate", "A♠K♠Q♥J♥", "--board", "T♠9♠2♠3d4c");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("", outcome.Stderr);
        Assert.StartsWith("Flush, ace high (rank ", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var outcome = Cli.Process("--version");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("0.1.0", outcome.Stdout.Trim());
    }

    [Fact]
    public void Help_lists_every_command_and_exits_0()
    {
        var outcome = Cli.Process("--help");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("plosolver equity ", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("plosolver evaluate ", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("plosolver bench ", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("plosolver solve SPOT.json", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void No_arguments_is_a_usage_error_with_one_line_on_stderr()
    {
        var outcome = Cli.Process();
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Equal("plosolver: no command given (expected equity, evaluate, range, solve or bench; see plosolver --help)", outcome.Stderr.TrimEnd());
    }

    [Theory]
    [InlineData(new[] { "equity", "AsKsQhJ#", "7c8c9d6d" }, "plosolver equity: hand 1 (AsKsQhJ#): '#' at position 8 is not a suit")]
    [InlineData(new[] { "equity", "--board", "2c3d4h", "AsKsQhJh", "7c8c9d6d", "--speed", "9" }, "plosolver equity: unknown option --speed")]
    [InlineData(new[] { "equity", "AsKsQhJh", "7c8c9d6d", "--trials" }, "plosolver equity: --trials needs a value")]
    [InlineData(new[] { "equity", "AsKsQhJh", "KdQdJsAs" }, "plosolver equity: hand 2 (KdQdJsAs): As is also in hand 1 (AsKsQhJh)")]
    [InlineData(new[] { "equity", "--board", "Ah2c3c", "AsKsQhJh", "7c8c9d6d", "--dead", "Ah" }, "plosolver equity: --dead: Ah is also in --board")]
    [InlineData(new[] { "equity", "--board", "2c3d4h", "AsKsQhJh", "7c8c9d6d", "--dead", "3d" }, "plosolver equity: --dead: 3d is also in")]
    [InlineData(new[] { "equity", "AsKsQhJh", "7c8c9d" }, "plosolver equity: hand 2 (7c8c9d): plo4 hands have 4 cards, this one has 3")]
    [InlineData(new[] { "equity", "--exact", "--trials", "100", "AsKsQhJh", "7c8c9d6d" }, "plosolver equity: --exact cannot be combined with --montecarlo or --trials")]
    [InlineData(new[] { "equity", "--board", "2c", "AsKsQhJh", "7c8c9d6d" }, "plosolver equity: --board: a board has 0, 3, 4 or 5 cards, this one has 1")]
    [InlineData(new[] { "evaluate", "AsKsQhJh", "--board", "2c3dAs" }, "plosolver evaluate: --board: As is also in the hand")]
    [InlineData(new[] { "evaluate", "AsKsQhJh" }, "plosolver evaluate: hand: without --board, give 5 to 7 cards")]
    [InlineData(new[] { "evaluate", "AsKsQ", "--board", "2c3d4h" }, "plosolver evaluate: hand: 'Q' at position 5 has no suit")]
    [InlineData(new[] { "evaluate", "AsKsQh", "--board", "2c3d4h" }, "plosolver evaluate: hand: plo4 hands have 4 cards, this one has 3")]
    [InlineData(new[] { "solver", "AsKsQhJh" }, "plosolver: unknown command 'solver' (expected equity, evaluate, range, solve or bench; see plosolver --help)")]
    [InlineData(new[] { "solve", "no-such-spot.json" }, "plosolver solve: no-such-spot.json: no such file")]
    [InlineData(new[] { "solve" }, "plosolver solve: expected one spot file, got 0 arguments")]
    [InlineData(new[] { "bench", "extra" }, "plosolver bench: unexpected argument 'extra'")]
    public void Bad_input_exits_2_with_exactly_one_line_on_stderr(string[] args, string message)
    {
        var outcome = Cli.Process(args);
        Assert.True(outcome.ExitCode == 2, $"exit code {outcome.ExitCode}, stderr: {outcome.Stderr}");
        var line = Assert.Single(outcome.StderrLines);
        Assert.StartsWith(message, line, StringComparison.Ordinal);
        Assert.Equal("", outcome.Stdout);
    }

    [Fact]
    public void A_one_trial_json_run_exits_0_with_valid_json()
    {
        var outcome = Cli.Process("equity", "--json", "--trials", "1", "AsKsQhJh", "7c8c9d6d");
        Assert.True(outcome.ExitCode == 0, $"exit code {outcome.ExitCode}, stderr: {outcome.Stderr}");
        using var json = JsonDocument.Parse(outcome.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("deals").GetInt64());
    }
}
