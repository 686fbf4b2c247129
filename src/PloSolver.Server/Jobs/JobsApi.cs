using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PloSolver.Server.Auth;
using PloSolver.Server.Data;
using PloSolver.Server.Equity;
using PloSolver.Server.Infrastructure;
using PloSolver.Server.Solving;

namespace PloSolver.Server.Jobs;

internal sealed record JobRequest(string? Type, JsonElement? Input);

internal sealed record JobPage(IReadOnlyList<JobDto> Items, int Total, int Page, int PageSize);

/// <summary>Queue long work, follow it (polling or Server-Sent Events), cancel it; owner only.</summary>
internal static class JobsApi
{
    /// <summary>Unfinished jobs one user may have at once.</summary>
    public const int MaxActivePerUser = 20;

    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobQueue>();
        services.AddSingleton<IJobHandler, EquityJobHandler>();
        services.AddSingleton<IJobHandler, SolveJobHandler>();
        services.AddSingleton<JobHandlers>();
        services.AddHostedService<JobWorkerPool>();
        return services;
    }

    /// <summary>How long checking a job's input may take (a solve spot's tree is built to check it).</summary>
    private static readonly TimeSpan ValidationWallTime = TimeSpan.FromSeconds(30);

    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization();
        jobs.MapPost("", Submit).RequireRateLimiting(RateLimitPolicies.Compute);
        jobs.MapGet("", List);
        jobs.MapGet("/{id:guid}", Get);
        jobs.MapPost("/{id:guid}/cancel", Cancel);
        jobs.MapGet("/{id:guid}/events", Events);
        return app;
    }

    private static async Task<Results<Accepted<JobDto>, ValidationProblem, ProblemHttpResult>> Submit(JobRequest request, HttpContext http, AppDbContext db,
        JobHandlers handlers, ComputeGate gate, TimeProvider clock, CancellationToken cancellationToken)
    {
        var handler = handlers.Find(request.Type);
        if (handler is null)
        {
            var known = string.Join(", ", handlers.Types);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["type"] = [request.Type is null ? $"is required: one of {known}" : $"'{request.Type}' is not a job type: expected one of {known}"],
            });
        }
        if (request.Input is not { ValueKind: JsonValueKind.Object } input)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["input"] = [request.Input is null ? "is required" : "must be a JSON object"] });
        }
        // Checking a spot builds its tree (up to 5,000,000 nodes, seconds of CPU): it takes a compute slot like any
        // other heavy work, so a burst of submissions cannot occupy the request threads.
        var (outcome, errors) = await gate.RunAsync(_ => handler.Validate(input), ValidationWallTime, cancellationToken);
        if (outcome == GateOutcome.Saturated)
        {
            return ComputeGate.Busy(http);
        }
        if (outcome == GateOutcome.TimedOut || errors is null)
        {
            return SolverApi.Invalid(new() { ["input"] = ["checking the input took too long: make the work smaller"] }, "The input is too big to check");
        }
        if (errors.Count > 0)
        {
            // A spot that reads but cannot be solved as given is 422, as the solver's other endpoints answer it.
            return handler is SolveJobHandler ? SolverApi.Invalid(errors, "The spot cannot be solved") : TypedResults.ValidationProblem(errors);
        }
        var userId = CurrentUser.Id(http.User);
        var active = await db.Jobs.CountAsync(j => j.UserId == userId && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running), cancellationToken);
        if (active >= MaxActivePerUser)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many unfinished jobs",
                detail: $"At most {MaxActivePerUser} queued or running jobs at once; wait for some to finish or cancel them.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new Job
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Type = handler.Type,
            Input = input.GetRawText(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        AppMetrics.JobsSubmitted.WithLabels(job.Type).Inc();
        return TypedResults.Accepted($"/api/jobs/{job.Id}", job.AsDto());
    }

    private static async Task<Results<Ok<JobPage>, ValidationProblem>> List(HttpContext http, AppDbContext db, string? status, int? page, int? pageSize,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (status is not null && status is not (JobStatus.Queued or JobStatus.Running or JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled))
        {
            errors["status"] = ["must be queued, running, succeeded, failed or cancelled"];
        }
        if (page is < 1)
        {
            errors["page"] = ["must be 1 or more"];
        }
        if (pageSize is < 1 or > 100)
        {
            errors["pageSize"] = ["must be from 1 to 100"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var userId = CurrentUser.Id(http.User);
        var query = db.Jobs.AsNoTracking().Where(j => j.UserId == userId);
        if (status is not null)
        {
            query = query.Where(j => j.Status == status);
        }
        var size = pageSize ?? 20;
        var number = page ?? 1;
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(j => j.CreatedAt).ThenBy(j => j.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new JobPage([.. items.Select(j => j.AsDto())], total, number, size));
    }

    private static async Task<Results<Ok<JobDto>, ProblemHttpResult>> Get(Guid id, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(http.User);
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.UserId == userId, cancellationToken);
        return job is null ? AuthApi.NotFound("job", id) : TypedResults.Ok(job.AsDto());
    }

    private static async Task<Results<Accepted<JobDto>, ProblemHttpResult>> Cancel(Guid id, HttpContext http, AppDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(http.User);
        var now = clock.GetUtcNow().UtcDateTime;
        // A queued job is cancelled at once; a running one is flagged and its worker stops at the next heartbeat.
        var stoppedQueued = await db.Jobs.Where(j => j.Id == id && j.UserId == userId && j.Status == JobStatus.Queued)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.CancelRequested, true)
                .SetProperty(j => j.FinishedAt, now).SetProperty(j => j.UpdatedAt, now), cancellationToken);
        if (stoppedQueued == 0)
        {
            await db.Jobs.Where(j => j.Id == id && j.UserId == userId && j.Status == JobStatus.Running)
                .ExecuteUpdateAsync(u => u.SetProperty(j => j.CancelRequested, true).SetProperty(j => j.UpdatedAt, now), cancellationToken);
        }
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.UserId == userId, cancellationToken);
        if (job is null)
        {
            return AuthApi.NotFound("job", id);
        }
        if (JobStatus.IsFinished(job.Status) && stoppedQueued == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The job has already finished", detail: $"Its status is {job.Status}.");
        }
        return TypedResults.Accepted($"/api/jobs/{job.Id}", job.AsDto());
    }

    private static async Task<Results<ServerSentEventsResult<JobDto>, ProblemHttpResult>> Events(Guid id, HttpContext http, AppDbContext db,
        IServiceScopeFactory scopes, ServerSettings settings, CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(http.User);
        if (!await db.Jobs.AnyAsync(j => j.Id == id && j.UserId == userId, cancellationToken))
        {
            return AuthApi.NotFound("job", id);
        }
        var interval = settings.JobPoll < TimeSpan.FromMilliseconds(500) ? settings.JobPoll : TimeSpan.FromMilliseconds(500);
        return TypedResults.ServerSentEvents(Follow(id, scopes, interval, cancellationToken));
    }

    /// <summary>
    /// Polls the job's row (so it works whichever instance runs the job) and sends an event whenever its status,
    /// progress or detail changes: <c>progress</c> while it runs, one <c>done</c> at the end, then the stream closes.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<JobDto>> Follow(Guid id, IServiceScopeFactory scopes, TimeSpan interval,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (string Status, double Progress, string? Detail)? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            Job? job;
            await using (var scope = scopes.CreateAsyncScope())
            {
                job = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
            }
            if (job is null)
            {
                yield break;
            }
            if (JobStatus.IsFinished(job.Status))
            {
                yield return new SseItem<JobDto>(job.AsDto(), "done");
                yield break;
            }
            if (last != (job.Status, job.Progress, job.Detail))
            {
                last = (job.Status, job.Progress, job.Detail);
                yield return new SseItem<JobDto>(job.AsDto(), "progress");
            }
            await Task.Delay(interval, cancellationToken);
        }
    }
}
