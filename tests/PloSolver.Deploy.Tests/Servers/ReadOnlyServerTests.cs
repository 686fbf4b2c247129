using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using PloSolver.Deploy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PloSolver.Deploy.Tests.Servers;

/// <summary>
/// The server as the image runs it: an unprivileged user, the application directory read-only to it, and only its
/// data paths writable (DATA_DIR for SQLite, logs/ under the application directory, HOME and TMPDIR as the image's
/// tmpfs /tmp). As root (CI) it runs as a system user of its own through runuser, from a root-owned copy of the
/// build (mode 755); as another user (a developer machine) as that user, from a copy made read-only with chmod.
/// </summary>
public sealed class ReadOnlyServerTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The user the server runs as under root; made (system user, no home, no shell) when missing.</summary>
    private const string ServiceUser = "plosolver-app";

    private const UnixFileMode ReadOnlyDirectory = (UnixFileMode)0b101_101_101; // 555
    private const UnixFileMode RootDirectory = (UnixFileMode)0b111_101_101; // 755
    private const UnixFileMode RootFile = (UnixFileMode)0b110_100_100; // 644

    private static readonly bool AsRoot = Environment.IsPrivilegedProcess;

    private readonly string _root = Directory.CreateTempSubdirectory("plosolver-readonly.").FullName;
    private ServerProcess? _server;

    [Fact]
    public async Task Runs_unprivileged_from_a_read_only_directory_and_writes_only_its_data_paths()
    {
        File.SetUnixFileMode(_root, RootDirectory);
        var app = Path.Combine(_root, "app");
        Copy(ServerBuild.Directory, app);
        var logs = Directory.CreateDirectory(Path.Combine(app, "logs")).FullName;
        var state = Directory.CreateDirectory(Path.Combine(_root, "state")).FullName;
        var data = Directory.CreateDirectory(Path.Combine(state, "data")).FullName;
        var temp = Directory.CreateDirectory(Path.Combine(state, "tmp")).FullName;
        string[] writable = [logs, data, temp];

        IReadOnlyList<string>? wrapper = null;
        if (AsRoot)
        {
            EnsureServiceUser();
            Chown(ServiceUser, logs, state, data, temp);
            // runuser sets HOME to the user's (non-existent) home: the image's HOME=/tmp is this test's tmp.
            wrapper = ["runuser", "-u", ServiceUser, "--", "env", $"HOME={temp}"];
        }
        else
        {
            foreach (var directory in Directory.GetDirectories(app, "*", SearchOption.AllDirectories).Where(d => d != logs).Prepend(app))
            {
                File.SetUnixFileMode(directory, ReadOnlyDirectory);
            }
        }
        var user = AsRoot ? ServiceUser : Environment.UserName;
        var before = Snapshot(app, except: logs);

        // The directory really is read-only to that user: the server cannot create anything next to its dll.
        var probe = AsRoot
            ? Shell.Run("runuser", ["-u", ServiceUser, "--", "touch", Path.Combine(app, "probe")])
            : Shell.Run("touch", [Path.Combine(app, "probe")]);
        Assert.True(probe.ExitCode != 0 && !File.Exists(Path.Combine(app, "probe")), $"{user} can write to {app}: {probe}");

        var port = Network.FreePort();
        var clock = Stopwatch.StartNew();
        _server = ServerProcess.Start("read-only server", port, Path.Combine(app, ServerBuild.DllName), [], app, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["JWT_SECRET_KEY"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["SECRET_KEY"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["DATA_DIR"] = data,
            ["HOME"] = temp,
            ["TMPDIR"] = temp,
            ["JOB_WORKERS"] = "1",
        }, wrapper);
        await _server.WaitHealthyAsync(TimeSpan.FromSeconds(120));
        output.WriteLine($"started as {user} from {app} ({(AsRoot ? "root-owned, 755" : "chmod 555")}); /health 200 after {clock.Elapsed.TotalSeconds:0.0} s");

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("healthy", (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        // A write through the API lands in the database under DATA_DIR.
        using var registered = await http.PostAsJsonAsync(new Uri("/api/auth/register", UriKind.Relative),
            new { email = "readonly@deploy.test", password = "read-only-test-password" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        _server.Kill();

        // It wrote its database, its log and nothing else in its directory.
        Assert.True(File.Exists(Path.Combine(data, "plosolver.db")), $"no database in {data}:\n{_server.Output}");
        Assert.True(File.Exists(Path.Combine(logs, "plosolver.log")), $"no log file in {logs}:\n{_server.Output}");
        Assert.Equal(before, Snapshot(app, except: logs));
        if (AsRoot)
        {
            Assert.Equal(ServiceUser, Owner(Path.Combine(data, "plosolver.db")));
            Assert.Equal(ServiceUser, Owner(Path.Combine(logs, "plosolver.log")));
            // A fresh system user without a home can only create files in world-writable directories. The one thing
            // it leaves there is the lock of its shared log file: a .NET named mutex, which the runtime keeps under
            // /tmp/.dotnet/shm/session<id>/ whatever TMPDIR says (in the image /tmp is a tmpfs, so this is writable).
            string[] shared = ["/tmp", "/var/tmp", "/dev/shm", "/run/lock"];
            var find = Shell.Run("find", [.. shared.Where(Directory.Exists), "-xdev", "-path", "/tmp/plosolver-readonly.*", "-prune", "-o", "-user", ServiceUser, "-print"]);
            var outside = find.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var runtimeLocks = outside.Where(IsLogFileLock).ToList();
            Assert.Equal([], outside.Except(runtimeLocks));
            Assert.Contains(runtimeLocks, l => l.Contains(MutexName(logs), StringComparison.Ordinal));
            output.WriteLine($"files owned by {ServiceUser} in {string.Join(' ', shared)}: only the log file's named-mutex lock ({string.Join(", ", runtimeLocks)})");
        }
        var written = writable.SelectMany(w => Directory.GetFiles(w, "*", SearchOption.AllDirectories)).Select(f => Path.GetRelativePath(_root, f)).Order();
        output.WriteLine($"application directory unchanged ({before.Count} entries); written: {string.Join(", ", written)}");
    }

    /// <summary>/tmp/.dotnet/shm/sessionN/ and the named-mutex files in it of a Serilog shared log file.</summary>
    private static bool IsLogFileLock(string path) =>
        path.StartsWith("/tmp/.dotnet/shm/session", StringComparison.Ordinal)
        && (path.Count(c => c == '/') == 4 || (path.Count(c => c == '/') == 5 && path.EndsWith(".log.serilog", StringComparison.Ordinal)));

    /// <summary>How the runtime names the mutex file of the log file in a directory (slashes become colons).</summary>
    private static string MutexName(string logs) => Path.Combine(logs, "plosolver.log").Replace('/', ':') + ".serilog";

    /// <summary>Every file and directory under a directory with its size, time and mode.</summary>
    private static List<string> Snapshot(string directory, string except) =>
        [.. Directory.GetFileSystemEntries(directory, "*", SearchOption.AllDirectories)
            .Where(p => p != except && !p.StartsWith(except + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(p => new FileInfo(p) is { Exists: true } f
                ? $"{Path.GetRelativePath(directory, p)} {f.Length} {f.LastWriteTimeUtc.Ticks} {f.UnixFileMode}"
                : $"{Path.GetRelativePath(directory, p)}/ {new DirectoryInfo(p).UnixFileMode}")
            .Order(StringComparer.Ordinal)];

    /// <summary>A copy of the build output, owned by whoever runs the test, directories 755 and files 644.</summary>
    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        File.SetUnixFileMode(to, RootDirectory);
        foreach (var file in Directory.GetFiles(from))
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetUnixFileMode(target, RootFile);
        }
        foreach (var directory in Directory.GetDirectories(from))
        {
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }

    private static void EnsureServiceUser()
    {
        if (Shell.Run("id", ["-u", ServiceUser]).ExitCode == 0)
        {
            return;
        }
        var add = Shell.Run("useradd", ["--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", ServiceUser]);
        // A run of this test in parallel may have made it in the meantime.
        Assert.True(add.ExitCode == 0 || Shell.Run("id", ["-u", ServiceUser]).ExitCode == 0, $"useradd {ServiceUser} failed: {add}");
    }

    private static void Chown(string user, params string[] paths)
    {
        var result = Shell.Run("chown", [user, .. paths]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private static string Owner(string path) => Shell.Run("stat", ["-c", "%U", path]).Stdout.Trim();

    public void Dispose()
    {
        _server?.Dispose();
        ServerProcess.RemoveLogFileLocks(_root);
        // Writable again, so the copy can be deleted when it was made read-only (non-root runs).
        foreach (var directory in Directory.GetDirectories(_root, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(directory, RootDirectory);
        }
        Directory.Delete(_root, recursive: true);
    }
}
