using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using PloSolver.Server.Tests.Infrastructure;
using PloSolver.Server.Tests.Jobs;
using PloSolver.Solver;

namespace PloSolver.Server.Tests.Solving;

public sealed class SolveServer : PostgresServer
{
    protected override void Configure(Dictionary<string, string> settings)
    {
        settings["JOB_WORKERS"] = "1";
        settings["JOB_LEASE_SECONDS"] = "2";
        settings["JOB_HEARTBEAT_MS"] = "200";
        settings["JOB_POLL_MS"] = "50";
        settings["SOLVER_MAX_MEMORY_MB"] = "2048";
    }
}

/// <summary>Spots small enough to solve in well under a second, and one that runs until cancelled.</summary>
public static class SolveSpots
{
    /// <summary>Nuts or air against a bluff-catcher on the river: one bet size, no raise.</summary>
    public static object River(int maxIterations = 200) => new
    {
        board = "AsKsQd7c2h",
        pot = 100,
        effectiveStack = 400,
        oopRange = "JcTcJdTd,JhThJsTs,3c4c5c6c,3d4d5d6d,3h4h5h6h",
        ipRange = "AcAd9c9d,AhAd9h9d",
        river = new { bets = new[] { 0.5 }, maxRaises = 0 },
        targetExploitabilityPctPot = 0.05,
        maxIterations,
    };

    /// <summary>A small turn spot: checks through to a river card.</summary>
    public static object Turn(int maxIterations = 20, double target = 0.5) => new
    {
        board = "Ks7d2c9h",
        pot = 60,
        effectiveStack = 200,
        oopRange = "AAKK,AAQQ,T8T8@50",
        ipRange = "QQJJ,JJTT,9988",
        turn = new { bets = new[] { 0.5 }, raises = new[] { 1.0 }, maxRaises = 1 },
        river = new { bets = new[] { 0.75 }, raises = new[] { 1.0 }, maxRaises = 1, allIn = true },
        targetExploitabilityPctPot = target,
        maxIterations,
    };

    /// <summary>Wide turn ranges, a tiny target and a huge iteration cap: runs for minutes unless cancelled.</summary>
    public static object Endless => new
    {
        board = "Kh9s6d4c",
        pot = 100,
        effectiveStack = 300,
        oopRange = "KK:ds,99:ds,K9:ds,87T:ds",
        ipRange = "AKT:ds,T8:ds",
        turn = new { bets = new[] { 0.5, 1.0 }, raises = new[] { 1.0 }, maxRaises = 1 },
        river = new { bets = new[] { 0.5, 1.0 }, raises = new[] { 1.0 }, maxRaises = 1 },
        targetExploitabilityPctPot = 0.000001,
        maxIterations = 1_000_000,
    };
}

public sealed class SolveJobsTests(SolveServer server) : IClassFixture<SolveServer>
{
    private readonly ServerFactory _factory = server.Factory;

    public static async Task<JsonObject> SolveAsync(HttpClient client, object spot)
    {
        var job = await JobsTests.SubmitAsync(client, spot, "solve");
        var done = await JobsTests.WaitForAsync(client, (string)job["id"]!, s => s is "succeeded" or "failed" or "cancelled", seconds: 120);
        Assert.True((string?)done["status"] == "succeeded", done.ToJsonString());
        return done;
    }

    public static async Task<JsonObject> NodeAsync(HttpClient client, string id, string? path) =>
        (await (await client.GetAsync($"/api/jobs/{id}/result" + (path is null ? "" : "?node=" + Uri.EscapeDataString(path)))).JsonAsync(HttpStatusCode.OK)).AsObject();

    private async Task<SolveResult> StoredAsync(string id)
    {
        var data = (byte[])(await server.Database.ScalarAsync($"SELECT data FROM job_solutions WHERE job_id = '{id}'"))!;
        return SolveResult.Read(new MemoryStream(data));
    }

