using Microsoft.AspNetCore.Http.HttpResults;
using PloSolver.Engine;
using PloSolver.Server.Auth;
using PloSolver.Server.Infrastructure;

namespace PloSolver.Server.Equity;

internal sealed record EvaluateRequest(string? Game, string? Hand, string? Board, bool HiLo);

/// <summary>The shape of <c>plosolver evaluate --json</c>.</summary>
internal sealed record EvaluationResponse(int Rank, string Category, string Description, IReadOnlyList<string> BestFive, LowResponse? Low);

internal sealed record LowResponse(int Rank, string Description, IReadOnlyList<string> BestFive);

internal sealed record RangeRequest(string? Game, string? Range, string? Board, string? Dead);

/// <summary>The shape of <c>plosolver range --json</c>.</summary>
internal sealed record RangeResponse(long Combos, double? WeightedCombos, IReadOnlyList<string> Sample, IReadOnlyList<CategoryShare>? Categories);

/// <summary>The engine over HTTP: equity, hand evaluation, range parsing. Anonymous callers are welcome, with
/// smaller limits.</summary>
internal static class EquityApi
{
    private const int SampleSize = 12;

    public static IServiceCollection AddEquity(this IServiceCollection services) => services.AddSingleton<ComputeGate>();

    public static IEndpointRouteBuilder MapEquity(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Equity").RequireRateLimiting(RateLimitPolicies.Compute);
        api.MapPost("/equity", Equity).Produces<EquityResult>();
        api.MapPost("/hands/evaluate", Evaluate);
        api.MapPost("/ranges/parse", ParseRange);
        return app;
    }

