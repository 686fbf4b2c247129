using Microsoft.EntityFrameworkCore;
using PloSolver.Server.Data;
using PloSolver.Server.Infrastructure;
using PloSolver.Solver;

namespace PloSolver.Server.Solving;

/// <summary>
/// Solutions kept loaded for browsing, by job id, least recently used first out once their estimated memory passes
/// SOLVER_CACHE_MB (the newest stays even if it alone is bigger: browsing it must not reload it at every node).
/// Loading a solution rebuilds its tree and tables, which for a big spot costs seconds; concurrent requests for the
/// same job share one load. A stored solution never changes, so entries never go stale.
/// </summary>
internal sealed class SolutionCache(IServiceScopeFactory scopes, ServerSettings settings, ILogger<SolutionCache> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recent = [];
    private long _bytes;

    /// <summary>The job's solution, or null when the job has none stored.</summary>
    /// <exception cref="SolutionFormatException">The stored solution cannot be read.</exception>
    public async Task<SolveResult?> GetAsync(Guid jobId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_lock)
        {
            if (_entries.TryGetValue(jobId, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                entry = node.Value;
            }
            else
            {
                entry = new Entry(jobId, new Lazy<Task<SolveResult?>>(() => LoadAsync(jobId)));
                _entries[jobId] = _recent.AddFirst(entry);
            }
        }
        try
        {
            // The load is shared, so one caller giving up must not cancel it for the others.
            var result = await entry.Load.Value.WaitAsync(cancellationToken);
            if (result is null)
            {
                Forget(entry);
            }
            else
            {
                Admit(entry, result);
            }
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Forget(entry);
            throw;
        }
    }

    private async Task<SolveResult?> LoadAsync(Guid jobId)
    {
        byte[]? data;
        await using (var scope = scopes.CreateAsyncScope())
        {
            data = await scope.ServiceProvider.GetRequiredService<AppDbContext>().JobSolutions.AsNoTracking()
                .Where(s => s.JobId == jobId).Select(s => s.Data).FirstOrDefaultAsync();
        }
        if (data is null)
        {
            return null;
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await Task.Run(() => SolveResult.Read(new MemoryStream(data, writable: false)));
        logger.LogInformation("Solution of job {JobId} loaded: {Bytes} bytes stored, {Ms:0} ms", jobId, data.Length, clock.Elapsed.TotalMilliseconds);
        return result;
    }

    // Counts a loaded entry's memory once, then evicts the least recently used others while over the budget.
    private void Admit(Entry entry, SolveResult result)
    {
        lock (_lock)
        {
            if (entry.Bytes > 0 || !_entries.TryGetValue(entry.JobId, out var node) || node.Value != entry)
            {
                return;
            }
            // What the solve needed, less the regrets a loaded solution does not keep.
            entry.Bytes = Math.Max(1, result.Estimate.MemoryBytes / 2);
            _bytes += entry.Bytes;
            while (_bytes > settings.SolverCacheBytes && _recent.Last is { } oldest && oldest.Value != entry)
            {
                Remove(oldest);
            }
            if (settings.SolverCacheBytes == 0)
            {
                Remove(node);
            }
            AppMetrics.SolutionCacheBytes.Set(_bytes);
        }
    }

    private void Forget(Entry entry)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(entry.JobId, out var node) && node.Value == entry)
            {
                Remove(node);
                AppMetrics.SolutionCacheBytes.Set(_bytes);
            }
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recent.Remove(node);
        _entries.Remove(node.Value.JobId);
        _bytes -= node.Value.Bytes;
    }

    private sealed class Entry(Guid jobId, Lazy<Task<SolveResult?>> load)
    {
        public Guid JobId { get; } = jobId;

        public Lazy<Task<SolveResult?>> Load { get; } = load;

        /// <summary>0 until loaded and counted.</summary>
        public long Bytes { get; set; }
    }
}
