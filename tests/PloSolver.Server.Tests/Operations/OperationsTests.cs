using System.Net;
using System.Net.Http.Json;
using PloSolver.Server.Tests.Infrastructure;

namespace PloSolver.Server.Tests.Operations;

public sealed class OperationsServer : SqliteServer
{
    protected override void Configure(Dictionary<string, string> settings) => settings["CORS_ORIGINS"] = "https://app.example.test";
}

public sealed class OperationsTests(OperationsServer server) : IClassFixture<OperationsServer>
{
    [Fact]
    public async Task Metrics_expose_http_equity_job_and_database_figures_in_Prometheus_format()
    {
        var client = server.Factory.Client();
        await client.PostAsJsonAsync("/api/equity", new { players = new object[] { new { hand = "AsKsQhJh" }, new { hand = "7c8c9d6d" } }, boards = new[] { "2c3d4h" } });
        await client.GetAsync("/health");
        // Malformed JSON fails inside the pipeline and the exception handler answers 400: counted as the 400 it is.
        await client.PostAsync("/api/equity", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var metric in new[]
        {
            "http_requests_received_total{code=\"200\",method=\"POST\",endpoint=\"/api/equity\"}",
            "http_requests_received_total{code=\"400\",method=\"POST\",endpoint=\"/api/equity\"}",
            "http_request_duration_seconds_bucket{code=\"200\",method=\"POST\",endpoint=\"/api/equity\",le=",
            "plosolver_equity_requests_total{outcome=\"ok\",method=\"exact\"}",
            "plosolver_equity_seconds_bucket", "plosolver_jobs_running", "plosolver_db_command_seconds_bucket", "plosolver_db_up 1",
        })
        {
            Assert.Contains(metric, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        var response = await server.Factory.Client().GetAsync("/health/live");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var problem = await server.Factory.Client().GetAsync("/api/nothing-here");
        await problem.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("nosniff", problem.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task CORS_admits_the_configured_origin_only()
    {
        var client = server.Factory.Client();
        using var allowed = new HttpRequestMessage(HttpMethod.Options, "/api/equity");
        allowed.Headers.Add("Origin", "https://app.example.test");
        allowed.Headers.Add("Access-Control-Request-Method", "POST");
        var answer = await client.SendAsync(allowed);
        Assert.Equal("https://app.example.test", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("true", answer.Headers.GetValues("Access-Control-Allow-Credentials").Single());

        using var other = new HttpRequestMessage(HttpMethod.Options, "/api/equity");
        other.Headers.Add("Origin", "https://evil.example.test");
        other.Headers.Add("Access-Control-Request-Method", "POST");
        Assert.False((await client.SendAsync(other)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_endpoints_and_the_reference_UI_is_served_without_a_CDN()
    {
        var client = server.Factory.Client();
        var document = (await (await client.GetAsync("/api/openapi.json")).JsonAsync(HttpStatusCode.OK)).AsObject();
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var path in new[] { "/api/equity", "/api/hands/evaluate", "/api/ranges/parse", "/api/auth/login", "/api/spots/{id}", "/api/jobs/{id}/events", "/health" })
        {
            Assert.Contains(path, paths);
        }
        Assert.Equal("bearer", (string?)document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]);
        Assert.NotNull(document["paths"]!["/api/spots/{id}"]!["get"]!["security"]);
        Assert.Null(document["paths"]!["/api/equity"]!["post"]!["security"]);
        // The equity answer is written with its own JSON context; the document must still describe it.
        Assert.Equal("#/components/schemas/EquityResult",
            (string?)document["paths"]!["/api/equity"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]);

        var page = await client.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("\"url\":\"api/openapi.json\"", html, StringComparison.Ordinal); // resolved against the site root
        Assert.DoesNotContain("cdn.", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fonts.scalar.com", html, StringComparison.OrdinalIgnoreCase);
        var script = System.Text.RegularExpressions.Regex.Match(html, "<script[^>]+src=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(script.StartsWith("http", StringComparison.Ordinal), $"script from {script}");
        var bundle = await client.GetAsync(new Uri(new Uri("https://localhost/api/docs/"), script));
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.True((await bundle.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }
}

public sealed class RateLimitedServer : SqliteServer
{
    protected override void Configure(Dictionary<string, string> settings)
    {
        settings["RATE_LIMIT_AUTH_PER_MINUTE"] = "3";
        settings["RATE_LIMIT_COMPUTE_PER_MINUTE"] = "8";
    }
}

public sealed class RateLimitTests(RateLimitedServer server) : IClassFixture<RateLimitedServer>
{
    [Fact]
    public async Task Auth_endpoints_are_limited_per_client_with_429_and_Retry_After()
    {
        var client = server.Factory.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/auth/login", new { email = "x@example.test", password = "whatever1" })).StatusCode);
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses.Take(3));
        var limited = await client.PostAsJsonAsync("/api/auth/login", new { email = "x@example.test", password = "whatever1" });
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
    }

    [Fact]
    public async Task Anonymous_compute_is_limited_per_IP()
    {
        var client = server.Factory.Client();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5 && last?.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            last = await client.PostAsJsonAsync("/api/hands/evaluate", new { hand = "AsKsQhJh", board = "2s3sTs" });
        }
        // Anonymous callers get a quarter of the per-user budget: 2 here.
        Assert.NotNull(last);
        await last.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(last.Headers.RetryAfter);
    }
}
