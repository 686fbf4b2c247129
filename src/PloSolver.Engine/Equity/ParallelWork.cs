using System.Runtime.ExceptionServices;

namespace PloSolver.Engine;

/// <summary>
/// Runs numbered work items on up to <see cref="Threads"/> threads, each thread folding its items into its own
/// accumulator. Items are handed out one at a time, so which thread gets which item varies; callers keep results
/// independent of that by summing integers. Lighter than <c>Parallel.For</c>, whose first use in a process costs
/// about 20 ms, more than a whole heads-up preflop enumeration.
/// </summary>
internal sealed class ParallelWork(int threads, CancellationToken cancellationToken)
{
    public int Threads { get; } = Math.Max(1, threads);

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Runs <paramref name="body"/> for items 0..count-1 and returns every thread's accumulator;
    /// <paramref name="progress"/>, if given, hears the fraction of items done at most about a hundred times.</summary>
    public TLocal[] Run<TLocal>(long count, Func<TLocal> create, Action<long, TLocal> body, Action<double>? progress = null)
    {
        CancellationToken.ThrowIfCancellationRequested();
        var workers = (int)Math.Min(Threads, Math.Max(count, 1));
        var locals = new TLocal[workers];
        var next = -1L;
        var done = 0L;
        var step = Math.Max(1, count / 100);
        var reported = 0.0;
        var progressGate = new object();
        ExceptionDispatchInfo? failure = null;

        void Work(int worker)
        {
            try
            {
                var local = create();
                locals[worker] = local;
                long item;
                while ((item = Interlocked.Increment(ref next)) < count && failure is null)
                {
                    CancellationToken.ThrowIfCancellationRequested();
                    body(item, local);
                    if (progress is not null && Interlocked.Increment(ref done) % step == 0)
                    {
                        // Reports from different threads can race: only ever report forward.
                        lock (progressGate)
                        {
                            var fraction = (double)Volatile.Read(ref done) / count;
                            if (fraction > reported)
                            {
                                reported = fraction;
                                progress(fraction);
                            }
                        }
                    }
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
            }
        }

        if (workers == 1)
        {
            Work(0);
        }
        else
        {
            using var finished = new CountdownEvent(workers - 1);
            for (var w = 1; w < workers; w++)
            {
                var worker = w;
                ThreadPool.UnsafeQueueUserWorkItem(_ =>
                {
                    Work(worker);
                    finished.Signal();
                }, null);
            }
            Work(0);
            finished.Wait(CancellationToken.None);
        }
        failure?.Throw();
        return locals;
    }
}