    private static async Task<Results<GeneratedJsonResult<EquityResult>, ValidationProblem, ProblemHttpResult>> Equity(
        EquityInput input, HttpContext http, ComputeGate gate, CancellationToken aborted)
    {
        var limits = CurrentUser.IdOrNull(http.User) is null ? WorkLimits.Anonymous : WorkLimits.SignedIn;
        input = WorkLimits.WithImpliedMode(input);
        if (!EquityProblem.TryCreate(input, out var problem, out var errors))
        {
            AppMetrics.EquityRequests.WithLabels("invalid", "").Inc();
            return TypedResults.ValidationProblem(errors);
        }
        var limitErrors = limits.Check(input);
        if (limitErrors.Count > 0)
        {
            AppMetrics.EquityRequests.WithLabels("rejected", "").Inc();
            return TooMuchWork(limitErrors, $"The request asks for more work than {limits.Who} may");
        }

        GateOutcome outcome;
        (EquityResult? Value, EquityLimitException? Error) result;
        try
        {
            if (IsInstant(problem))
            {
                // Known hands on a flop or later: at most about a thousand deals a board, tens of microseconds.
                // Queueing for a slot and arming a timer would cost more than the work, so it runs right here.
                (outcome, result) = (GateOutcome.Done, Calculate(problem, limits, aborted));
            }
            else
            {
                (outcome, result) = await gate.RunAsync(token => Calculate(problem, limits, token), limits.WallTime, aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            AppMetrics.EquityRequests.WithLabels("cancelled", "").Inc();
            throw; // the client has gone; nobody reads an answer
        }
        switch (outcome)
        {
            case GateOutcome.Saturated:
                AppMetrics.EquityRequests.WithLabels("saturated", "").Inc();
                return ComputeGate.Busy(http);
            case GateOutcome.TimedOut:
                AppMetrics.EquityRequests.WithLabels("timeout", "").Inc();
                return TooMuchWork(new() { ["mode"] = [$"the computation did not finish within {limits.WallTime.TotalSeconds:0} s; use montecarlo or queue a job"] },
                    "The computation exceeded the time limit");
        }
        if (result.Error is { } limitError)
        {
            AppMetrics.EquityRequests.WithLabels("rejected", "").Inc();
            return TooMuchWork(new() { [limitError.Field] = [limitError.Message] }, "The request asks for more work than the server allows");
        }
        var method = result.Value!.Exact ? "exact" : "montecarlo";
        AppMetrics.EquityRequests.WithLabels("ok", method).Inc();
        AppMetrics.EquitySeconds.WithLabels(method).Observe(result.Value.ElapsedMs / 1000);
        return new GeneratedJsonResult<EquityResult>(result.Value, ServerJsonContext.Default.EquityResult);
    }

    /// <summary>Whether the work is too small to be worth bounding: exact, known hands, every board from a flop on.</summary>
    internal static bool IsInstant(EquityProblem problem) =>
        problem.Mode != EquityMode.MonteCarlo && !problem.HasRanges && problem.Boards.Count > 0 && problem.Boards.All(b => b.Length >= 3);

    private static (EquityResult? Value, EquityLimitException? Error) Calculate(EquityProblem problem, WorkLimits limits, CancellationToken token)
    {
        try
        {
            return (EquityCalculator.Calculate(problem, limits.Engine, null, token), null);
        }
        catch (EquityLimitException e)
        {
            return (null, e);
        }
    }

    public static ProblemHttpResult TooMuchWork(Dictionary<string, string[]> errors, string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: title,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    private static Results<Ok<EvaluationResponse>, ValidationProblem> Evaluate(EvaluateRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var hand = Cards("hand", request.Hand, required: true, errors);
        var board = Cards("board", request.Board, required: false, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        HandEvaluation evaluation;
        if (board.Length > 0)
        {
            var game = hand.Length is >= 4 and <= 6 ? (Game)hand.Length : Game.Plo4;
            if (request.Game is not null && !Games.TryParse(request.Game, out game))
            {
                errors["game"] = [$"'{request.Game}' is not a game: expected plo4, plo5 or plo6"];
            }
            else if (hand.Length != game.HoleCards())
            {
                errors["hand"] = [$"{game.Name()} hands have {game.HoleCards()} cards, this one has {hand.Length}"];
            }
            if (board.Length is < 3 or > 5)
            {
                errors["board"] = [$"a board to evaluate on has 3, 4 or 5 cards, this one has {board.Length}"];
            }
            else if (board.Intersect(hand).ToArray() is [var shared, ..])
            {
                errors["board"] = [$"{shared} is also in the hand"];
            }
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }
            evaluation = HandEvaluator.EvaluateOmaha(hand, board, request.HiLo);
        }
        else
        {
            if (request.HiLo)
            {
                errors["board"] = ["hi-lo evaluation needs a board (an Omaha hand plays two hole cards and three board cards)"];
            }
            else if (hand.Length is < 5 or > 7)
            {
                errors["hand"] = [$"without a board, give 5 to 7 cards to find the best five; got {hand.Length}"];
            }
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }
            evaluation = HandEvaluator.EvaluateHigh(hand);
        }
        return TypedResults.Ok(new EvaluationResponse(evaluation.Value.Value, evaluation.Category.ToString(), evaluation.Description,
            [.. evaluation.BestFive.Select(c => c.ToString())],
            request.HiLo ? new LowResponse(evaluation.Low.Value, evaluation.Low.Description, [.. evaluation.LowFive.Select(c => c.ToString())]) : null));
    }

    private static async Task<Results<Ok<RangeResponse>, ValidationProblem, ProblemHttpResult>> ParseRange(
        RangeRequest request, HttpContext http, ComputeGate gate, CancellationToken aborted)
    {
        var errors = new Dictionary<string, string[]>();
        var game = Game.Plo4;
        if (request.Game is not null && !Games.TryParse(request.Game, out game))
        {
            errors["game"] = [$"'{request.Game}' is not a game: expected plo4, plo5 or plo6"];
        }
        var board = Cards("board", request.Board, required: false, errors);
        var dead = Cards("dead", request.Dead, required: false, errors);
        if (board.Length is 1 or 2 or > 5)
        {
            errors["board"] = [$"a board has 0, 3, 4 or 5 cards, this one has {board.Length}"];
        }
        if (board.Intersect(dead).ToArray() is [var shared, ..])
        {
            errors["dead"] = [$"{shared} is also in the board"];
        }
        if (string.IsNullOrWhiteSpace(request.Range))
        {
            errors["range"] = ["is required"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var limits = CurrentUser.IdOrNull(http.User) is null ? WorkLimits.Anonymous : WorkLimits.SignedIn;
        // With a flop, turn or river the range is also split into hand categories (part of the same work).
        var (outcome, parsed) = await gate.RunAsync(_ =>
        {
            var ok = RangeParser.TryParse(request.Range, game, Card.ToMask(board) | Card.ToMask(dead), out var range, out var error);
            var categories = ok && board.Length >= 3 ? RangeBreakdown.Count(range!, board) : null;
            return (ok, range, error, categories);
        }, limits.WallTime, aborted);
        if (outcome == GateOutcome.Saturated)
        {
            return ComputeGate.Busy(http);
        }
        if (outcome == GateOutcome.TimedOut)
        {
            return TooMuchWork(new() { ["range"] = [$"expanding the range took over {limits.WallTime.TotalSeconds:0} s"] }, "The range is too expensive to expand");
        }
        if (!parsed.ok)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["range"] = [$"position {parsed.error!.Position}: {parsed.error.Message}"] },
                title: "The range is not valid", extensions: new Dictionary<string, object?> { ["position"] = parsed.error!.Position });
        }
        var range = parsed.range!;
        return TypedResults.Ok(new RangeResponse(range.Combos, range.IsWeighted ? range.WeightedCombos : null,
            [.. range.Sample(SampleSize).Select(hand => Card.Format(hand))], parsed.categories));
    }

    private static Card[] Cards(string field, string? text, bool required, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors[field] = ["is required"];
            }
            return [];
        }
        if (!CardParser.TryParse(text, out var cards, out var error))
        {
            errors[field] = [error];
            return [];
        }
        return cards;
    }
}
