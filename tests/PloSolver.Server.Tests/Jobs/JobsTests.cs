using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using PloSolver.Engine;
using PloSolver.Server.Tests.Infrastructure;

namespace PloSolver.Server.Tests.Jobs;

public sealed class JobsServer : PostgresServer
{
    protected override void Configure(Dictionary<string, string> settings)
    {
        settings["JOB_WORKERS"] = "1";
        settings["JOB_LEASE_SECONDS"] = "2";
        settings["JOB_HEARTBEAT_MS"] = "200";
        settings["JOB_POLL_MS"] = "50";
    }
}

public sealed class JobsTests(JobsServer server) : IClassFixture<JobsServer>
{
    private readonly ServerFactory _factory = server.Factory;

    private static readonly object HeadsUpFlop = new
    {
        players = new object[] { new { hand = "AsKsQhJh" }, new { hand = "7c8c9d6d" } },
        boards = new[] { "2c3d4h" },
    };

    /// <summary>Range against range, 2 billion trials: minutes of work, so it is still running when cancelled.</summary>
    private static readonly object Endless = new
    {
        players = new object[] { new { range = "AA**" }, new { range = "KK**" } },
        mode = "montecarlo",
        trials = 2_000_000_000,
    };

    public static async Task<JsonObject> SubmitAsync(HttpClient client, object input, string type = "equity")
    {
        var response = await client.PostAsJsonAsync("/api/jobs", new { type, input });
        var job = (await response.JsonAsync(HttpStatusCode.Accepted)).AsObject();
        Assert.Equal($"/api/jobs/{job["id"]}", response.Headers.Location?.ToString());
        return job;
    }

    public static Task<JsonObject> WaitForAsync(HttpClient client, string id, Func<string, bool> status, int seconds = 20) =>
        Http.EventuallyAsync(async () => (await (await client.GetAsync($"/api/jobs/{id}")).JsonAsync(HttpStatusCode.OK)).AsObject(),
            job => status((string)job["status"]!), TimeSpan.FromSeconds(seconds), $"job {id}");

    [Fact]
    public async Task An_equity_job_runs_and_stores_the_engines_result()
    {
        var (client, _) = await _factory.SignUpAsync();
        var job = await SubmitAsync(client, HeadsUpFlop);
        Assert.Equal("queued", (string?)job["status"]);
        var done = await WaitForAsync(client, (string)job["id"]!, s => s is "succeeded" or "failed" or "cancelled");
        Assert.Equal("succeeded", (string?)done["status"]);
        Assert.Equal(1.0, (double)done["progress"]!);
        Assert.Equal(1, (int)done["attempts"]!);

        Assert.True(EquityProblem.TryCreate(new EquityInput
        {
            Players = [new PlayerInput { Hand = "AsKsQhJh" }, new PlayerInput { Hand = "7c8c9d6d" }],
            Boards = ["2c3d4h"],
        }, out var problem, out _));
        var expected = EquityCalculator.Calculate(problem);
        var result = done["result"]!.AsObject();
        Assert.Equal(expected.Deals, (long)result["deals"]!);
        Assert.Equal(expected.Players[0].Equity, (double)result["players"]![0]!["equity"]!);

        var list = (await (await client.GetAsync("/api/jobs")).JsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.Contains(list["items"]!.AsArray(), j => (string?)j!["id"] == (string?)job["id"]);
    }

    [Fact]
    public async Task Events_stream_progress_and_end_with_the_finished_job()
    {
        var (client, _) = await _factory.SignUpAsync();
        var job = await SubmitAsync(client, new { players = new object[] { new { hand = "AsKsQhJh" }, new { hand = "7c8c9d6d" } }, mode = "montecarlo", trials = 3_000_000 });
        using var response = await client.GetAsync($"/api/jobs/{job["id"]}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var events = new List<(string Event, JsonObject Data)>();
        string? name = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add((name!, JsonNode.Parse(line[6..])!.AsObject()));
            }
        }
        Assert.NotEmpty(events);
        Assert.All(events.SkipLast(1), e => Assert.Equal("progress", e.Event));
        var (last, data) = events[^1];
        Assert.Equal("done", last);
        Assert.Equal("succeeded", (string?)data["status"]);
        Assert.Equal(3_000_000, (long)data["result"]!["deals"]!);
    }

