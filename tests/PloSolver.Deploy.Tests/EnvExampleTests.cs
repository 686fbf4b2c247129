using System.Text.RegularExpressions;
using PloSolver.Deploy.Tests.Infrastructure;

namespace PloSolver.Deploy.Tests;

/// <summary>deploy/.env.example and deploy/.env.production.example: complete, commented, free of secrets.</summary>
public sealed partial class EnvExampleTests
{
    private const string Local = "deploy/.env.example";
    private const string Production = "deploy/.env.production.example";

    /// <summary>
    /// What PloSolver.Server reads (src/PloSolver.Server/Infrastructure/ServerSettings.cs and Program.cs, server
    /// branch, November 2026). Once the server is in this tree, its source is scanned as well.
    /// </summary>
    private static readonly string[] ServerVariables =
    [
        "DATABASE_URL", "SECRET_KEY", "JWT_SECRET_KEY", "GOOGLE_CLIENT_ID", "DATA_DIR", "LOG_LEVEL", "SERVER_ROLE",
        "JOB_WORKERS", "JOB_LEASE_SECONDS", "JOB_HEARTBEAT_MS", "JOB_POLL_MS", "ACCESS_TOKEN_MINUTES", "REFRESH_TOKEN_DAYS",
        "SESSION_CACHE_MS", "LOCKOUT_MAX_FAILURES", "LOCKOUT_SECONDS", "PASSWORD_HASH_ITERATIONS",
        "RATE_LIMIT_AUTH_PER_MINUTE", "RATE_LIMIT_COMPUTE_PER_MINUTE", "MAX_REQUEST_BODY_BYTES", "EQUITY_CONCURRENCY",
        "EQUITY_QUEUE", "CORS_ORIGINS", "FORWARDED_NETWORKS", "PORT", "ASPNETCORE_ENVIRONMENT",
    ];

    [Theory]
    [InlineData(Local)]
    [InlineData(Production)]
    public void Every_setting_has_a_comment_line(string file)
    {
        var undocumented = EnvFile.Load(file).Values.Where(e => e.Comment is null || e.Comment.Length < 10).Select(e => e.Key).ToList();
        Assert.True(undocumented.Count == 0, $"{file}: no comment above " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Both_files_set_the_same_variables()
    {
        Assert.Equal(EnvFile.Load(Local).Keys.Order(), EnvFile.Load(Production).Keys.Order());
    }

    [Theory]
    [InlineData(Local)]
    [InlineData(Production)]
    public void Every_variable_the_server_reads_is_named(string file)
    {
        var text = Repo.Read(file);
        var missing = ServerVariablesInSource().Union(ServerVariables).Where(v => !Regex.IsMatch(text, $@"\b{v}\b")).Order().ToList();
        Assert.True(missing.Count == 0, $"{file} does not mention " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_server_setting_reaches_the_backend_container()
    {
        var environment = new Compose("deploy/docker-compose.yml").Environment("backend");
        // DATA_DIR only places the embedded SQLite database and WEB_ROOT the web app the server can serve itself;
        // the Compose deployment uses neither (PostgreSQL, and the frontend container serves the app).
        string[] unused = ["DATA_DIR", "WEB_ROOT"];
        var missing = ServerVariablesInSource().Union(ServerVariables)
            .Where(v => !unused.Contains(v) && !environment.ContainsKey(v) && !environment.ContainsKey(v + "_FILE")).Order().ToList();
        Assert.True(missing.Count == 0, "docker-compose.yml does not pass " + string.Join(", ", missing));
    }

    [Fact]
    public void The_production_example_holds_no_secret_and_runs_in_production()
    {
        var production = EnvFile.Load(Production);
        Assert.Equal("Production", production["ASPNETCORE_ENVIRONMENT"].Value);
        foreach (var secret in new[] { "DATABASE_URL", "SECRET_KEY", "JWT_SECRET_KEY", "POSTGRES_PASSWORD" })
        {
            Assert.False(production.ContainsKey(secret), $"{secret} belongs in deploy/secrets/, not in .env");
        }
        Assert.All(production.Values.Where(e => e.Key.Contains("HOST", StringComparison.Ordinal) && !e.Key.Contains("SMTP", StringComparison.Ordinal)),
            e => Assert.EndsWith("example.com", e.Value, StringComparison.Ordinal));
    }

    /// <summary>Names in config["X"], Secret("X") and Int("X", …) calls of the server, when its source is here.</summary>
    private static IEnumerable<string> ServerVariablesInSource()
    {
        var server = Repo.PathOf("src/PloSolver.Server");
        if (!Directory.Exists(server))
        {
            return [];
        }
        return Directory.EnumerateFiles(server, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => ConfigurationRead().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(name => name != "urls")
            .Distinct();
    }

    [GeneratedRegex(@"(?:[Cc]onfig(?:uration)?\[|Secret\(|Int\()""([A-Za-z_][A-Za-z0-9_]*)""")]
    private static partial Regex ConfigurationRead();
}
