using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace PloSolver.Deploy.Tests.Infrastructure;

/// <summary>
/// One real server process (`dotnet PloSolver.Server.dll`, optionally behind a wrapper such as runuser) with its
/// output kept for failure messages. Disposing kills it and everything it started.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private const int KeptLines = 400;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServerProcess(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
    }

    public string Name { get; }

    /// <summary>The loopback port it listens on (0 for a command that does not serve).</summary>
    public int Port { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts the server in <paramref name="workingDirectory"/> with exactly the given settings on top of this
    /// process's environment (DATABASE_URL and ASPNETCORE_* are never inherited).
    /// <paramref name="wrapper"/> comes before the dotnet command line (e.g. runuser -u USER -- env HOME=…).
    /// </summary>
    public static ServerProcess Start(string name, int port, string dll, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, IReadOnlyList<string>? wrapper = null)
    {
        string[] command = [.. wrapper ?? [], ServerBuild.Dotnet, dll, .. arguments];
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var key in start.Environment.Keys.Where(k => k is "DATABASE_URL" || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }
        if (port > 0)
        {
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start };
        var server = new ServerProcess(name, port, process);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{name}: could not start {command[0]}");
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>The last lines it printed (stdout and stderr), for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The last <paramref name="count"/> lines it printed.</summary>
    public string Tail(int count) => string.Join('\n', _output.TakeLast(count));

    /// <summary>Waits for a command (such as `migrate`) to finish and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{Name} did not finish within {timeout.TotalSeconds:0} s:\n{Output}");
        }
        return _process.ExitCode;
    }

    /// <summary>Polls GET /health until it answers 200; fails at once if the process exits.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before answering /health:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} did not answer /health with 200 within {timeout.TotalSeconds:0} s:\n{Output}");
    }

    /// <summary>SIGKILL, as a crash or an OOM kill would end it: no shutdown code runs. Without the tree (a bare
    /// `dotnet` process has no children) the signal goes at once, without walking /proc first.</summary>
    public void Kill(bool entireProcessTree = true)
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree);
        }
        _process.WaitForExit();
    }

    /// <summary>
    /// In production the server's log file is shared between processes under a .NET named mutex, which the runtime
    /// keeps as a file under /tmp/.dotnet/shm/session&lt;id&gt;/ named after the log's path ('/' becomes ':'). A
    /// killed server cannot remove it: this removes those of servers whose logs were under <paramref name="directory"/>,
    /// and the session directory when nothing else is left in it.
    /// </summary>
    public static void RemoveLogFileLocks(string directory)
    {
        const string Shm = "/tmp/.dotnet/shm";
        var prefix = directory.Replace('/', ':');
        foreach (var session in Directory.Exists(Shm) ? Directory.GetDirectories(Shm, "session*") : [])
        {
            try
            {
                var ours = Directory.GetFiles(session).Where(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal)).ToList();
                ours.ForEach(File.Delete);
                if (ours.Count > 0 && Directory.GetFileSystemEntries(session).Length == 0)
                {
                    Directory.Delete(session);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // another user's session, or one that went away meanwhile
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // never started
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }
}
