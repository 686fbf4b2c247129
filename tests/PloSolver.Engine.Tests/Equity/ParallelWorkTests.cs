using System.Collections.Concurrent;

namespace PloSolver.Engine.Tests.Equity;

public sealed class ParallelWorkTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public void Every_item_runs_once_whatever_the_thread_count(int threads)
    {
        var seen = new ConcurrentBag<long>();
        var locals = new ParallelWork(threads, CancellationToken.None).Run(1000, () => new List<long>(), (item, local) =>
        {
            local.Add(item);
            seen.Add(item);
        });
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), seen.Order());
        Assert.Equal(1000, locals.Sum(l => l.Count));
    }

    [Fact]
    public void A_stop_request_leaves_a_prefix_of_the_items_done()
    {
        var done = new ConcurrentBag<long>();
        var count = 0;
        new ParallelWork(2, CancellationToken.None).Run(10_000, () => 0, (item, _) =>
        {
            done.Add(item);
            Interlocked.Increment(ref count);
        }, stop: () => Volatile.Read(ref count) >= 100);
        var items = done.Order().ToArray();
        Assert.InRange(items.Length, 100, 110);
        Assert.Equal(Enumerable.Range(0, items.Length).Select(i => (long)i), items);
    }

    [Fact]
    public void An_exception_in_an_item_reaches_the_caller()
    {
        var work = new ParallelWork(2, CancellationToken.None);
        var error = Assert.Throws<InvalidOperationException>(() => work.Run(100, () => 0, (item, _) =>
        {
            if (item == 57)
            {
                throw new InvalidOperationException("item 57");
            }
        }));
        Assert.Equal("item 57", error.Message);
    }

    [Fact]
    public void Cancellation_stops_the_run()
    {
        using var cancel = new CancellationTokenSource();
        var work = new ParallelWork(2, cancel.Token);
        Assert.ThrowsAny<OperationCanceledException>(() => work.Run(1_000_000, () => 0, (item, _) =>
        {
            if (item == 10)
            {
                cancel.Cancel();
            }
        }));
    }

    [Fact]
    public void Progress_only_moves_forward_and_reaches_one()
    {
        var reports = new ConcurrentQueue<double>();
        new ParallelWork(2, CancellationToken.None).Run(5_000, () => 0, (_, _) => { }, reports.Enqueue);
        var fractions = reports.ToArray();
        Assert.NotEmpty(fractions);
        Assert.Equal(1.0, fractions[^1]);
        for (var i = 1; i < fractions.Length; i++)
        {
            Assert.True(fractions[i] > fractions[i - 1]);
        }
    }
}
