using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PloSolver.Engine;
using PloSolver.Server.Equity;
using PloSolver.Server.Tests.Infrastructure;

namespace PloSolver.Server.Tests.Equity;

public sealed class EquityServer : SqliteServer
{
    protected override void Configure(Dictionary<string, string> settings) => settings["MAX_REQUEST_BODY_BYTES"] = "65536";
}

public sealed class EquityApiTests(EquityServer server) : IClassFixture<EquityServer>
{
    private readonly ServerFactory _factory = server.Factory;

    private static readonly object HeadsUpFlop = new
    {
        game = "plo4",
        players = new object[] { new { hand = "AsKsQhJh" }, new { hand = "7c8c9d6d" } },
        boards = new[] { "2c3d4h" },
    };

    [Fact]
    public async Task Equity_answers_with_the_engines_exact_result()
    {
        var response = await _factory.Client().PostAsJsonAsync("/api/equity", HeadsUpFlop);
        var body = (await response.JsonAsync(HttpStatusCode.OK)).AsObject();

        Assert.True(EquityProblem.TryCreate(new EquityInput
        {
            Players = [new PlayerInput { Hand = "AsKsQhJh" }, new PlayerInput { Hand = "7c8c9d6d" }],
            Boards = ["2c3d4h"],
        }, out var problem, out _));
        var expected = JsonNode.Parse(JsonSerializer.Serialize(EquityCalculator.Calculate(problem), new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        }))!.AsObject();
        body.Remove("elapsedMs");
        expected.Remove("elapsedMs");
        Assert.Equal(expected.ToJsonString(), body.ToJsonString());
        Assert.True((bool)body["exact"]!);
        Assert.Equal(820, (long)body["deals"]!);
        var equities = body["players"]!.AsArray().Select(p => (double)p!["equity"]!).ToArray();
        Assert.Equal(100, equities.Sum(), 9);
        Assert.False(body["players"]![0]!.AsObject().ContainsKey("stdErr")); // nulls are left out, as in the CLI
    }

    [Fact]
    public async Task A_range_comes_back_as_written_in_the_raw_answer()
    {
        // The answer has its own writer; it must escape like every other answer (no TT\u002B for TT+).
        var response = await _factory.Client().PostAsJsonAsync("/api/equity",
            new { players = new object[] { new { range = "TT+" }, new { hand = "7c8c9d6d" } }, boards = new[] { "2c3d4h5s6s" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("\"input\":\"TT+\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monte_Carlo_with_a_seed_is_repeatable_and_reports_a_standard_error()
    {
        var request = new { players = new object[] { new { hand = "AsAhKsKh" }, new { range = "QQ**" } }, mode = "montecarlo", trials = 50_000, seed = 7 };
        var first = (await (await _factory.Client().PostAsJsonAsync("/api/equity", request)).JsonAsync(HttpStatusCode.OK)).AsObject();
        var second = (await (await _factory.Client().PostAsJsonAsync("/api/equity", request)).JsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.False((bool)first["exact"]!);
        Assert.Equal((double)first["players"]![0]!["equity"]!, (double)second["players"]![0]!["equity"]!);
        Assert.InRange((double)first["players"]![0]!["stdErr"]!, 0.01, 1);
    }

    [Fact]
    public async Task Bad_cards_are_a_400_keyed_by_the_field_the_engine_names()
    {
        var client = _factory.Client();
        var duplicate = await client.PostAsJsonAsync("/api/equity", new
        {
            players = new object[] { new { hand = "AsKsQhJh" }, new { hand = "AsKd2c3c" } },
            boards = new[] { "2c7d8h" },
        });
        var problem = await duplicate.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("As is also in players[0].hand", problem.Errors("players[1].hand"));
        Assert.Contains("2c is also in players[1].hand", problem.Errors("boards[0]"));

        var unparsable = await client.PostAsJsonAsync("/api/equity", new { players = new object[] { new { hand = "AsKsQhXx" }, new { hand = "7c8c9d6d" } } });
        Assert.Contains("position 7", (await unparsable.ProblemAsync(HttpStatusCode.BadRequest)).Errors("players[0].hand")[0], StringComparison.Ordinal);

        var badRange = await client.PostAsJsonAsync("/api/equity", new { players = new object[] { new { hand = "AsKsQhJh" }, new { range = "(AA" } } });
        Assert.StartsWith("position", (await badRange.ProblemAsync(HttpStatusCode.BadRequest)).Errors("players[1].range")[0], StringComparison.Ordinal);

        var onePlayer = await client.PostAsJsonAsync("/api/equity", new { players = new object[] { new { hand = "AsKsQhJh" } }, game = "plo9" });
        problem = await onePlayer.ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors("players");
        problem.Errors("game");
    }

    [Theory]
    [InlineData("""{"players": [{"hand": "AsKsQhJh"}, {"hand": "7c8c9d6d"}], "trials": "many"}""", "trials")]
    [InlineData("""{"players": [{"hand": "AsKsQhJh"}, {"hand": 7}]}""", "players[1].hand")]
    [InlineData("""{"players": {"hand": "AsKsQhJh"}}""", "players")]
    [InlineData("""{"players": [{"hand": "AsKsQhJh"}, {"hand": "7c8c9d6d"}], "hiLo": "yes"}""", "hiLo")]
    [InlineData("""{"players": [{"hand": "AsKsQhJh"}, {"hand": "7c8c9d6d"}], "boards": "2c3d4h"}""", "boards")]
    [InlineData("""{"players": [{"hand": "AsKsQhJh"}, {"hand": "7c8c9d6d"}""", "players")]
    [InlineData("""not json""", "body")]
    [InlineData("""[1, 2]""", "body")]
    public async Task Malformed_or_mistyped_JSON_is_a_400_naming_the_field(string body, string field)
    {
        var response = await _factory.Client().PostRawAsync("/api/equity", body);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.Any(e => e.Key == field || e.Key.StartsWith(field, StringComparison.Ordinal)), $"expected an error for {field}: {problem.ToJsonString()}");
    }

    [Fact]
    public async Task A_missing_body_or_a_wrong_content_type_is_a_problem_not_a_crash()
    {
        var client = _factory.Client();
        var empty = await client.PostAsync("/api/equity", new StringContent("", System.Text.Encoding.UTF8, "application/json"));
        (await empty.ProblemAsync(HttpStatusCode.BadRequest)).Errors("body");
        var text = await client.PostRawAsync("/api/equity", "AsKsQhJh vs 7c8c9d6d", "text/plain");
        await text.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_problem()
    {
        var huge = "{\"players\": [{\"hand\": \"" + new string(' ', 70_000) + "AsKsQhJh\"}, {\"hand\": \"7c8c9d6d\"}]}";
        var response = await _factory.Client().PostRawAsync("/api/equity", huge);
        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Anonymous_callers_get_smaller_limits_than_signed_in_users()
    {
        var request = new { players = new object[] { new { hand = "AsKsQhJh" }, new { hand = "7c8c9d6d" } }, trials = 5_000_000, seed = 1 };
        var anonymous = await _factory.Client().PostAsJsonAsync("/api/equity", request);
        var problem = await anonymous.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("anonymous", problem.Errors("trials")[0], StringComparison.Ordinal);

        var (user, _) = await _factory.SignUpAsync();
        var signedIn = await user.PostAsJsonAsync("/api/equity", new { players = new object[] { new { hand = "AsKsQhJh" }, new { hand = "7c8c9d6d" } }, trials = 3_000_000, seed = 1 });
        Assert.Equal(3_000_000, (long)(await signedIn.JsonAsync(HttpStatusCode.OK))["deals"]!);

        var tooLong = await user.PostAsJsonAsync("/api/equity", new { players = new object[] { new { hand = "AsKsQhJh" }, new { hand = "7c8c9d6d" } }, timeLimitMs = 600_000 });
        (await tooLong.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Errors("timeLimitMs");
    }

    [Fact]
    public async Task Exact_enumeration_over_the_budget_is_a_422_naming_mode()
    {
        var response = await _factory.Client().PostAsJsonAsync("/api/equity", new
        {
            players = new object[] { new { range = "AA**" }, new { range = "KK**" } },
            mode = "exact",
        });
        Assert.Contains("budget", (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Errors("mode")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_describes_an_Omaha_hand_and_names_bad_fields()
    {
        var client = _factory.Client();
        var flush = (await (await client.PostAsJsonAsync("/api/hands/evaluate", new { game = "plo4", hand = "AsKsQhJh", board = "2s3sTs9h8d" }))
            .JsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.Equal("Flush", (string?)flush["category"]);
        Assert.Equal("Flush, ace high", (string?)flush["description"]);
        Assert.Equal(["As", "Ks", "Ts", "3s", "2s"], flush["bestFive"]!.AsArray().Select(c => (string)c!).ToArray());

        var hiLo = (await (await client.PostAsJsonAsync("/api/hands/evaluate", new { hand = "As2sKh3h", board = "4c5d8sKdQc", hiLo = true }))
            .JsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.True((int)hiLo["low"]!["rank"]! > 0);

        var clash = await client.PostAsJsonAsync("/api/hands/evaluate", new { hand = "AsKsQhJh", board = "As3sTs" });
        Assert.Contains("As is also in the hand", (await clash.ProblemAsync(HttpStatusCode.BadRequest)).Errors("board"));
        var missing = await client.PostAsJsonAsync("/api/hands/evaluate", new { board = "2s3sTs" });
        Assert.Equal(["is required"], (await missing.ProblemAsync(HttpStatusCode.BadRequest)).Errors("hand"));
        var shortBoard = await client.PostAsJsonAsync("/api/hands/evaluate", new { hand = "AsKsQhJh", board = "2s3s" });
        (await shortBoard.ProblemAsync(HttpStatusCode.BadRequest)).Errors("board");
    }

    [Fact]
    public async Task Range_parsing_counts_hands_and_points_at_the_error()
    {
        var client = _factory.Client();
        var aces = (await (await client.PostAsJsonAsync("/api/ranges/parse", new { game = "plo4", range = "AA**" })).JsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.Equal(RangeParser.Parse("AA**", Game.Plo4).Combos, (long)aces["combos"]!);
        Assert.Equal(12, aces["sample"]!.AsArray().Count);

        Assert.Null(aces["categories"]); // no board, no categories

        var withBoard = (await (await client.PostAsJsonAsync("/api/ranges/parse", new { range = "AA**", board = "AsKd2c" })).JsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.True((long)withBoard["combos"]! < (long)aces["combos"]!);
        // On a flop the range splits into hand categories: made classes sum to the whole range, as the engine counts.
        var categories = withBoard["categories"]!.AsArray();
        var expected = RangeBreakdown.Count(RangeParser.Parse("AA**", Game.Plo4, Card.ToMask(CardParser.Parse("AsKd2c"))), CardParser.Parse("AsKd2c"));
        Assert.Equal(expected.Select(c => c.Name), categories.Select(c => (string)c!["name"]!));
        Assert.Equal((double)(long)withBoard["combos"]!, categories.Where(c => (string)c!["kind"]! == "made").Sum(c => (double)c!["combos"]!), 6);
        Assert.Contains(categories, c => (string)c!["name"]! == "set"); // two aces with the ace on board

        var bad = await client.PostAsJsonAsync("/api/ranges/parse", new { range = "(AA" });
        var problem = await bad.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(4, (int)problem["position"]!);
        Assert.StartsWith("position 4:", problem.Errors("range")[0], StringComparison.Ordinal);
        (await (await client.PostAsJsonAsync("/api/ranges/parse", new { game = "plo4" })).ProblemAsync(HttpStatusCode.BadRequest)).Errors("range");
    }
}

public sealed class NarrowGateServer : SqliteServer
{
    protected override void Configure(Dictionary<string, string> settings)
    {
        settings["EQUITY_CONCURRENCY"] = "1";
        settings["EQUITY_QUEUE"] = "0";
    }
}

/// <summary>One compute slot and no queue: shows that a request that went away frees its slot at once, that a
/// full server refuses (503 + Retry-After) instead of piling up work, job submissions included, and that work too
/// small to bound (known hands on a flop) is answered even then.</summary>
public sealed class ComputeGateTests(NarrowGateServer server) : IClassFixture<NarrowGateServer>
{
    // Range against range by Monte Carlo: about 4 M trials/s on one core, so 20 M trials take seconds.
    private static object Heavy => new
    {
        players = new object[] { new { range = "AA**" }, new { range = "KK**" } },
        mode = "montecarlo",
        trials = 20_000_000,
    };

    [Fact]
    public async Task A_busy_server_answers_503_and_a_client_that_leaves_frees_its_slot()
    {
        var (user, _) = await server.Factory.SignUpAsync();
        using var leave = new CancellationTokenSource();
        var heavy = user.PostAsJsonAsync("/api/equity", Heavy, leave.Token);
        // A preflop enumeration (a millisecond or two) needs a slot; known hands on a flop are too small to queue.
        var small = new { players = new object[] { new { hand = "AsKsQhJh" }, new { hand = "7c8c9d6d" } } };
        var instant = new { players = new object[] { new { hand = "AsKsQhJh" }, new { hand = "7c8c9d6d" } }, boards = new[] { "2c3d4h" } };
        // Probing with requests that need the slot could take it just as the heavy one arrives, and the metrics are
        // shared by every server in this process: ask this server's gate.
        var gate = server.Factory.Services.GetRequiredService<ComputeGate>();
        await Http.EventuallyAsync(() => Task.FromResult(gate.InUse), inUse => inUse == 1, TimeSpan.FromSeconds(10), "the heavy request to take the only slot");
        var busy = await server.Factory.Client().PostAsJsonAsync("/api/equity", small);
        await busy.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(busy.Headers.RetryAfter);
        // Checking a job's input (for a solve, building its tree) is compute work too.
        var job = await user.PostAsJsonAsync("/api/jobs", new { type = "equity", input = small });
        await job.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(job.Headers.RetryAfter);
        var flop = await server.Factory.Client().PostAsJsonAsync("/api/equity", instant);
        Assert.Equal(HttpStatusCode.OK, flop.StatusCode);
        Assert.Equal(820, (await flop.Content.ReadFromJsonAsync<JsonObject>())!["deals"]!.GetValue<long>());
        Assert.False(heavy.IsCompleted);

        await leave.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => heavy);
        // The heavy request had seconds of work left; its slot must be free long before that.
        var started = DateTime.UtcNow;
        var response = await Http.EventuallyAsync(
            () => server.Factory.Client().PostAsJsonAsync("/api/equity", small),
            r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(2), "the slot to be freed");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
