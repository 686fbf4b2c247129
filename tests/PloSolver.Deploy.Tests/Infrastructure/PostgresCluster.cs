namespace PloSolver.Deploy.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL for the backup and restore tests: the cluster named by PLOSOLVER_TEST_POSTGRES when
/// scripts/test.sh (or the developer) started one, else a throwaway one from scripts/pg-test.sh, stopped at the end.
/// Each test gets a database of its own.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    public const string Variable = "PLOSOLVER_TEST_POSTGRES";

    private readonly string? _ownDirectory;
    private int _databases;

    public PostgresCluster()
    {
        var url = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(url))
        {
            var start = Shell.Script("scripts/pg-test.sh", ["start"]);
            Assert.True(start.ExitCode == 0, "scripts/pg-test.sh start failed: " + start);
            var exports = start.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Replace("export ", "", StringComparison.Ordinal).Split('=', 2))
                .ToDictionary(p => p[0], p => p[1]);
            url = exports[Variable];
            _ownDirectory = exports["PLOSOLVER_TEST_PGDIR"];
        }
        ServerUrl = url;
    }

    /// <summary>postgresql://user@host:port/database of the cluster's maintenance database.</summary>
    public string ServerUrl { get; }

    /// <summary>Creates a new, empty database and returns its URL.</summary>
    public string CreateDatabase()
    {
        var name = $"deploy_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        // Two commands: psql runs one --command string as a single transaction, which CREATE DATABASE refuses.
        Sql(ServerUrl, $"DROP DATABASE IF EXISTS {name}");
        Sql(ServerUrl, $"CREATE DATABASE {name}");
        return ServerUrl[..(ServerUrl.LastIndexOf('/') + 1)] + name;
    }

    /// <summary>Runs SQL with psql and returns what it printed (unaligned, tuples only), failing the test on error.</summary>
    public static string Sql(string url, string sql)
    {
        var result = Shell.Run("psql", ["--no-psqlrc", "--quiet", "--tuples-only", "--no-align", "--set", "ON_ERROR_STOP=1", "--dbname", url, "--command", sql]);
        Assert.True(result.ExitCode == 0, $"psql failed on {sql}: {result}");
        return result.Stdout.Trim();
    }

    public void Dispose()
    {
        if (_ownDirectory is not null)
        {
            Shell.Script("scripts/pg-test.sh", ["stop", _ownDirectory]);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
