using System.Net;
using System.Net.Http.Json;
using PloSolver.Server.Tests.Infrastructure;

namespace PloSolver.Server.Tests.Health;

public sealed class HealthServer : PostgresServer
{
    // Every request asks the session table, so an outage shows at once.
    protected override void Configure(Dictionary<string, string> settings) => settings["SESSION_CACHE_MS"] = "0";
}

public sealed class HealthTests(HealthServer server) : IClassFixture<HealthServer>
{
    [Fact]
    public async Task Health_reports_the_database_and_a_database_outage_is_503_everywhere_until_it_returns()
    {
        var anonymous = server.Factory.Client();
        var (user, _) = await server.Factory.SignUpAsync();
        var healthy = (await (await anonymous.GetAsync("/health")).JsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.Equal("healthy", (string?)healthy["status"]);
        Assert.Equal("0.1.0", (string?)healthy["version"]);
        Assert.True(DateTime.UtcNow - (DateTime)healthy["timestamp"]! < TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);

        var name = server.Database.Name;
        await PostgresDatabase.AdminAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false");
        await PostgresDatabase.AdminAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        try
        {
            var down = await anonymous.GetAsync("/health");
            var report = (await down.JsonAsync(HttpStatusCode.ServiceUnavailable)).AsObject();
            Assert.Equal("unhealthy", (string?)report["status"]);
            Assert.StartsWith("database unavailable", (string?)report["error"], StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);

            var spots = await user.GetAsync("/api/spots");
            await spots.ProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(spots.Headers.RetryAfter);
            var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = "someone@example.test", password = "whatever1" });
            await login.ProblemAsync(HttpStatusCode.ServiceUnavailable);
            // Work that needs no database goes on.
            var equity = await anonymous.PostAsJsonAsync("/api/hands/evaluate", new { hand = "AsKsQhJh", board = "2s3sTs" });
            Assert.Equal(HttpStatusCode.OK, equity.StatusCode);
        }
        finally
        {
            await PostgresDatabase.AdminAsync($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true");
        }

        await Http.EventuallyAsync(() => anonymous.GetAsync("/health"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(10), "health to recover");
        await Http.EventuallyAsync(() => user.GetAsync("/api/spots"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(10), "the API to recover");
    }
}