    /// <summary>The HTTP node is the library's report of the stored solution, field by field.</summary>
    private static void AssertSameNode(SolveResult stored, string path, JsonObject node)
    {
        var report = stored.Report(stored.ParsePath(path));
        Assert.Equal(path, (string?)node["path"]);
        Assert.Equal(report.Player, (string?)node["player"]);
        Assert.Equal(report.Board, (string?)node["board"]);
        Assert.Equal(report.Pot, (double)node["pot"]!);
        Assert.Equal(report.Combos, (double)node["combos"]!, 9);
        Assert.Equal(report.Ev, (double)node["ev"]!, 9);
        Assert.Equal(report.Equity, (double)node["equity"]!, 9);
        var actions = node["actions"]!.AsArray();
        Assert.Equal(report.Actions.Select(a => a.Action), actions.Select(a => (string)a!["action"]!));
        for (var a = 0; a < actions.Count; a++)
        {
            Assert.Equal(report.Actions[a].Frequency, (double)actions[a]!["frequency"]!, 9);
            Assert.Equal(report.Actions[a].Ev, (double)actions[a]!["ev"]!, 9);
        }
        var hands = node["hands"]!.AsArray();
        Assert.Equal(report.Hands.Count, hands.Count);
        for (var h = 0; h < hands.Count; h++)
        {
            Assert.Equal(report.Hands[h].Hand, (string?)hands[h]!["hand"]);
            Assert.Equal(report.Hands[h].Frequencies, hands[h]!["frequencies"]!.AsArray().Select(f => (double)f!));
            Assert.Equal(report.Hands[h].Ev, (double)hands[h]!["ev"]!, 9);
        }
        Assert.Equal(report.Categories.Select(c => c.Name), node["categories"]!.AsArray().Select(c => (string)c!["name"]!));
    }

