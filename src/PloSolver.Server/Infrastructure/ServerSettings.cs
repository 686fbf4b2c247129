using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Npgsql;

namespace PloSolver.Server.Infrastructure;

/// <summary>Which parts of the server a process runs.</summary>
internal enum ServerRole
{
    /// <summary>HTTP API and job workers (the default, and the laptop setup).</summary>
    All,

    /// <summary>HTTP API only: jobs are queued but run elsewhere.</summary>
    Api,

    /// <summary>Job workers only (extra machines); HTTP serves /health and /metrics.</summary>
    Worker,
}

/// <summary>
/// Every setting of the server, read from environment variables named as in the deployment docs (DESIGN.md §4).
/// Secrets can also come from a file named by <c>X_FILE</c> (Docker secrets). Problems are collected while reading
/// and reported together, each naming its variable, by <see cref="ServerSettingsValidator"/> at start-up.
/// </summary>
internal sealed class ServerSettings
{
    /// <summary>Settings that are secrets: readable from X_FILE, never logged, checked against example values.</summary>
    public static readonly string[] SecretNames = ["DATABASE_URL", "SECRET_KEY", "JWT_SECRET_KEY", "GOOGLE_CLIENT_ID"];

    public List<string> Problems { get; } = [];

    public bool IsProduction { get; set; }

    /// <summary>Npgsql connection string, or null for the embedded SQLite database.</summary>
    public string? PostgresConnectionString { get; set; }

    public string DataDirectory { get; set; } = "data";

    /// <summary>The built web app (index.html and assets/) served at <c>/</c>; null serves the API only.</summary>
    public string? WebRoot { get; set; }

    public string SqliteConnectionString => $"Data Source={Path.Combine(DataDirectory, "plosolver.db")};Default Timeout=30";

    public bool UsesPostgres => PostgresConnectionString is not null;

    public string JwtSecretKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    public string? GoogleClientId { get; set; }

    public string LogLevel { get; set; } = "Information";

    public ServerRole Role { get; set; } = ServerRole.All;

    public int JobWorkers { get; set; } = 1;

