using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PloSolver.Deploy.Tests.Infrastructure;

namespace PloSolver.Deploy.Tests;

/// <summary>
/// deploy/nginx.conf with Debian's nginx (scripts/test.sh installs it): `nginx -t`, then a real server over a
/// stand-in build to check what the browser gets. These tests fail, never skip, when nginx is missing.
/// </summary>
public sealed class NginxConfigTests : IDisposable
{
    private readonly string _prefix = Directory.CreateTempSubdirectory("plosolver-nginx.").FullName;
    private Process? _server;

    public NginxConfigTests()
    {
        // Under root (CI) nginx's workers drop to nobody, who must be able to read the site.
        File.SetUnixFileMode(_prefix, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    public void Dispose()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit();
        }
        _server?.Dispose();
        Directory.Delete(_prefix, recursive: true);
    }

    [Fact]
    public void Nginx_accepts_the_configuration()
    {
        var config = Prepare(File.ReadAllText(Repo.PathOf("deploy/nginx.conf")));
        var test = Shell.Run(NginxProxy.Executable(), ["-t", "-p", _prefix, "-c", config, "-e", "stderr"]);
        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Contains("test is successful", test.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serves_the_single_page_app_with_caching_compression_and_a_strict_policy()
    {
        // The shipped file with two local substitutions: the site's root and a free port instead of 3000.
        var site = Directory.CreateDirectory(Path.Combine(_prefix, "html")).FullName;
        Directory.CreateDirectory(Path.Combine(site, "assets"));
        await File.WriteAllTextAsync(Path.Combine(site, "index.html"), "<!doctype html><script type=module src=/assets/index-3f9a1c.js></script>");
        await File.WriteAllTextAsync(Path.Combine(site, "assets", "index-3f9a1c.js"), string.Concat(Enumerable.Repeat("console.log('plosolver');\n", 200)));
        var port = Network.FreePort();
        var text = File.ReadAllText(Repo.PathOf("deploy/nginx.conf"));
        Assert.Contains("root /usr/share/nginx/html;", text, StringComparison.Ordinal);
        Assert.Contains("listen 3000;", text, StringComparison.Ordinal);
        var config = Prepare(text.Replace("root /usr/share/nginx/html;", $"root {site};", StringComparison.Ordinal)
            .Replace("listen 3000;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal));
        // In the foreground, as the container runs it, so the test owns the process and stops it.
        var start = new ProcessStartInfo(NginxProxy.Executable()) { UseShellExecute = false };
        foreach (var argument in new[] { "-p", _prefix, "-c", config, "-e", "stderr", "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }
        _server = Process.Start(start);
        await WaitUntilListening(port);

        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        // A client-side route is index.html, revalidated every time so a deploy shows at once.
        var route = await Get(http, "/spots/42");
        Assert.Equal(HttpStatusCode.OK, route.StatusCode);
        Assert.StartsWith("<!doctype html>", await route.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-cache", route.Headers.CacheControl?.ToString());

        var csp = Assert.Single(route.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(route.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(route.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(route.Headers.GetValues("Referrer-Policy")));

        // Hashed assets are cached for a year, compressed, and keep the security headers.
        var asset = await Get(http, "/assets/index-3f9a1c.js", gzip: true);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());
        Assert.Equal("gzip", Assert.Single(asset.Content.Headers.ContentEncoding));
        Assert.Contains("Content-Security-Policy", asset.Headers.Select(h => h.Key));

        // A missing asset is a 404, never index.html served as JavaScript.
        Assert.Equal(HttpStatusCode.NotFound, (await Get(http, "/assets/index-000000.js")).StatusCode);

        var health = await Get(http, "/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok\n", await health.Content.ReadAsStringAsync());
    }

    private async Task WaitUntilListening(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_server!.HasExited)
            {
                Assert.Fail($"nginx exited with code {_server.ExitCode}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        Assert.Fail($"nginx is not listening on port {port} after 5 s");
    }

    private static async Task<HttpResponseMessage> Get(HttpClient http, string path, bool gzip = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (gzip)
        {
            request.Headers.AcceptEncoding.ParseAdd("gzip");
        }
        return await http.SendAsync(request);
    }

    /// <summary>Writes the configuration into the prefix with the mime.types it includes (Debian's copy).</summary>
    private string Prepare(string config)
    {
        File.Copy("/etc/nginx/mime.types", Path.Combine(_prefix, "mime.types"), overwrite: true);
        var path = Path.Combine(_prefix, "nginx.conf");
        File.WriteAllText(path, config);
        return path;
    }
}
