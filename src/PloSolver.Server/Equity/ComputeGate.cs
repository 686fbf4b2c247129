using Microsoft.AspNetCore.Http.HttpResults;
using PloSolver.Server.Infrastructure;

namespace PloSolver.Server.Equity;

/// <summary>Why a piece of work did not produce a value.</summary>
internal enum GateOutcome
{
    Done,
    Saturated,
    TimedOut,
}

/// <summary>
/// Bounds the CPU work of interactive requests: at most EQUITY_CONCURRENCY computations run at once (default: one
/// per core), at most EQUITY_QUEUE wait for a slot, and the rest are refused at once (503 + Retry-After) instead
/// of piling up. Each computation runs on one thread under a wall-clock limit and the client's abort token, so a
/// heavy request occupies one slot for a bounded time and never the request threads of everyone else.
/// </summary>
internal sealed class ComputeGate(ServerSettings settings)
{
    private readonly SemaphoreSlim _slots = new(settings.EquityConcurrency, settings.EquityConcurrency);
    private int _waiting;

    /// <summary>Slots taken right now.</summary>
    public int InUse => settings.EquityConcurrency - _slots.CurrentCount;

    public async Task<(GateOutcome Outcome, T? Value)> RunAsync<T>(Func<CancellationToken, T> work, TimeSpan wallLimit, CancellationToken aborted)
    {
        if (!_slots.Wait(0, CancellationToken.None))
        {
            if (Interlocked.Increment(ref _waiting) > settings.EquityQueueLength)
            {
                Interlocked.Decrement(ref _waiting);
                return (GateOutcome.Saturated, default);
            }
            AppMetrics.EquityWaiting.Inc();
            try
            {
                // Waiting counts against the same wall-clock limit as the work.
                if (!await _slots.WaitAsync(wallLimit, aborted))
                {
                    return (GateOutcome.Saturated, default);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
                AppMetrics.EquityWaiting.Dec();
            }
        }
        AppMetrics.EquityInFlight.Inc();
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            limit.CancelAfter(wallLimit);
            try
            {
                return (GateOutcome.Done, work(limit.Token));
            }
            catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
            {
                return (GateOutcome.TimedOut, default);
            }
        }
        finally
        {
            AppMetrics.EquityInFlight.Dec();
            _slots.Release();
        }
    }

    /// <summary>The answer when <see cref="RunAsync"/> reports <see cref="GateOutcome.Saturated"/>: 503 with Retry-After.</summary>
    public static ProblemHttpResult Busy(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The server is busy",
            detail: "Every compute slot is taken and the queue is full; try again in a second.");
    }
}
