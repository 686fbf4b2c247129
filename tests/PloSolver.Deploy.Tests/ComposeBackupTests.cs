using System.IO.Compression;
using System.Text.RegularExpressions;
using PloSolver.Deploy.Tests.Infrastructure;

namespace PloSolver.Deploy.Tests;

/// <summary>
/// scripts/backup.sh and restore.sh through Docker Compose. Without a Docker engine here, a stand-in `docker` runs
/// what the scripts ask of the db container on the test PostgreSQL (as the container would, with its
/// POSTGRES_USER and POSTGRES_DB) and logs every call, so the order of stop, restore and start is checked for real.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ComposeBackupTests(PostgresCluster postgres) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("plosolver-compose.").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Log => Path.Combine(_work, "docker.log");

    [Fact]
    public void Restore_stops_the_backend_restores_and_starts_it_again()
    {
        var url = postgres.CreateDatabase();
        PostgresCluster.Sql(url, "CREATE TABLE t (v text); INSERT INTO t VALUES ('from the backup');");
        var environment = DockerStandIn(url, backendRunning: true);

        var backup = Shell.Script("scripts/backup.sh", ["--dir", _work], environment);
        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.Matches(@"^compose --project-directory \S+/deploy -f \S+/deploy/docker-compose.yml exec -T db sh -c", File.ReadAllLines(Log)[0]);

        PostgresCluster.Sql(url, "UPDATE t SET v = 'changed later'");
        File.Delete(Log);
        var restore = Shell.Script("scripts/restore.sh", ["--yes", backup.Stdout.Trim()], environment);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal("from the backup", PostgresCluster.Sql(url, "SELECT v FROM t"));
        Assert.Equal(["ps", "stop backend", "exec db", "start backend"], Calls());
    }

    [Fact]
    public void A_failed_restore_still_starts_the_backend_and_exits_non_zero()
    {
        var url = postgres.CreateDatabase();
        PostgresCluster.Sql(url, "CREATE TABLE t (v text); INSERT INTO t VALUES ('untouched');");
        var broken = Path.Combine(_work, "broken.sql.gz");
        using (var gzip = new GZipStream(File.Create(broken), CompressionLevel.Fastest))
        {
            gzip.Write("DROP TABLE t;\nNOT SQL;\n"u8);
        }

        var restore = Shell.Script("scripts/restore.sh", ["--yes", broken], DockerStandIn(url, backendRunning: true));
        Assert.NotEqual(0, restore.ExitCode);
        Assert.Contains("the database is unchanged", restore.Stderr, StringComparison.Ordinal);
        Assert.Equal("untouched", PostgresCluster.Sql(url, "SELECT v FROM t"));
        Assert.Equal(["ps", "stop backend", "exec db", "start backend"], Calls());
    }

    [Fact]
    public void A_backend_that_was_not_running_is_not_started()
    {
        var url = postgres.CreateDatabase();
        var environment = DockerStandIn(url, backendRunning: false);
        var backup = Shell.Script("scripts/backup.sh", ["--dir", _work], environment);
        Assert.True(backup.ExitCode == 0, backup.ToString());
        File.Delete(Log);

        var restore = Shell.Script("scripts/restore.sh", ["--yes", backup.Stdout.Trim()], environment);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal(["ps", "exec db"], Calls());
    }

    [Fact]
    public void A_failing_pg_dump_in_the_container_fails_the_backup()
    {
        var environment = DockerStandIn(postgres.ServerUrl[..postgres.ServerUrl.LastIndexOf('/')] + "/no_such_database", backendRunning: true);
        var backup = Shell.Script("scripts/backup.sh", ["--dir", _work], environment);
        Assert.NotEqual(0, backup.ExitCode);
        Assert.Contains("backup.sh: pg_dump through docker compose (service db) failed", backup.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_work, "plosolver-*"));
    }

    /// <summary>The compose subcommands called, in order ("stop backend", "exec db" …).</summary>
    private List<string> Calls() =>
        [.. File.ReadAllLines(Log).Select(l => ComposeCall().Match(l)).Select(m => (m.Groups[1].Value + " " + m.Groups[3].Value).Trim())];

    private Dictionary<string, string?> DockerStandIn(string databaseUrl, bool backendRunning)
    {
        var match = DatabaseUrl().Match(databaseUrl);
        Assert.True(match.Success, databaseUrl);
        var path = Path.Combine(_work, "docker");
        File.WriteAllText(path, $$"""
            #!/usr/bin/env bash
            echo "$*" >> "{{Log}}"
            [ "$1" = compose ] || { echo "docker stand-in: only compose" >&2; exit 2; }
            shift
            while [ $# -gt 0 ]; do case $1 in --project-directory|-f) shift 2 ;; *) break ;; esac; done
            case $1 in
              ps) echo db; {{(backendRunning ? "echo backend" : ":")}} ;;
              stop|start) ;;
              exec) shift; [ "$1" = -T ] && shift; shift
                export POSTGRES_USER={{match.Groups["user"].Value}} POSTGRES_DB={{match.Groups["database"].Value}} PGHOST={{match.Groups["host"].Value}} PGPORT={{match.Groups["port"].Value}}
                exec "$@" ;;
              *) echo "docker stand-in: unexpected $1" >&2; exit 2 ;;
            esac
            """);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new Dictionary<string, string?> { ["DOCKER"] = path };
    }

    [GeneratedRegex(@"^postgresql://(?<user>[^@]+)@(?<host>[^:]+):(?<port>\d+)/(?<database>.+)$")]
    private static partial Regex DatabaseUrl();

    [GeneratedRegex(@"^compose --project-directory \S+ -f \S+ (\w+)( -T)?(?: (\w+))?")]
    private static partial Regex ComposeCall();
}
