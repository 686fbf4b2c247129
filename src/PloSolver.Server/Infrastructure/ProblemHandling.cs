using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace PloSolver.Server.Infrastructure;

/// <summary>
/// Turns the exceptions that reach the pipeline into RFC 9457 ProblemDetails: unreadable JSON names the field
/// (400), an oversized body is 413, an unreachable database is 503 with Retry-After (the next request tries again,
/// so the server recovers by itself), anything else a plain 500 without internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody reads an answer.
            context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return true;
        }

        ProblemDetails problem;
        switch (exception)
        {
            case BadHttpRequestException { InnerException: JsonException json } bad:
                problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [FieldOf(json.Path)] = [Describe(json)] })
                {
                    Status = bad.StatusCode,
                    Title = "The request body is not valid JSON for this endpoint",
                };
                break;
            case JsonException json:
                problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [FieldOf(json.Path)] = [Describe(json)] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The request body is not valid JSON for this endpoint",
                };
                break;
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                problem = TooLarge(context);
                break;
            case BadHttpRequestException bad when bad.Message.Contains("no body was provided", StringComparison.Ordinal)
                || (bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) && bad.Message.Contains("from body", StringComparison.Ordinal)):
                problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = ["a JSON body is required"] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The request body is missing",
                };
                break;
            case BadHttpRequestException bad when BindFailure().Match(bad.Message) is { Success: true } bind:
                problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [bind.Groups[1].Value] = [$"'{bind.Groups[2].Value}' is not a valid value"] })
                {
                    Status = StatusCodes.Status400BadRequest,
                };
                break;
            case BadHttpRequestException bad:
                problem = new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message };
                break;
            case var e when IsDatabaseOutage(e):
                logger.LogWarning("Database unavailable: {Error}", exception.GetBaseException().Message);
                context.Response.Headers.RetryAfter = "5";
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "The database is unavailable",
                    Detail = "Try again in a few seconds.",
                };
                break;
            case HttpRequestException:
                // An outside service (Google's signing keys) could not be reached.
                logger.LogWarning("Upstream service unavailable: {Error}", exception.Message);
                context.Response.Headers.RetryAfter = "30";
                problem = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "An upstream service is unavailable" };
                break;
            default:
                logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
                problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred" };
                break;
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails TooLarge(HttpContext context) => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "The request body is too large",
        Detail = $"At most {context.RequestServices.GetRequiredService<ServerSettings>().MaxRequestBodyBytes} bytes.",
    };

    /// <summary>Whether the exception (or one it wraps) says the database could not be reached or answered.</summary>
    public static bool IsDatabaseOutage(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or TimeoutException or System.Net.Sockets.SocketException)
            {
                return true;
            }
            // EF's retry wrapper and "transient failure" errors wrap the provider's exception.
            if (e is InvalidOperationException && e.Message.Contains("transient failure", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary><c>$.players[0].hand</c> → <c>players[0].hand</c>; the whole body is <c>body</c>.</summary>
    private static string FieldOf(string? path)
    {
        var field = path is null ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "body" : field;
    }

    private static string Describe(JsonException json)
    {
        var match = ConvertedTo().Match(json.Message);
        if (!match.Success)
        {
            return "is not valid JSON";
        }
        var type = match.Groups[1].Value;
        string? expected = type switch
        {
            _ when type.StartsWith("System.Nullable`1[[System.Boolean", StringComparison.Ordinal) || type == "System.Boolean" => "true or false",
            _ when type.Contains("Int", StringComparison.Ordinal) => "a whole number",
            _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) => "a number",
            _ when type.Contains("Guid", StringComparison.Ordinal) => "an id",
            "System.String" => "a string",
            _ when type.Contains("List", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "an array",
            _ when type.Contains("JsonElement", StringComparison.Ordinal) => "a JSON value",
            _ => null, // a record type named for one of its members: the message does not say which type was wanted
        };
        return expected is null ? "has the wrong type" : $"must be {expected}";
    }

    [GeneratedRegex("""^Failed to bind parameter "(?:\S+ )?(\w+)" from "(.*)"\.$""", RegexOptions.CultureInvariant)]
    private static partial Regex BindFailure();

    [GeneratedRegex(@"could not be converted to ([^ ]+?)\.? Path", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertedTo();
}
