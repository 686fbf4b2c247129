using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using PloSolver.Engine;

namespace PloSolver.Server.Infrastructure;

/// <summary>
/// Compile-time JSON for the busiest endpoint's answer (<c>POST /api/equity</c>), same settings as the HTTP
/// defaults. Its generated writer puts the whole answer out in one method instead of a converter call per property,
/// a measurable share of a request that computes for only tens of microseconds. Requests stay with the
/// reflection resolver: generated readers set every init-only property, so a field left out would lose its default
/// (<c>game</c> would become null instead of plo4).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EquityResult))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;

/// <summary>
/// A 200 JSON answer written by a generated writer (<see cref="ServerJsonContext"/>) with the escaping of the HTTP
/// defaults. Through the serializer the generated writer is never used here: ASP.NET Core's JSON options hold
/// OpenAPI's and ProblemDetails' generated contexts, whose settings differ, and a custom encoder rules it out as
/// well; writing to a <see cref="Utf8JsonWriter"/> of our own keeps both the speed and the relaxed escaping
/// (a range such as <c>TT+</c> comes back as written, not as <c>TT\u002B</c>).
/// </summary>
internal sealed class GeneratedJsonResult<T>(T value, JsonTypeInfo<T> typeInfo) : IResult
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // as ASP.NET Core's JSON defaults
        SkipValidation = true,
    };

    private readonly Action<Utf8JsonWriter, T> _write = typeInfo.SerializeHandler
        ?? throw new ArgumentException($"{typeInfo.Type} has no generated writer", nameof(typeInfo));

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        // Into the response's pipe; Kestrel sends it when the request completes.
        using var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions);
        _write(writer, value);
        writer.Flush();
        return Task.CompletedTask;
    }
}