    public TimeSpan JobLease { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan JobHeartbeat { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan JobPoll { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a validated session id is trusted before the session table is asked again.</summary>
    public TimeSpan SessionCacheTtl { get; set; } = TimeSpan.FromSeconds(5);

    public int LockoutMaxFailures { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>PBKDF2 iterations of the password hash (Identity's V3 format, HMAC-SHA512).</summary>
    public int PasswordHashIterations { get; set; } = 100_000;

    public int AuthRequestsPerMinute { get; set; } = 30;

    public int ComputeRequestsPerMinute { get; set; } = 600;

    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    public int EquityConcurrency { get; set; } = Environment.ProcessorCount;

    public int EquityQueueLength { get; set; } = 64;

    /// <summary>The most memory a solve job may estimate for itself (SOLVER_MAX_MEMORY_MB); spots ask for less.</summary>
    public long SolverMaxMemoryBytes { get; set; } = 4096L << 20;

    /// <summary>The longest a solve job may run (SOLVER_MAX_SECONDS); spots ask for less.</summary>
    public TimeSpan SolverMaxTime { get; set; } = TimeSpan.FromSeconds(1800);

    /// <summary>Memory for solutions kept loaded for browsing (SOLVER_CACHE_MB).</summary>
    public long SolverCacheBytes { get; set; } = 1024L << 20;

    public string[] CorsOrigins { get; set; } = [];

    public IPNetwork[] ForwardedNetworks { get; set; } = [];

    /// <summary>Reads every setting; problems are collected, not thrown, so all of them are reported at once.</summary>
    public static ServerSettings Read(IConfiguration config, IHostEnvironment environment)
    {
        var s = new ServerSettings { IsProduction = environment.IsProduction() };

        string? Secret(string name)
        {
            var value = config[name];
            var file = config[name + "_FILE"];
            if (!string.IsNullOrEmpty(file))
            {
                if (!string.IsNullOrEmpty(value))
                {
                    s.Problems.Add($"{name} and {name}_FILE are both set; set one of them");
                    return value;
                }
                try
                {
                    return File.ReadAllText(file).Trim();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    s.Problems.Add($"{name}_FILE: cannot read {file}: {e.Message}");
                    return null;
                }
            }
            return string.IsNullOrEmpty(value) ? null : value;
        }

        int Int(string name, int fallback, int min, int max)
        {
            var text = config[name];
            if (string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }
            s.Problems.Add($"{name} must be a whole number from {min} to {max}, got '{text}'");
            return fallback;
        }

        var databaseUrl = Secret("DATABASE_URL");
        if (databaseUrl is not null)
        {
            s.PostgresConnectionString = ParseDatabaseUrl(databaseUrl, s.Problems);
        }
        s.DataDirectory = Path.GetFullPath(config["DATA_DIR"] is { Length: > 0 } dir ? dir : "data");
        // WEB_ROOT names the built web app; by default web/dist is used when it has been built, else the API only.
        if (config["WEB_ROOT"] is { Length: > 0 } webRoot)
        {
            s.WebRoot = Path.GetFullPath(webRoot);
            if (!File.Exists(Path.Combine(s.WebRoot, "index.html")))
            {
                s.Problems.Add($"WEB_ROOT: {s.WebRoot} holds no index.html (build the web app with: cd web && npm ci && npm run build)");
            }
        }
        else if (File.Exists(Path.GetFullPath(Path.Combine("web", "dist", "index.html"))))
        {
            s.WebRoot = Path.GetFullPath(Path.Combine("web", "dist"));
        }

        s.JwtSecretKey = Secret("JWT_SECRET_KEY") ?? "";
        s.SecretKey = Secret("SECRET_KEY") ?? "";
        foreach (var (name, value) in new[] { ("JWT_SECRET_KEY", s.JwtSecretKey), ("SECRET_KEY", s.SecretKey) })
        {
            if (value.Length == 0)
            {
                if (s.IsProduction)
                {
                    s.Problems.Add($"{name} is required in production (or {name}_FILE naming a file that holds it)");
                }
            }
            else if (LooksLikeExample(value))
            {
                if (s.IsProduction)
                {
                    s.Problems.Add($"{name} is an example value; generate a real one (e.g. openssl rand -base64 48)");
                }
            }
            else if (value.Length < 32)
            {
                s.Problems.Add($"{name} must be at least 32 characters long");
            }
        }
        // Development and tests: a random key per process is safe (nothing signed outlives the process but refresh
        // tokens, which are stored hashed and stay valid).
        if (s.JwtSecretKey.Length == 0 && !s.IsProduction)
        {
            s.JwtSecretKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        }
        if (s.SecretKey.Length == 0 && !s.IsProduction)
        {
            s.SecretKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        }
        if (s.IsProduction && databaseUrl is not null && LooksLikeExample(databaseUrl))
        {
            s.Problems.Add("DATABASE_URL holds an example password; set the real one");
        }

        s.GoogleClientId = Secret("GOOGLE_CLIENT_ID");
        s.LogLevel = config["LOG_LEVEL"] is { Length: > 0 } level ? level : "Information";
        if (!Enum.TryParse<Serilog.Events.LogEventLevel>(s.LogLevel, ignoreCase: true, out _))
        {
            s.Problems.Add($"LOG_LEVEL must be one of Verbose, Debug, Information, Warning, Error, Fatal, got '{s.LogLevel}'");
        }

        switch (config["SERVER_ROLE"]?.Trim().ToLowerInvariant())
        {
            case null or "" or "all":
                break;
            case "api":
                s.Role = ServerRole.Api;
                break;
            case "worker":
                s.Role = ServerRole.Worker;
                break;
            default:
                s.Problems.Add($"SERVER_ROLE must be all, api or worker, got '{config["SERVER_ROLE"]}'");
                break;
        }

        s.JobWorkers = Int("JOB_WORKERS", 1, 0, 64);
        s.JobLease = TimeSpan.FromSeconds(Int("JOB_LEASE_SECONDS", 30, 1, 3600));
        // One second: the heartbeat is also how a running job hears that its owner cancelled it.
        s.JobHeartbeat = TimeSpan.FromMilliseconds(Int("JOB_HEARTBEAT_MS", 1000, 50, 600_000));
        s.JobPoll = TimeSpan.FromMilliseconds(Int("JOB_POLL_MS", 1000, 10, 60_000));
        if (s.JobHeartbeat >= s.JobLease)
        {
            s.Problems.Add("JOB_HEARTBEAT_MS must be shorter than JOB_LEASE_SECONDS, or leases expire between heartbeats");
        }
        s.AccessTokenLifetime = TimeSpan.FromMinutes(Int("ACCESS_TOKEN_MINUTES", 15, 1, 24 * 60));
        s.RefreshTokenLifetime = TimeSpan.FromDays(Int("REFRESH_TOKEN_DAYS", 30, 1, 365));
        s.SessionCacheTtl = TimeSpan.FromMilliseconds(Int("SESSION_CACHE_MS", 5000, 0, 60_000));
        s.LockoutMaxFailures = Int("LOCKOUT_MAX_FAILURES", 5, 1, 1000);
        s.LockoutDuration = TimeSpan.FromSeconds(Int("LOCKOUT_SECONDS", 15 * 60, 1, 24 * 3600));
        s.PasswordHashIterations = Int("PASSWORD_HASH_ITERATIONS", 100_000, 1, 10_000_000);
        if (s.IsProduction && s.PasswordHashIterations < 100_000)
        {
            s.Problems.Add("PASSWORD_HASH_ITERATIONS must be at least 100000 in production");
        }
        s.AuthRequestsPerMinute = Int("RATE_LIMIT_AUTH_PER_MINUTE", 30, 1, 10_000_000);
        s.ComputeRequestsPerMinute = Int("RATE_LIMIT_COMPUTE_PER_MINUTE", 600, 1, 100_000_000);
        s.MaxRequestBodyBytes = Int("MAX_REQUEST_BODY_BYTES", 1024 * 1024, 1024, 64 * 1024 * 1024);
        s.EquityConcurrency = Int("EQUITY_CONCURRENCY", Environment.ProcessorCount, 1, 1024);
        s.EquityQueueLength = Int("EQUITY_QUEUE", 64, 0, 100_000);

        s.SolverMaxMemoryBytes = (long)Int("SOLVER_MAX_MEMORY_MB", 4096, 16, 4 * 1024 * 1024) << 20;
        s.SolverMaxTime = TimeSpan.FromSeconds(Int("SOLVER_MAX_SECONDS", 1800, 1, 7 * 24 * 3600));
        s.SolverCacheBytes = (long)Int("SOLVER_CACHE_MB", 1024, 0, 4 * 1024 * 1024) << 20;

        s.CorsOrigins = (config["CORS_ORIGINS"] ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
        var networks = new List<IPNetwork>();
        foreach (var text in (config["FORWARDED_NETWORKS"] ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (IPNetwork.TryParse(text.Contains('/', StringComparison.Ordinal) ? text : text + (text.Contains(':', StringComparison.Ordinal) ? "/128" : "/32"), out var network))
            {
                networks.Add(network);
            }
            else
            {
                s.Problems.Add($"FORWARDED_NETWORKS: '{text}' is not an address or a network such as 172.16.0.0/12");
            }
        }
        s.ForwardedNetworks = [.. networks];
        return s;
    }

    /// <summary>Values shipped in .env examples and docs; a production deployment must replace them.</summary>
    private static bool LooksLikeExample(string value) =>
        value.Contains("change-me", StringComparison.OrdinalIgnoreCase)
        || value.Contains("changeme", StringComparison.OrdinalIgnoreCase)
        || value.Contains("example", StringComparison.OrdinalIgnoreCase)
        || value.Contains("your-secret", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Turns <c>postgresql://user:pass@host:5432/db?sslmode=require</c> (the Docker deployment's form) into an
    /// Npgsql connection string. A plain Npgsql connection string (<c>Host=…;Database=…</c>) is accepted as is.
    /// </summary>
    public static string? ParseDatabaseUrl(string text, List<string> problems)
    {
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(text).ConnectionString;
            }
            catch (ArgumentException e)
            {
                problems.Add($"DATABASE_URL is neither a postgresql:// URL nor a connection string: {e.Message}");
                return null;
            }
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgresql" or "postgres") || uri.Host.Length == 0)
        {
            problems.Add("DATABASE_URL must look like postgresql://user:password@host:5432/database");
            return null;
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0)
        {
            problems.Add("DATABASE_URL names no database (postgresql://user:password@host:5432/database)");
            return null;
        }
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = database,
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }
        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]);
            var value = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "";
            try
            {
                // Npgsql takes "sslmode", "Pooling", "Maximum Pool Size" … as connection string keywords.
                builder[key] = value;
            }
            catch (ArgumentException)
            {
                problems.Add($"DATABASE_URL: unknown option '{key}'");
            }
        }
        return builder.ConnectionString;
    }
}

/// <summary>Fails start-up with every problem of the configuration, each naming its variable.</summary>
internal sealed class ServerSettingsValidator : IValidateOptions<ServerSettings>
{
    public ValidateOptionsResult Validate(string? name, ServerSettings options) =>
        options.Problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Problems);
}

internal static class ServerSettingsExtensions
{
    public static IServiceCollection AddServerSettings(this IServiceCollection services)
    {
        services.AddOptions<ServerSettings>()
            .Configure<IConfiguration, IHostEnvironment>((target, config, environment) =>
            {
                // Options are created by Configure; read once and copy, so validation sees the whole picture.
                var read = ServerSettings.Read(config, environment);
                foreach (var property in typeof(ServerSettings).GetProperties().Where(p => p.CanWrite))
                {
                    property.SetValue(target, property.GetValue(read));
                }
                target.Problems.AddRange(read.Problems);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerSettings>, ServerSettingsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ServerSettings>>().Value);
        return services;
    }
}
