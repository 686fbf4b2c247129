using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PloSolver.Server.Data;
using PloSolver.Server.Infrastructure;

namespace PloSolver.Server.Health;

internal sealed record HealthReport(string Status, DateTime Timestamp, string? Version = null, string? Error = null);

/// <summary><c>/health</c> (the database answers a query) and <c>/health/live</c> (the process serves HTTP).</summary>
internal static class HealthApi
{
    private static readonly string Version = typeof(HealthApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Operations");
        health.MapGet("", Check);
        health.MapGet("/live", (TimeProvider clock) => TypedResults.Ok(new HealthReport("alive", clock.GetUtcNow().UtcDateTime)));
        return app;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Check(AppDbContext db, TimeProvider clock, ILogger<HealthReport> logger,
        CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await db.Database.ExecuteSqlRawAsync("SELECT 1", timeout.Token);
            AppMetrics.DbUp.Set(1);
            return TypedResults.Ok(new HealthReport("healthy", clock.GetUtcNow().UtcDateTime, Version));
        }
        catch (Exception e) when (ProblemExceptionHandler.IsDatabaseOutage(e) || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            AppMetrics.DbUp.Set(0);
            logger.LogWarning("Health check: database unavailable: {Error}", e.GetBaseException().Message);
            return TypedResults.Json(new HealthReport("unhealthy", clock.GetUtcNow().UtcDateTime, Error: "database unavailable: " + e.GetBaseException().Message),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
