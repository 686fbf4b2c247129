using System.Net;
using System.Net.Http.Json;
using PloSolver.Server.Tests.Infrastructure;
using PloSolver.Server.Tests.Jobs;
using PloSolver.Server.Tests.Solving;

namespace PloSolver.Server.Tests.Operations;

public sealed class SqliteWithWorkers : SqliteServer
{
    protected override void Configure(Dictionary<string, string> settings)
    {
        settings["JOB_WORKERS"] = "1";
        settings["JOB_HEARTBEAT_MS"] = "100";
    }
}

/// <summary>The embedded default (no DATABASE_URL): the same features on a SQLite file.</summary>
public sealed class SqliteTests(SqliteWithWorkers server) : IClassFixture<SqliteWithWorkers>
{
    [Fact]
    public async Task Accounts_sessions_and_refresh_work_on_SQLite()
    {
        var (client, auth) = await server.Factory.SignUpAsync("sqlite@example.test", "password-one");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        var rotated = await server.Factory.Client().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = (string)auth["refreshToken"]! });
        await rotated.JsonAsync(HttpStatusCode.OK);
        var reuse = await server.Factory.Client().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = (string)auth["refreshToken"]! });
        await reuse.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        var health = (await (await server.Factory.Client().GetAsync("/health")).JsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.Equal("healthy", (string?)health["status"]);
    }

    [Fact]
    public async Task Spots_are_saved_searched_shared_and_private_on_SQLite()
    {
        var (owner, _) = await server.Factory.SignUpAsync();
        var (stranger, _) = await server.Factory.SignUpAsync();
        var created = (await (await owner.PostAsJsonAsync("/api/spots", new { name = "Kings on Ace high", tags = new[] { "flop" }, data = new { boards = new[] { "Ah7c2d" } } }))
            .JsonAsync(HttpStatusCode.Created)).AsObject();
        var id = (string)created["id"]!;
        Assert.Equal(1, (int)(await (await owner.GetAsync("/api/spots?q=KINGS&tag=flop")).JsonAsync(HttpStatusCode.OK))["total"]!);
        await (await stranger.GetAsync($"/api/spots/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        var slug = (string)(await (await owner.PostAsync($"/api/spots/{id}/share", null)).JsonAsync(HttpStatusCode.OK))["slug"]!;
        Assert.Equal("Kings on Ace high", (string?)(await (await server.Factory.Client().GetAsync($"/api/shared/{slug}")).JsonAsync(HttpStatusCode.OK))["name"]);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/spots/{id}")).StatusCode);
    }

    [Fact]
    public async Task Jobs_run_and_can_be_cancelled_on_SQLite()
    {
        var (client, _) = await server.Factory.SignUpAsync();
        var job = await JobsTests.SubmitAsync(client, new { players = new object[] { new { hand = "AsKsQhJh" }, new { hand = "7c8c9d6d" } }, boards = new[] { "2c3d4h" } });
        var done = await JobsTests.WaitForAsync(client, (string)job["id"]!, s => s is "succeeded" or "failed");
        Assert.Equal("succeeded", (string?)done["status"]);
        Assert.Equal(820, (long)done["result"]!["deals"]!);

        var endless = await JobsTests.SubmitAsync(client, new { players = new object[] { new { range = "AA**" }, new { range = "KK**" } }, trials = 2_000_000_000 });
        await JobsTests.WaitForAsync(client, (string)endless["id"]!, s => s == "running");
        await (await client.PostAsync($"/api/jobs/{endless["id"]}/cancel", null)).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("cancelled", (string?)(await JobsTests.WaitForAsync(client, (string)endless["id"]!, s => s != "running", seconds: 5))["status"]);
    }

    [Fact]
    public async Task A_solve_runs_and_its_nodes_are_served_on_SQLite()
    {
        var (client, _) = await server.Factory.SignUpAsync();
        var done = await SolveJobsTests.SolveAsync(client, SolveSpots.Turn());
        var id = (string)done["id"]!;
        Assert.NotEmpty(done["detail"]!["history"]!.AsArray());
        var river = await SolveJobsTests.NodeAsync(client, id, "0.0.Qs");
        Assert.Equal("Ks7d2c9hQs", (string?)river["board"]);
        Assert.NotEmpty(river["hands"]!.AsArray());
        var (stranger, _) = await server.Factory.SignUpAsync();
        await (await stranger.GetAsync($"/api/jobs/{id}/result")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
