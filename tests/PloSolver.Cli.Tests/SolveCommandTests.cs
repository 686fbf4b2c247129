using System.Text.Json;

namespace PloSolver.Cli.Tests;

/// <summary><c>plosolver solve</c>, in-process and as the built program.</summary>
public sealed class SolveCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("plosolver-solve-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string SpotFile(string json)
    {
        var path = Path.Combine(_directory, $"spot-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private const string River = """
        {
          "board": "AsKsQd7c2h", "pot": 100, "effectiveStack": 200,
          "oopRange": "JcTcJdTd,JhThJsTs,3c4c5c6c,3d4d5d6d,3h4h5h6h,3s4s5s6s",
          "ipRange": "AcAd9c9d",
          "river": { "bets": [1], "maxRaises": 0 },
          "targetExploitabilityPctPot": 0.1
        }
        """;

    [Fact]
    public void Json_has_the_root_summary()
    {
        var (exitCode, stdout) = Cli.Run(SolveCommand.Run, SpotFile(River), "--json", "--threads", "1");
        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("iterations").GetInt32() > 0);
        Assert.True(root.GetProperty("elapsedMs").GetDouble() > 0);
        Assert.InRange(root.GetProperty("exploitabilityPctPot").GetDouble(), 0, 0.1);
        Assert.True(root.GetProperty("peakMemoryBytes").GetInt64() > 0);
        var actions = root.GetProperty("root").GetProperty("actions");
        Assert.Equal("check", actions[0].GetProperty("action").GetString());
        Assert.Equal("bet 100", actions[1].GetProperty("action").GetString());
        Assert.Equal("straight", root.GetProperty("root").GetProperty("categories")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Prints_progress_on_stderr_and_the_root_strategy_on_stdout()
    {
        var outcome = Cli.Process("solve", SpotFile(River));
        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("tree: 4 decisions", outcome.StderrLines[0], StringComparison.Ordinal);
        Assert.Contains(outcome.StderrLines, line => line.StartsWith("iteration ", StringComparison.Ordinal));
        Assert.Contains("exploitability", outcome.Stdout, StringComparison.Ordinal);
        Assert.Contains("Straight", outcome.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"board\": \"AsKsQd7c2h\", \"pot\": 100, \"effectiveStack\": 100, \"oopRange\": \"JT\", \"ipRange\": \"AA\", \"bets\": [1] }",
        "not a valid spot file: unknown field 'bets'")]
    [InlineData("{ \"board\": ", "not a valid spot file")]
    [InlineData("{ \"board\": \"AsKsQd7c2h\", \"pot\": 100, \"effectiveStack\": -1, \"oopRange\": \"JT\", \"ipRange\": \"AA\" }",
        "effectiveStack: a stack cannot be negative, got -1")]
    [InlineData("{ \"board\": \"AsKsQd7c2h\", \"pot\": 100, \"effectiveStack\": 100, \"oopRange\": \"JT\", \"ipRange\": \"AA\", \"maxMemoryMb\": 1 }",
        "the spot needs about")]
    public void A_bad_spot_exits_2_with_one_line_naming_the_file(string json, string message)
    {
        var path = SpotFile(json);
        var outcome = Cli.Process("solve", path);
        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.StderrLines);
        Assert.StartsWith($"plosolver solve: {path}: {message}", line, StringComparison.Ordinal);
        Assert.Equal("", outcome.Stdout);
    }
}
