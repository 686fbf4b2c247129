using System.Runtime.ExceptionServices;

namespace PloSolver.Engine;

/// <summary>
/// Runs numbered work items on up to <see cref="Threads"/> threads, each thread folding its items into its own
/// accumulator. Items are handed out in increasing order, one at a time, so which thread gets which item varies
/// and callers keep results independent of that by summing integers. Lighter than <c>Parallel.For</c>, whose
/// first use in a process costs about 20 ms, more than a whole heads-up preflop enumeration.
/// </summary>
internal sealed class ParallelWork(int threads, CancellationToken cancellationToken)
{
    public int Threads { get; } = Math.Max(1, threads);

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>
    /// Runs <paramref name="body"/> for items 0..count-1 (or, when <paramref name="stop"/> turns true, for a prefix
    /// 0..k-1 of them: it is asked before each item is taken) and returns the accumulators of the threads that
    /// took part. <paramref name="progress"/>, if given, hears the fraction of items done, about a hundred times.
    /// </summary>
    public TLocal[] Run<TLocal>(long count, Func<TLocal> create, Action<long, TLocal> body, Action<double>? progress = null,
        Func<bool>? stop = null)
    {
        CancellationToken.ThrowIfCancellationRequested();
        var helpers = (int)Math.Min(Threads, Math.Max(count, 1)) - 1;
        if (helpers == 0)
        {
            return [RunHere(count, create, body, progress, stop)];
        }
        var locals = new List<TLocal>(helpers + 1);
        var gate = new object();
        var closed = false;
        var active = 0;
        var next = -1L;
        var done = 0L;
        var step = Math.Max(1, count / 100);
        var reported = 0.0;
        ExceptionDispatchInfo? failure = null;
        using var helpersDone = new ManualResetEventSlim(false);

        void Work(bool helper)
        {
            if (helper)
            {
                // A helper that starts after the caller has finished has nothing left to do: it must not make
                // the caller wait (on a busy thread pool it may start much later).
                lock (gate)
                {
                    if (closed)
                    {
                        return;
                    }
                    active++;
                }
            }
            try
            {
                var local = create();
                lock (gate)
                {
                    locals.Add(local);
                }
                long item;
                while (failure is null && (stop is null || !stop()) && (item = Interlocked.Increment(ref next)) < count)
                {
                    CancellationToken.ThrowIfCancellationRequested();
                    body(item, local);
                    if (progress is not null && Interlocked.Increment(ref done) % step == 0)
                    {
                        // Reports from different threads can race: only ever report forward.
                        lock (gate)
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
            finally
            {
                if (helper)
                {
                    lock (gate)
                    {
                        if (--active == 0 && closed)
                        {
                            helpersDone.Set();
                        }
                    }
                }
            }
        }

        for (var h = 0; h < helpers; h++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => Work(helper: true), null);
        }
        Work(helper: false);
        lock (gate)
        {
            closed = true;
            if (active == 0)
            {
                helpersDone.Set();
            }
        }
        helpersDone.Wait(CancellationToken.None);
        failure?.Throw();
        return [.. locals];
    }

    /// <summary>One thread: the same items in order, without the locks, events and closures that sharing needs (a
    /// small postflop request runs in tens of microseconds, where they showed).</summary>
    private TLocal RunHere<TLocal>(long count, Func<TLocal> create, Action<long, TLocal> body, Action<double>? progress, Func<bool>? stop)
    {
        var local = create();
        var step = Math.Max(1, count / 100);
        for (var item = 0L; item < count && (stop is null || !stop()); item++)
        {
            CancellationToken.ThrowIfCancellationRequested();
            body(item, local);
            if (progress is not null && (item + 1) % step == 0)
            {
                progress((double)(item + 1) / count);
            }
        }
        return local;
    }
}
