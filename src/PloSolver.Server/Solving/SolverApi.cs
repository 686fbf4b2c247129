using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PloSolver.Server.Auth;
using PloSolver.Server.Data;
using PloSolver.Server.Equity;
using PloSolver.Server.Infrastructure;
using PloSolver.Server.Jobs;
using PloSolver.Solver;

namespace PloSolver.Server.Solving;

/// <summary>The solver over HTTP: the setup form's live estimate, and a solved job's decisions one at a time
/// (solving itself is a job, <see cref="SolveJobHandler"/>).</summary>
internal static class SolverApi
{
    /// <summary>Building a tree of up to 5,000,000 nodes takes seconds on a busy machine; more means the gate is
    /// full of them.</summary>
    private static readonly TimeSpan EstimateWallTime = TimeSpan.FromSeconds(30);

    /// <summary>A node's report walks the subtree below it once per action and sweeps every runout.</summary>
    private static readonly TimeSpan NodeWallTime = TimeSpan.FromSeconds(120);

    public static IServiceCollection AddSolver(this IServiceCollection services) => services.AddSingleton<SolutionCache>();

    public static IEndpointRouteBuilder MapSolver(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/solver/estimate", Estimate).WithTags("Solver").RequireRateLimiting(RateLimitPolicies.Compute)
            .Accepts<Spot>("application/json");
        app.MapGet("/api/jobs/{id:guid}/result", Node).WithTags("Solver").RequireAuthorization();
        return app;
    }

    private static async Task<Results<Ok<SolverEstimate>, ProblemHttpResult>> Estimate(HttpRequest request, ServerSettings settings, ComputeGate gate,
        CancellationToken aborted)
    {
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(aborted);
        var spot = SpotChecks.Read(json, settings, "", "spot", out var errors);
        if (spot is null)
        {
            return Invalid(errors, "The spot is not valid");
        }
        string? memoryProblem = null;
        var (outcome, estimate) = await gate.RunAsync(_ => SpotChecks.Estimate(spot, "", "spot", out errors, out memoryProblem), EstimateWallTime, aborted);
        switch (outcome)
        {
            case GateOutcome.Saturated:
                return ComputeGate.Busy(request.HttpContext);
            case GateOutcome.TimedOut:
                return Invalid(new() { ["spot"] = ["the tree took too long to build: use fewer bet and raise sizes or raises"] }, "The spot is too big");
        }
        if (estimate is null)
        {
            return Invalid(errors, "The spot cannot be solved");
        }
        var limit = SpotChecks.MemoryLimit(spot);
        return TypedResults.Ok(new SolverEstimate(estimate.OopHands, estimate.IpHands, estimate.DecisionNodes, estimate.ChanceNodes, estimate.TerminalNodes,
            estimate.FinalBoards, estimate.MemoryBytes, estimate.SecondsPerIteration, limit, memoryProblem is null, memoryProblem));
    }

    private static async Task<Results<Ok<SolverNode>, ProblemHttpResult>> Node(Guid id, string? node, HttpContext http, AppDbContext db,
        SolutionCache solutions, ComputeGate gate, CancellationToken aborted)
    {
        var userId = CurrentUser.Id(http.User);
        var job = await db.Jobs.AsNoTracking().Where(j => j.Id == id && j.UserId == userId).Select(j => new { j.Type, j.Status }).FirstOrDefaultAsync(aborted);
        if (job is null)
        {
            return AuthApi.NotFound("job", id);
        }
        if (job.Type != "solve" || job.Status != JobStatus.Succeeded)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The job has no solution to browse",
                detail: job.Type != "solve" ? $"Its type is {job.Type}; only solve jobs have nodes." : $"The solve has not succeeded: its status is {job.Status}.");
        }
        SolveResult? result;
        try
        {
            result = await solutions.GetAsync(id, aborted);
        }
        catch (SolutionFormatException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The stored solution cannot be read", detail: e.Message);
        }
        if (result is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The job has no solution to browse",
                detail: "No solution is stored for this job.");
        }
        IReadOnlyList<int> path;
        try
        {
            path = result.ParsePath(node);
        }
        catch (SolvePathException e)
        {
            return Invalid(new() { ["node"] = [e.Message] }, "The node path does not lead to a decision");
        }
        var (outcome, answer) = await gate.RunAsync(_ => Report(result, path), NodeWallTime, aborted);
        switch (outcome)
        {
            case GateOutcome.Saturated:
                return ComputeGate.Busy(http);
            case GateOutcome.TimedOut:
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The node took too long",
                    detail: "Working out this node's report took over two minutes; try again when the server is less busy.");
        }
        return answer.Node is { } found
            ? TypedResults.Ok(found)
            : Invalid(new() { ["node"] = [answer.Error!] }, "The node path does not lead to a decision");
    }

    private static (SolverNode? Node, string? Error) Report(SolveResult result, IReadOnlyList<int> path)
    {
        try
        {
            return (SolverNodes.Build(result, path, hands: true), null);
        }
        catch (SolvePathException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>422 with field errors: the request is well formed but names something that cannot be done.</summary>
    public static ProblemHttpResult Invalid(Dictionary<string, string[]> errors, string title) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status422UnprocessableEntity, Title = title });
}
