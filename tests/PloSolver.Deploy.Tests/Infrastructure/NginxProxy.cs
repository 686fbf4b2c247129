using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PloSolver.Deploy.Tests.Infrastructure;

/// <summary>
/// Debian's nginx as a load balancer on a free loopback port, round-robin over the given upstream ports, from a
/// configuration generated into a temp dir. Every answer carries X-Upstream: the instance(s) nginx tried, in order.
/// Fails, never skips, when nginx cannot run (scripts/test.sh installs it).
/// </summary>
internal sealed class NginxProxy : IDisposable
{
    private readonly string _prefix = Directory.CreateTempSubdirectory("plosolver-proxy.").FullName;
    private readonly Process _process;

    public NginxProxy(IEnumerable<int> upstreamPorts)
    {
        // Under root nginx's workers run as nobody, who must reach the prefix.
        File.SetUnixFileMode(_prefix, (UnixFileMode)0b111_101_101);
        Port = Network.FreePort();
        var servers = string.Join("\n", upstreamPorts.Select(p => $"        server 127.0.0.1:{p} max_fails=1 fail_timeout=30s;"));
        ConfigPath = Path.Combine(_prefix, "nginx.conf");
        File.WriteAllText(ConfigPath, $$"""
            worker_processes 1;
            pid {{_prefix}}/nginx.pid;
            error_log {{ErrorLogPath}} warn;
            events { worker_connections 512; }
            http {
                access_log off;
                upstream plosolver {
            {{servers}}
                }
                server {
                    listen 127.0.0.1:{{Port}};
                    location / {
                        proxy_pass http://plosolver;
                        # A request that could not be sent or whose answer never started goes to the next instance:
                        # always for GET, HEAD, PUT, DELETE; for POST and PATCH only if nothing was sent yet.
                        proxy_next_upstream error timeout;
                        proxy_next_upstream_tries 3;
                        proxy_connect_timeout 2s;
                        proxy_read_timeout 60s;
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        add_header X-Upstream $upstream_addr always;
                    }
                }
            }
            """);
        var start = new ProcessStartInfo(Executable()) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", _prefix, "-c", ConfigPath, "-e", ErrorLogPath, "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start nginx");
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public string ConfigPath { get; }

    public string ErrorLogPath => Path.Combine(_prefix, "error.log");

    public string ErrorLog => File.Exists(ErrorLogPath) ? File.ReadAllText(ErrorLogPath) : "";

    public static string Executable() =>
        Shell.Find("nginx", "/usr/sbin") ?? throw new InvalidOperationException("nginx is not installed: scripts/test.sh installs it (apt-get install nginx)");

    public async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with code {_process.ExitCode}:\n{await _process.StandardError.ReadToEndAsync()}\n{ErrorLog}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException($"nginx is not listening on port {Port} after {timeout.TotalSeconds:0} s:\n{ErrorLog}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
        _process.Dispose();
        Directory.Delete(_prefix, recursive: true);
    }
}
