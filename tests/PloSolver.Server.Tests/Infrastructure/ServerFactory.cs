using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace PloSolver.Server.Tests.Infrastructure;

/// <summary>
/// The real server in-process, configured only through the settings a deployment would use (environment
/// variable names), talking to a real database: a PostgreSQL database of its own or a SQLite file.
/// </summary>
public sealed class ServerFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    /// <summary>Shared by instances that must honour each other's tokens.</summary>
    public const string JwtKey = "test-jwt-key-0123456789abcdefghijklmnopqrstuvwxyz";
    public const string SecretKey = "test-secret-key-0123456789abcdefghijklmnopqrstuvwxyz";

    public static Dictionary<string, string> Defaults() => new()
    {
        ["JWT_SECRET_KEY"] = JwtKey,
        ["SECRET_KEY"] = SecretKey,
        // Cheap hashes keep registration fast in tests; production refuses fewer than 100,000 iterations.
        ["PASSWORD_HASH_ITERATIONS"] = "1000",
        ["LOG_LEVEL"] = "Warning",
        ["JOB_WORKERS"] = "0",
        ["JOB_POLL_MS"] = "50",
        ["RATE_LIMIT_AUTH_PER_MINUTE"] = "100000",
        ["RATE_LIMIT_COMPUTE_PER_MINUTE"] = "1000000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>An HTTPS client (the refresh cookie is Secure) that keeps cookies.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = true });

    /// <summary>Registers a fresh user and returns a client carrying their access token, and the auth response.</summary>
    public async Task<(HttpClient Client, JsonObject Auth)> SignUpAsync(string? email = null, string password = "correct horse battery")
    {
        var client = Client();
        email ??= $"user-{Guid.NewGuid():N}@example.test";
        var response = await client.PostAsJsonAsync("/api/auth/register", new { email, password, displayName = "Test" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"register: {(int)response.StatusCode} {body}");
        var auth = JsonNode.Parse(body)!.AsObject();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)auth["accessToken"]!);
        return (client, auth);
    }
}

/// <summary>A database of its own on the test PostgreSQL cluster (scripts/pg-test.sh), dropped afterwards.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string Variable = "PLOSOLVER_TEST_POSTGRES";

    private PostgresDatabase(string name, string url)
    {
        Name = name;
        Url = url;
    }

    public string Name { get; }

    /// <summary>postgresql://… URL of this database, as DATABASE_URL takes it.</summary>
    public string Url { get; }

    public static string AdminUrl => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } url
        ? url
        : throw new InvalidOperationException(
            $"{Variable} is not set: the server tests need PostgreSQL 15. Run scripts/test.sh, or eval \"$(scripts/pg-test.sh start)\" first.");

    public static async Task<PostgresDatabase> CreateAsync(string prefix)
    {
        var admin = AdminUrl;
        var name = $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(ToConnectionString(admin)))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        var uri = new Uri(admin);
        return new PostgresDatabase(name, $"{uri.Scheme}://{uri.UserInfo}@{uri.Host}:{uri.Port}/{name}");
    }

    /// <summary>Runs SQL as the cluster's superuser, in the maintenance database.</summary>
    public static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ToConnectionString(AdminUrl));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs SQL in this database.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ToConnectionString(Url));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ToConnectionString(Url));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static string ToConnectionString(string url)
    {
        var uri = new Uri(url);
        return new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port,
            Username = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]),
            Database = uri.AbsolutePath.TrimStart('/'),
            Pooling = false,
        }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // The cluster is thrown away after the run anyway.
        }
    }
}

/// <summary>One server on its own PostgreSQL database, shared by the tests of one class.</summary>
public class PostgresServer : IAsyncLifetime
{
    public ServerFactory Factory { get; private set; } = null!;

    public PostgresDatabase Database { get; private set; } = null!;

    protected virtual void Configure(Dictionary<string, string> settings)
    {
    }

    public async Task InitializeAsync()
    {
        Database = await PostgresDatabase.CreateAsync("plosolver_" + GetType().Name);
        var settings = ServerFactory.Defaults();
        settings["DATABASE_URL"] = Database.Url;
        Configure(settings);
        Factory = new ServerFactory(settings);
        _ = Factory.Server; // start now: migrations run here, not inside the first test
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>One server on a SQLite file in a temp directory (the embedded default).</summary>
public class SqliteServer : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "plosolver-test-" + Guid.NewGuid().ToString("N"));

    public ServerFactory Factory { get; private set; } = null!;

    protected virtual void Configure(Dictionary<string, string> settings)
    {
    }

    public Task InitializeAsync()
    {
        var settings = ServerFactory.Defaults();
        settings["DATA_DIR"] = _dataDir;
        Configure(settings);
        Factory = new ServerFactory(settings);
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDir, recursive: true);
    }
}