    [Fact]
    public async Task A_river_solve_runs_stores_its_summary_and_serves_its_nodes_as_the_library_reports_them()
    {
        var (client, _) = await _factory.SignUpAsync();
        var done = await SolveAsync(client, SolveSpots.River());
        var id = (string)done["id"]!;
        Assert.Equal(1.0, (double)done["progress"]!);

        var result = done["result"]!.AsObject();
        Assert.True((int)result["iterations"]! > 0);
        Assert.True((double)result["exploitabilityPctPot"]! <= 0.05);
        Assert.Equal(100, (double)result["oopEv"]! + (double)result["ipEv"]!, 2);
        Assert.Equal(100, (double)result["pot"]!);
        Assert.Equal(400, (double)result["effectiveStack"]!);
        Assert.Equal("AsKsQd7c2h", (string?)result["board"]);
        var rootSummary = result["root"]!.AsObject();
        Assert.False(rootSummary.ContainsKey("hands"));
        Assert.Equal(["check", "bet 50"], rootSummary["actions"]!.AsArray().Select(a => (string)a!["action"]!));
        var solutionBytes = (long)result["solutionBytes"]!;
        Assert.Equal(solutionBytes, Convert.ToInt64(await server.Database.ScalarAsync($"SELECT length(data) FROM job_solutions WHERE job_id = '{id}'"),
            System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(SolveResult.FormatVersion, Convert.ToInt32(await server.Database.ScalarAsync($"SELECT format_version FROM job_solutions WHERE job_id = '{id}'"),
            System.Globalization.CultureInfo.InvariantCulture));

        // The detail keeps the measurements after the solve.
        var detail = done["detail"]!.AsObject();
        Assert.Equal((int)result["iterations"]!, (int)detail["iterations"]!);
        Assert.NotEmpty(detail["history"]!.AsArray());
        Assert.All(detail["history"]!.AsArray(), h => Assert.True((double)h!["exploitabilityPctPot"]! >= 0));

        var stored = await StoredAsync(id);
        var root = await NodeAsync(client, id, null);
        AssertSameNode(stored, "", root);
        Assert.Equal(root.ToJsonString(), (await NodeAsync(client, id, "")).ToJsonString());
        Assert.Equal([400.0, 400.0], root["stacks"]!.AsArray().Select(s => (double)s!));
        Assert.Empty(root["line"]!.AsArray());
        var bet = root["actions"]![1]!["child"]!.AsObject();
        Assert.Equal("decision", (string?)bet["kind"]);
        Assert.Equal("1", (string?)bet["path"]);
        Assert.Equal("decision", (string?)root["actions"]![0]!["child"]!["kind"]);

        var facingBet = await NodeAsync(client, id, "1");
        AssertSameNode(stored, "1", facingBet);
        Assert.Equal("ip", (string?)facingBet["player"]);
        Assert.Equal(["fold", "call"], facingBet["actions"]!.AsArray().Select(a => (string)a!["action"]!));
        Assert.Equal("""[{"player":"oop","action":"bet 50"}]""", facingBet["line"]!.ToJsonString());
        Assert.Equal([350.0, 400.0], facingBet["stacks"]!.AsArray().Select(s => (double)s!));
        Assert.Equal("terminal", (string?)facingBet["actions"]![0]!["child"]!["kind"]);
        Assert.Equal("1.0", (string?)facingBet["actions"]![0]!["child"]!["path"]);
    }

    [Fact]
    public async Task A_turn_solve_serves_a_node_after_a_river_card_and_names_the_bad_step_of_a_path()
    {
        var (client, _) = await _factory.SignUpAsync();
        var id = (string)(await SolveAsync(client, SolveSpots.Turn()))["id"]!;
        var stored = await StoredAsync(id);

        var check = await NodeAsync(client, id, "0");
        var toChance = check["actions"]![0]!["child"]!.AsObject();
        Assert.Equal("chance", (string?)toChance["kind"]);
        Assert.Equal("0.0", (string?)toChance["path"]);
        Assert.Equal(48, toChance["cards"]!.AsArray().Count);
        Assert.DoesNotContain("Ks", toChance["cards"]!.AsArray().Select(c => (string)c!));

        var river = await NodeAsync(client, id, "0.0.Qs");
        AssertSameNode(stored, "0.0.Qs", river);
        Assert.Equal("Ks7d2c9hQs", (string?)river["board"]);
        Assert.Equal("""[{"player":"oop","action":"check"},{"player":"ip","action":"check"},{"card":"Qs"}]""", river["line"]!.ToJsonString());
        Assert.Equal("0.0.Qs.1", (string?)river["actions"]![1]!["child"]!["path"]);
        AssertSameNode(stored, "0.0.Qs.1", await NodeAsync(client, id, "0.0.Qs.1"));

        async Task<string> BadPath(string path) =>
            (await (await client.GetAsync($"/api/jobs/{id}/result?node={Uri.EscapeDataString(path)}")).ProblemAsync(HttpStatusCode.UnprocessableEntity)).Errors("node")[0];
        Assert.Equal("step 1: the decision has 2 actions (0–1), not '5'", await BadPath("5"));
        Assert.Equal("step 3: card Ks cannot be dealt here (it is on the board)", await BadPath("0.0.Ks"));
        Assert.StartsWith("step 3: '1' is not a card", await BadPath("0.0.1"), StringComparison.Ordinal);
        Assert.StartsWith("the path ends at a chance node: add the card dealt, one of 2d, 2h, 2s", await BadPath("0.0"), StringComparison.Ordinal);
        Assert.StartsWith("the path ends where the hand ends", await BadPath("1.0"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_answers_are_compressed_for_clients_that_accept_it()
    {
        var (client, _) = await _factory.SignUpAsync();
        var id = (string)(await SolveAsync(client, SolveSpots.River()))["id"]!;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{id}/result");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
    }

    [Fact]
    public async Task A_long_solve_shows_its_progress_detail_and_stops_when_cancelled()
    {
        var (client, _) = await _factory.SignUpAsync();
        var id = (string)(await JobsTests.SubmitAsync(client, SolveSpots.Endless, "solve"))["id"]!;
        var running = await Http.EventuallyAsync(async () => (await (await client.GetAsync($"/api/jobs/{id}")).JsonAsync(HttpStatusCode.OK)).AsObject(),
            job => job["detail"]?["history"]?.AsArray().Count > 0, TimeSpan.FromSeconds(120), "a first exploitability measurement");
        Assert.Equal("running", (string?)running["status"]);
        var detail = running["detail"]!.AsObject();
        Assert.True((int)detail["iterations"]! >= 10);
        Assert.True((double)detail["exploitabilityPctPot"]! > 0);
        Assert.True((double)detail["elapsedMs"]! > 0);
        Assert.InRange((double)running["progress"]!, 0, 0.99);

        await (await client.PostAsync($"/api/jobs/{id}/cancel", null)).JsonAsync(HttpStatusCode.Accepted);
        var stopped = await JobsTests.WaitForAsync(client, id, s => s != "running", seconds: 5);
        Assert.Equal("cancelled", (string?)stopped["status"]);
        await (await client.GetAsync($"/api/jobs/{id}/result")).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("board", "AsKsXd", "input.board")]
    [InlineData("board", "AsKsAs7c2h", "input.board")]
    [InlineData("ipRange", "AsKsQdJd", "input.ipRange")]
    [InlineData("oopRange", "JT,,", "input.oopRange")]
    [InlineData("effectiveStack", -5, "input.effectiveStack")]
    [InlineData("maxIterations", 0, "input.maxIterations")]
    [InlineData("sizes", 1, "input.sizes")]
    [InlineData("river", "big", "input.river")]
    public async Task A_bad_spot_is_refused_with_the_field_named(string field, object value, string key)
    {
        var (client, _) = await _factory.SignUpAsync();
        var spot = JsonSerializer.SerializeToNode(SolveSpots.River())!.AsObject();
        spot[field] = JsonSerializer.SerializeToNode(value);
        var response = await client.PostAsJsonAsync("/api/jobs", new { type = "solve", input = spot });
        var errors = (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Errors(key);
        Assert.NotEmpty(errors[0]);
    }

    [Fact]
    public async Task Spots_that_cannot_be_solved_as_a_whole_are_refused_with_how_to_shrink_them()
    {
        var (client, _) = await _factory.SignUpAsync();
        async Task<string> Refusal(object spot) =>
            (await (await client.PostAsJsonAsync("/api/jobs", new { type = "solve", input = spot })).ProblemAsync(HttpStatusCode.UnprocessableEntity)).Errors("input")[0];

        var huge = new { bets = new[] { 0.25, 0.33, 0.5, 0.75, 1, 1.5 }, raises = new[] { 0.5, 1.0 }, maxRaises = 4, allIn = true };
        Assert.StartsWith("the tree has more than 5,000,000 nodes: use fewer bet and raise sizes",
            await Refusal(new { board = "Kh9s6d", pot = 100, effectiveStack = 10000, oopRange = "KK", ipRange = "99", flop = huge, turn = huge, river = huge }),
            StringComparison.Ordinal);
        // The server's limit (2,048 MB here) caps what the spot asks for.
        Assert.Contains("over the limit of 2,048 MB",
            await Refusal(new { board = "Kh9s6d", pot = 100, effectiveStack = 300, oopRange = "15%", ipRange = "15%", maxMemoryMb = 100_000,
                flop = new { bets = new[] { 0.5 }, maxRaises = 0 }, turn = new { bets = new[] { 0.5 }, maxRaises = 0 }, river = new { bets = new[] { 0.5 }, maxRaises = 0 } }),
            StringComparison.Ordinal);
        Assert.StartsWith("ranges: no pair of hands can meet",
            await Refusal(new { board = "AsKsQd7c2h", pot = 10, effectiveStack = 10, oopRange = "AcAdAhJc", ipRange = "AcAdAhJd" }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_else_can_see_a_solve_or_its_nodes_and_only_succeeded_solves_have_nodes()
    {
        var (owner, _) = await _factory.SignUpAsync();
        var (stranger, _) = await _factory.SignUpAsync();
        var id = (string)(await SolveAsync(owner, SolveSpots.River()))["id"]!;
        await (await stranger.GetAsync($"/api/jobs/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/jobs/{id}/result")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/jobs/{id}/result?node=1")).ProblemAsync(HttpStatusCode.NotFound);
        await (await owner.GetAsync($"/api/jobs/{Guid.NewGuid()}/result")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.Client().GetAsync($"/api/jobs/{id}/result")).StatusCode);

        var equity = await JobsTests.SubmitAsync(owner, new { players = new object[] { new { hand = "AsKsQhJh" }, new { hand = "7c8c9d6d" } }, boards = new[] { "2c3d4h" } });
        await JobsTests.WaitForAsync(owner, (string)equity["id"]!, s => s == "succeeded");
        var notSolve = await (await owner.GetAsync($"/api/jobs/{equity["id"]}/result")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Its type is equity; only solve jobs have nodes.", (string?)notSolve["detail"]);
    }

    [Fact]
    public async Task A_solve_whose_worker_died_is_run_again_and_its_nodes_are_served()
    {
        var (client, _) = await _factory.SignUpAsync();
        var userId = (string)(await (await client.GetAsync("/api/me")).JsonAsync(HttpStatusCode.OK))["id"]!;
        var id = Guid.NewGuid();
        await using (var connection = new NpgsqlConnection(PostgresDatabase.ToConnectionString(server.Database.Url)))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                INSERT INTO jobs (id, user_id, type, status, input, progress, detail, cancel_requested, worker_id, lease_expires_at, attempts, created_at, updated_at, started_at)
                VALUES (@id, @user, 'solve', 'running', @input, 0.3, '{"iterations":10}', false, 'dead-host:1:0', now() - interval '1 minute', 1,
                        now() - interval '2 minutes', now() - interval '1 minute', now() - interval '2 minutes')
                """, connection);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("user", Guid.Parse(userId));
            command.Parameters.AddWithValue("input", JsonSerializer.Serialize(SolveSpots.River()));
            await command.ExecuteNonQueryAsync();
        }
        var done = await JobsTests.WaitForAsync(client, id.ToString(), s => s is "succeeded" or "failed", seconds: 60);
        Assert.Equal("succeeded", (string?)done["status"]);
        Assert.Equal(2, (int)done["attempts"]!);
        Assert.Equal("oop", (string?)(await NodeAsync(client, id.ToString(), ""))["player"]);
    }

    [Fact]
    public async Task The_estimate_answers_anyone_with_the_tree_and_whether_it_fits()
    {
        var anonymous = _factory.Client();
        var estimate = (await (await anonymous.PostAsJsonAsync("/api/solver/estimate", SolveSpots.Turn())).JsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.True((bool)estimate["fits"]!);
        Assert.Null(estimate["message"]);
        Assert.True((int)estimate["decisionNodes"]! > 100);
        Assert.True((int)estimate["chanceNodes"]! > 0);
        Assert.Equal(48, (int)estimate["finalBoards"]!); // every river card off the board
        Assert.True((int)estimate["oopHands"]! > 0 && (int)estimate["ipHands"]! > 0);
        Assert.True((long)estimate["memoryBytes"]! > 0);
        Assert.Equal(2048L << 20, (long)estimate["maxMemoryBytes"]!);

        var spot = JsonSerializer.SerializeToNode(SolveSpots.Turn())!.AsObject();
        spot["maxMemoryMb"] = 1;
        var tooBig = (await (await anonymous.PostAsJsonAsync("/api/solver/estimate", spot)).JsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.False((bool)tooBig["fits"]!);
        Assert.Equal(1L << 20, (long)tooBig["maxMemoryBytes"]!);
        Assert.Contains("over the limit of 1 MB", (string?)tooBig["message"], StringComparison.Ordinal);

        spot["maxMemoryMb"] = 100;
        spot["board"] = "Ks7d";
        var badBoard = await (await anonymous.PostAsJsonAsync("/api/solver/estimate", spot)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("a spot starts on the flop, turn or river", badBoard.Errors("board")[0], StringComparison.Ordinal);
        spot["board"] = "Ks7d2c9h";
        spot["turn"] = JsonNode.Parse("""{"bets": [-1]}""");
        (await (await anonymous.PostAsJsonAsync("/api/solver/estimate", spot)).ProblemAsync(HttpStatusCode.UnprocessableEntity)).Errors("turn.bets");
        var notJson = await anonymous.PostRawAsync("/api/solver/estimate", "{ \"board\": ");
        Assert.StartsWith("malformed JSON", (await notJson.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Errors("spot")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_and_the_OpenAPI_document_include_the_solver()
    {
        var (client, _) = await _factory.SignUpAsync();
        await SolveAsync(client, SolveSpots.River(50));
        var metrics = await (await _factory.Client().GetAsync("/metrics")).Content.ReadAsStringAsync();
        foreach (var name in new[] { "plosolver_solves_started_total", "plosolver_solves_finished_total{outcome=\"succeeded\"}", "plosolver_solver_iterations_total",
            "plosolver_solve_seconds_bucket" })
        {
            Assert.Contains(name, metrics, StringComparison.Ordinal);
        }
        var openApi = (await (await _factory.Client().GetAsync("/api/openapi.json")).JsonAsync(HttpStatusCode.OK)).AsObject();
        var paths = openApi["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/jobs/{id}/result"));
        Assert.True(paths.ContainsKey("/api/solver/estimate"));
        var schemas = openApi["components"]!["schemas"]!.AsObject();
        foreach (var schema in new[] { "SolverNode", "SolverEstimate", "Spot", "JobDto" })
        {
            Assert.True(schemas.ContainsKey(schema), $"no schema {schema}");
        }
        Assert.True(schemas["JobDto"]!["properties"]!.AsObject().ContainsKey("detail"));
    }
}
