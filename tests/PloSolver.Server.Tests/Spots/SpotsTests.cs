using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PloSolver.Server.Tests.Infrastructure;

namespace PloSolver.Server.Tests.Spots;

public sealed class SpotsServer : PostgresServer;

public sealed class SpotsTests(SpotsServer server) : IClassFixture<SpotsServer>
{
    private readonly ServerFactory _factory = server.Factory;

    private static object NewSpot(string name, params string[] tags) => new
    {
        name,
        tags,
        data = new { game = "plo4", players = new object[] { new { hand = "AsKsQhJh" }, new { range = "AA**:ds" } }, boards = new[] { "Qs7h2d" } },
    };

    private static async Task<JsonObject> CreateAsync(HttpClient client, string name, params string[] tags) =>
        (await (await client.PostAsJsonAsync("/api/spots", NewSpot(name, tags))).JsonAsync(HttpStatusCode.Created)).AsObject();

    [Fact]
    public async Task A_spot_is_created_read_updated_and_deleted_by_its_owner()
    {
        var (client, _) = await _factory.SignUpAsync();
        var created = await CreateAsync(client, "Aces vs set", "Flop", "srp");
        var id = (string)created["id"]!;
        Assert.Equal(["flop", "srp"], created["tags"]!.AsArray().Select(t => (string)t!).ToArray());
        Assert.Equal("AsKsQhJh", (string?)created["data"]!["players"]![0]!["hand"]);

        var read = (await (await client.GetAsync($"/api/spots/{id}")).JsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.Equal("Aces vs set", (string?)read["name"]);

        var updated = await client.PutAsJsonAsync($"/api/spots/{id}", new { name = "Renamed", tags = new[] { "turn" }, data = new { note = "changed" } });
        var body = (await updated.JsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.Equal("Renamed", (string?)body["name"]);
        Assert.Equal("changed", (string?)body["data"]!["note"]);
        Assert.Equal("changed", (string?)(await (await client.GetAsync($"/api/spots/{id}")).JsonAsync(HttpStatusCode.OK))["data"]!["note"]);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/spots/{id}")).StatusCode);
        await (await client.GetAsync($"/api/spots/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"/api/spots/{id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Nobody_else_can_read_change_delete_or_share_a_spot()
    {
        var (owner, _) = await _factory.SignUpAsync();
        var (stranger, _) = await _factory.SignUpAsync();
        var id = (string)(await CreateAsync(owner, "Mine"))["id"]!;

        await (await stranger.GetAsync($"/api/spots/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PutAsJsonAsync($"/api/spots/{id}", NewSpot("Stolen"))).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.DeleteAsync($"/api/spots/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsync($"/api/spots/{id}/share", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.DeleteAsync($"/api/spots/{id}/share")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (int)(await (await stranger.GetAsync("/api/spots")).JsonAsync(HttpStatusCode.OK))["total"]!);

        Assert.Equal("Mine", (string?)(await (await owner.GetAsync($"/api/spots/{id}")).JsonAsync(HttpStatusCode.OK))["name"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.Client().GetAsync($"/api/spots/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.Client().GetAsync("/api/spots")).StatusCode);
    }

    [Fact]
    public async Task The_list_is_paged_and_searchable_by_name_and_tag()
    {
        var (client, _) = await _factory.SignUpAsync();
        for (var i = 0; i < 7; i++)
        {
            await CreateAsync(client, $"Spot {i}", i % 2 == 0 ? "even" : "odd");
        }
        await CreateAsync(client, "Double board BOMB pot", "bomb");

        var page1 = (await (await client.GetAsync("/api/spots?page=1&pageSize=3")).JsonAsync(HttpStatusCode.OK)).AsObject();
        var page3 = (await (await client.GetAsync("/api/spots?page=3&pageSize=3")).JsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.Equal(8, (int)page1["total"]!);
        Assert.Equal(3, page1["items"]!.AsArray().Count);
        Assert.Equal(2, page3["items"]!.AsArray().Count);

        var byName = (await (await client.GetAsync("/api/spots?q=bomb")).JsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.Equal("Double board BOMB pot", (string?)Assert.Single(byName["items"]!.AsArray())!["name"]);
        var byTag = (await (await client.GetAsync("/api/spots?tag=EVEN")).JsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.Equal(4, (int)byTag["total"]!);
        var both = (await (await client.GetAsync("/api/spots?tag=odd&q=spot%203")).JsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.Equal("Spot 3", (string?)Assert.Single(both["items"]!.AsArray())!["name"]);

        var bad = await client.GetAsync("/api/spots?page=0&pageSize=1000");
        var problem = await bad.ProblemAsync(HttpStatusCode.BadRequest);
        problem.Errors("page");
        problem.Errors("pageSize");
        await (await client.GetAsync("/api/spots?page=abc")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_shared_spot_is_readable_by_anyone_with_the_slug_until_unshared()
    {
        var (owner, _) = await _factory.SignUpAsync();
        var id = (string)(await CreateAsync(owner, "Look at this", "share"))["id"]!;
        var share = (await (await owner.PostAsync($"/api/spots/{id}/share", null)).JsonAsync(HttpStatusCode.OK)).AsObject();
        var slug = (string)share["slug"]!;
        Assert.Equal(22, slug.Length);
        Assert.Equal(slug, (string?)(await (await owner.PostAsync($"/api/spots/{id}/share", null)).JsonAsync(HttpStatusCode.OK))["slug"]);

        var anonymous = _factory.Client();
        var shared = (await (await anonymous.GetAsync($"/api/shared/{slug}")).JsonAsync(HttpStatusCode.OK)).AsObject();
        Assert.Equal("Look at this", (string?)shared["name"]);
        Assert.False(shared.ContainsKey("id"));
        Assert.Equal("AsKsQhJh", (string?)shared["data"]!["players"]![0]!["hand"]);
        await (await anonymous.GetAsync($"/api/shared/{slug[..^1]}x")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/spots/{id}/share")).StatusCode);
        await (await anonymous.GetAsync($"/api/shared/{slug}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_spots_and_unknown_ids_are_problems_naming_the_field()
    {
        var (client, _) = await _factory.SignUpAsync();
        var bad = await client.PostAsJsonAsync("/api/spots", new { name = "", tags = new[] { "has space", "ok" }, data = "not an object" });
        var problem = await bad.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["is required"], problem.Errors("name"));
        problem.Errors("tags[0]");
        Assert.Equal(["must be a JSON object"], problem.Errors("data"));

        var missingData = await client.PostAsJsonAsync("/api/spots", new { name = "x" });
        Assert.Equal(["is required"], (await missingData.ProblemAsync(HttpStatusCode.BadRequest)).Errors("data"));
        var wrongType = await client.PostRawAsync("/api/spots", """{"name": "x", "tags": "flop", "data": {}}""");
        (await wrongType.ProblemAsync(HttpStatusCode.BadRequest)).Errors("tags");
        var malformed = await client.PostRawAsync("/api/spots", """{"name": "x", "data": {""");
        await malformed.ProblemAsync(HttpStatusCode.BadRequest);

        await (await client.GetAsync($"/api/spots/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PutAsJsonAsync($"/api/spots/{Guid.NewGuid()}", NewSpot("x"))).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/spots/not-a-guid")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