    [Fact]
    public async Task A_queued_job_is_cancelled_at_once_and_a_running_one_stops_mid_run()
    {
        var (client, _) = await _factory.SignUpAsync();
        var running = await SubmitAsync(client, Endless);
        var runningId = (string)running["id"]!;
        await WaitForAsync(client, runningId, s => s == "running");
        // The only worker is busy, so this one waits in the queue.
        var queued = await SubmitAsync(client, HeadsUpFlop);
        var cancelledQueued = (await (await client.PostAsync($"/api/jobs/{queued["id"]}/cancel", null)).JsonAsync(HttpStatusCode.Accepted)).AsObject();
        Assert.Equal("cancelled", (string?)cancelledQueued["status"]);

        var flagged = (await (await client.PostAsync($"/api/jobs/{runningId}/cancel", null)).JsonAsync(HttpStatusCode.Accepted)).AsObject();
        Assert.True((bool)flagged["cancelRequested"]!);
        var stopped = await WaitForAsync(client, runningId, s => s != "running", seconds: 5);
        Assert.Equal("cancelled", (string?)stopped["status"]);
        Assert.True((double)stopped["progress"]! < 1);

        var neverRan = (await (await client.GetAsync($"/api/jobs/{queued["id"]}")).JsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.Equal(0, (int)neverRan["attempts"]!);
        await (await client.PostAsync($"/api/jobs/{runningId}/cancel", null)).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_job_whose_worker_died_is_run_again_by_another_worker()
    {
        var (client, _) = await _factory.SignUpAsync();
        var userId = (string)(await (await client.GetAsync("/api/me")).JsonAsync(HttpStatusCode.OK))["id"]!;
        var id = Guid.NewGuid();
        // A job claimed by a worker that has since died: running, its lease expired a minute ago.
        var input = JsonSerializer.Serialize(HeadsUpFlop).Replace("'", "''", StringComparison.Ordinal);
        await server.Database.ExecuteAsync($"""
            INSERT INTO jobs (id, user_id, type, status, input, progress, cancel_requested, worker_id, lease_expires_at, attempts, created_at, updated_at, started_at)
            VALUES ('{id}', '{userId}', 'equity', 'running', '{input}', 0.4, false, 'dead-host:1:0', now() - interval '1 minute', 1,
                    now() - interval '2 minutes', now() - interval '1 minute', now() - interval '2 minutes')
            """);
        var done = await WaitForAsync(client, id.ToString(), s => s is "succeeded" or "failed");
        Assert.Equal("succeeded", (string?)done["status"]);
        Assert.Equal(2, (int)done["attempts"]!);
        Assert.NotEqual("dead-host:1:0", (string?)await server.Database.ScalarAsync($"SELECT worker_id FROM jobs WHERE id = '{id}'"));
    }

    [Fact]
    public async Task A_job_that_cannot_be_computed_stores_the_error()
    {
        var (client, _) = await _factory.SignUpAsync();
        var job = await SubmitAsync(client, new { players = new object[] { new { range = "AA**" }, new { range = "KK**" } }, mode = "exact" });
        var done = await WaitForAsync(client, (string)job["id"]!, s => s is "succeeded" or "failed");
        Assert.Equal("failed", (string?)done["status"]);
        Assert.StartsWith("mode:", (string?)done["error"], StringComparison.Ordinal);
        Assert.Null(done["result"]);
    }

    [Fact]
    public async Task Bad_job_requests_name_the_field()
    {
        var (client, _) = await _factory.SignUpAsync();
        var unknownType = await client.PostAsJsonAsync("/api/jobs", new { type = "paint", input = new { } });
        Assert.Contains("equity", (await unknownType.ProblemAsync(HttpStatusCode.BadRequest)).Errors("type")[0], StringComparison.Ordinal);
        var noInput = await client.PostAsJsonAsync("/api/jobs", new { type = "equity" });
        Assert.Equal(["is required"], (await noInput.ProblemAsync(HttpStatusCode.BadRequest)).Errors("input"));
        var badCards = await client.PostAsJsonAsync("/api/jobs", new { type = "equity", input = new { players = new object[] { new { hand = "AsKsQhJh" }, new { hand = "AsKd2c3c" } } } });
        (await badCards.ProblemAsync(HttpStatusCode.BadRequest)).Errors("input.players[1].hand");
        var tooMany = await client.PostAsJsonAsync("/api/jobs", new { type = "equity", input = new { players = new object[] { new { hand = "AsKsQhJh" }, new { hand = "7c8c9d6d" } }, trials = 50_000_000_000L } });
        (await tooMany.ProblemAsync(HttpStatusCode.BadRequest)).Errors("input.trials");
        var wrongType = await client.PostRawAsync("/api/jobs", """{"type": "equity", "input": {"players": 3}}""");
        (await wrongType.ProblemAsync(HttpStatusCode.BadRequest)).Errors("input");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.Client().PostAsJsonAsync("/api/jobs", new { type = "equity", input = HeadsUpFlop })).StatusCode);
    }

    [Fact]
    public async Task Nobody_else_can_see_cancel_or_follow_a_job()
    {
        var (owner, _) = await _factory.SignUpAsync();
        var (stranger, _) = await _factory.SignUpAsync();
        var id = (string)(await SubmitAsync(owner, HeadsUpFlop))["id"]!;
        await (await stranger.GetAsync($"/api/jobs/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsync($"/api/jobs/{id}/cancel", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/jobs/{id}/events")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (int)(await (await stranger.GetAsync("/api/jobs")).JsonAsync(HttpStatusCode.OK))["total"]!);
        await (await owner.GetAsync($"/api/jobs/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await WaitForAsync(owner, id, s => s == "succeeded");
    }
}
