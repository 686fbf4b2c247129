using System.Net;
using PloSolver.Server.Tests.Infrastructure;

namespace PloSolver.Server.Tests.Web;

/// <summary>A server with a built web app: a stand-in index.html and one hashed asset in a temp WEB_ROOT.</summary>
public sealed class WebAppServer : SqliteServer
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "plosolver-web-" + Guid.NewGuid().ToString("N"));

    protected override void Configure(Dictionary<string, string> settings)
    {
        Directory.CreateDirectory(Path.Combine(Root, "assets"));
        File.WriteAllText(Path.Combine(Root, "index.html"), "<!doctype html><title>PLOSolver</title><div id=root></div>");
        File.WriteAllText(Path.Combine(Root, "assets", "index-3f9a1c.js"), "console.log('app')");
        settings["WEB_ROOT"] = Root;
    }
}

/// <summary>The server serves the built web app from the API's origin.</summary>
public sealed class WebAppHostingTests(WebAppServer server) : IClassFixture<WebAppServer>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/spots")]
    [InlineData("/shared/AbCdEf123")]
    public async Task Pages_of_the_app_get_index_html_uncached_under_the_app_s_policy(string path)
    {
        var response = await server.Factory.Client().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<div id=root>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year()
    {
        var response = await server.Factory.Client().GetAsync("/assets/index-3f9a1c.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("console.log('app')", await response.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/health/nothing")]
    public async Task Unknown_api_paths_stay_problem_details_404s(string path)
    {
        var response = await server.Factory.Client().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_api_keeps_answering_beside_the_app()
    {
        var response = await server.Factory.Client().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
