using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Npgsql;
using PloSolver.Server.Infrastructure;
using PloSolver.Server.Tests.Infrastructure;

namespace PloSolver.Server.Tests.Operations;

public sealed class ConfigurationTests
{
    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "PloSolver.Server";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static ServerSettings Read(string environment, params (string Key, string Value)[] values) =>
        ServerSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build(), new Environment(environment));

    [Fact]
    public void DATABASE_URL_in_the_Docker_form_becomes_an_Npgsql_connection_string()
    {
        var settings = Read("Development", ("DATABASE_URL", "postgresql://plo%40user:p%3Ass@db.internal:5433/plosolver?sslmode=require"));
        Assert.Empty(settings.Problems);
        var parsed = new NpgsqlConnectionStringBuilder(settings.PostgresConnectionString);
        Assert.Equal("db.internal", parsed.Host);
        Assert.Equal(5433, parsed.Port);
        Assert.Equal("plosolver", parsed.Database);
        Assert.Equal("plo@user", parsed.Username);
        Assert.Equal("p:ss", parsed.Password);
        Assert.Equal(SslMode.Require, parsed.SslMode);

        Assert.Contains(Read("Development", ("DATABASE_URL", "mysql://x@y/z")).Problems, p => p.StartsWith("DATABASE_URL", StringComparison.Ordinal));
        Assert.False(Read("Development").UsesPostgres);
    }

    [Fact]
    public void Secrets_are_read_from_X_FILE_and_both_at_once_is_a_mistake()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "a-real-secret-from-a-docker-secret-file-0123456789\n");
        try
        {
            var settings = Read("Production", ("JWT_SECRET_KEY_FILE", file), ("SECRET_KEY_FILE", file));
            Assert.Empty(settings.Problems);
            Assert.Equal("a-real-secret-from-a-docker-secret-file-0123456789", settings.JwtSecretKey);
            var both = Read("Production", ("JWT_SECRET_KEY_FILE", file), ("JWT_SECRET_KEY", "x"), ("SECRET_KEY_FILE", file));
            Assert.Contains("JWT_SECRET_KEY and JWT_SECRET_KEY_FILE are both set; set one of them", both.Problems);
            var missing = Read("Production", ("JWT_SECRET_KEY_FILE", file + ".missing"), ("SECRET_KEY_FILE", file));
            Assert.Contains(missing.Problems, p => p.StartsWith("JWT_SECRET_KEY_FILE: cannot read", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Production_refuses_missing_and_example_secrets_and_development_generates_them()
    {
        var missing = Read("Production");
        Assert.Contains(missing.Problems, p => p.StartsWith("JWT_SECRET_KEY is required in production", StringComparison.Ordinal));
        Assert.Contains(missing.Problems, p => p.StartsWith("SECRET_KEY is required in production", StringComparison.Ordinal));
        var example = Read("Production", ("JWT_SECRET_KEY", "change-me-to-a-long-random-string-please-now"), ("SECRET_KEY", "0123456789abcdef0123456789abcdef0123"));
        Assert.Equal(["JWT_SECRET_KEY is an example value; generate a real one (e.g. openssl rand -base64 48)"], example.Problems);
        var development = Read("Development");
        Assert.Empty(development.Problems);
        Assert.True(development.JwtSecretKey.Length >= 32);
        Assert.NotEqual(development.JwtSecretKey, Read("Development").JwtSecretKey);
        Assert.Contains(Read("Development", ("JOB_WORKERS", "many")).Problems, p => p.StartsWith("JOB_WORKERS", StringComparison.Ordinal));
    }

    private static async Task<(int Exit, string Output)> RunServerAsync(IDictionary<string, string> environment, params string[] args)
    {
        var dll = typeof(Program).Assembly.Location;
        var workDir = Directory.CreateTempSubdirectory("plosolver-process-").FullName;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var name in ServerSettings.SecretNames.Concat(["ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "DATA_DIR", "PORT", "ASPNETCORE_URLS"]))
        {
            start.Environment.Remove(name);
            start.Environment.Remove(name + "_FILE");
        }
        start.Environment["DATA_DIR"] = Path.Combine(workDir, "data");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        Directory.Delete(workDir, recursive: true);
        return (process.ExitCode, output);
    }

    [Fact]
    public async Task The_server_process_refuses_to_start_in_production_without_secrets_and_names_them()
    {
        var (exit, output) = await RunServerAsync(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
        Assert.Equal(1, exit);
        Assert.Contains("JWT_SECRET_KEY is required in production", output, StringComparison.Ordinal);
        Assert.Contains("SECRET_KEY is required in production", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_migrate_command_creates_the_tables_and_exits()
    {
        var (sqliteExit, sqliteOutput) = await RunServerAsync(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" }, "migrate");
        Assert.True(sqliteExit == 0, sqliteOutput);

        await using var database = await PostgresDatabase.CreateAsync("plosolver_migrate");
        var (exit, output) = await RunServerAsync(new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DATABASE_URL"] = database.Url }, "migrate");
        Assert.True(exit == 0, output);
        var tables = await database.ScalarAsync(
            "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE '\\_\\_%'");
        Assert.Equal("job_solutions,jobs,spots,user_sessions,users", tables);
        var indexes = (string)(await database.ScalarAsync("SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'public'"))!;
        foreach (var index in new[] { "ix_users_email", "ix_spots_user_id", "ix_jobs_status_created_at", "pk_user_sessions" })
        {
            Assert.Contains(index, indexes, StringComparison.Ordinal);
        }
    }
}

/// <summary>The production process over real HTTP: structured logs on the console and in logs/plosolver.log, with
/// no password, token or share slug in them.</summary>
public sealed class ProductionProcessTests
{
    [Fact]
    public async Task Production_logs_go_to_the_rotated_file_and_never_hold_passwords_tokens_or_slugs()
    {
        var workDir = Directory.CreateTempSubdirectory("plosolver-production-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var name in ServerSettings.SecretNames.Concat(["ASPNETCORE_URLS", "DOTNET_URLS", "URLS"]))
        {
            start.Environment.Remove(name);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["JWT_SECRET_KEY"] = "a-production-jwt-key-for-this-test-only-0123456789";
        start.Environment["SECRET_KEY"] = "a-production-app-key-for-this-test-only-0123456789";
        start.Environment["DATA_DIR"] = Path.Combine(workDir, "data");
        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["LOG_LEVEL"] = "Debug";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                try
                {
                    if ((await client.GetAsync("/health")).StatusCode == System.Net.HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
                if (DateTime.UtcNow > deadline || process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail("the server did not start: " + await stdout + await stderr);
                }
                await Task.Delay(100);
            }

            const string Password = "sup3r-secret-passw0rd";
            var register = await client.PostAsync("/api/auth/register", Json($$"""{"email":"prod@example.test","password":"{{Password}}"}"""));
            var auth = System.Text.Json.Nodes.JsonNode.Parse(await register.Content.ReadAsStringAsync())!;
            var access = (string)auth["accessToken"]!;
            var refresh = (string)auth["refreshToken"]!;
            await client.PostAsync("/api/auth/login", Json($$"""{"email":"prod@example.test","password":"{{Password}}"}"""));
            await client.PostAsync("/api/auth/login", Json("""{"email":"prod@example.test","password":"a wrong one"}"""));
            await client.PostAsync("/api/auth/refresh", Json($$"""{"refreshToken":"{{refresh}}"}"""));
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", access);
            var spot = System.Text.Json.Nodes.JsonNode.Parse(await (await client.PostAsync("/api/spots", Json("""{"name":"s","data":{}}"""))).Content.ReadAsStringAsync())!;
            var share = System.Text.Json.Nodes.JsonNode.Parse(await (await client.PostAsync($"/api/spots/{spot["id"]}/share", null)).Content.ReadAsStringAsync())!;
            var slug = (string)share["slug"]!;
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync($"/api/shared/{slug}")).StatusCode);

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            var console = await stdout + await stderr;
            var file = await File.ReadAllTextAsync(Path.Combine(workDir, "logs", "plosolver.log"));
            Assert.Contains("\"RequestPath\":\"/api/shared/{slug}\"", file, StringComparison.Ordinal);
            Assert.Contains("/api/auth/login", console, StringComparison.Ordinal);
            foreach (var secret in new[] { Password, "a wrong one", access, refresh, refresh.Split('.')[1], slug, start.Environment["JWT_SECRET_KEY"]!, start.Environment["SECRET_KEY"]! })
            {
                Assert.DoesNotContain(secret, file, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, console, StringComparison.Ordinal);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            Directory.Delete(workDir, recursive: true);
        }
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
