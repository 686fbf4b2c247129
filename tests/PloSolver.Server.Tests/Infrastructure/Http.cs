using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace PloSolver.Server.Tests.Infrastructure;

/// <summary>Small helpers for reading answers.</summary>
public static class Http
{
    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body.Length == 0 ? "null" : body) ?? new JsonObject();
    }

    /// <summary>Asserts a ProblemDetails answer with the status, and returns it.</summary>
    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.JsonAsync(expected)).AsObject();
        Assert.Equal((int)expected, (int)problem["status"]!);
        return problem;
    }

    /// <summary>The messages for one field of a ProblemDetails <c>errors</c> map.</summary>
    public static string[] Errors(this JsonObject problem, string field)
    {
        var errors = problem["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field), $"no error for '{field}' in {problem.ToJsonString()}");
        return [.. errors![field]!.AsArray().Select(e => (string)e!)];
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string body, string contentType = "application/json") =>
        client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) => client.PostAsJsonAsync(path, body);

    /// <summary>Polls until the condition holds or the time is up.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}; last: {value}");
            await Task.Delay(50);
        }
    }
}
