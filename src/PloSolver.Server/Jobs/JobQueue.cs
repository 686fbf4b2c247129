using Microsoft.EntityFrameworkCore;
using PloSolver.Server.Data;
using PloSolver.Server.Infrastructure;

namespace PloSolver.Server.Jobs;

/// <summary>
/// The jobs table as a queue. PostgreSQL: a claim is one statement that picks the oldest runnable job with
/// <c>FOR UPDATE SKIP LOCKED</c>, so any number of workers on any number of machines never claim the same row and
/// never wait on each other. A runnable job is queued, or running with an expired lease (its worker died); every
/// later write of the worker is conditional on still holding the lease. SQLite (one process): the same
/// conditional update, serialised by a process-wide lock.
/// </summary>
internal sealed class JobQueue(ServerSettings settings, TimeProvider clock)
{
    private static readonly SemaphoreSlim SqliteClaimLock = new(1, 1);

    public async Task<Job?> ClaimAsync(AppDbContext db, string workerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now + settings.JobLease;
        if (settings.UsesPostgres)
        {
            var claimed = await db.Jobs.FromSqlInterpolated($"""
                UPDATE jobs SET status = 'running', worker_id = {workerId}, lease_expires_at = {leaseUntil}, attempts = attempts + 1,
                    started_at = COALESCE(started_at, {now}), updated_at = {now}
                WHERE id = (
                    SELECT id FROM jobs
                    WHERE status = 'queued' OR (status = 'running' AND lease_expires_at < {now})
                    ORDER BY created_at
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(cancellationToken);
            return Reclaimed(claimed.FirstOrDefault());
        }

        await SqliteClaimLock.WaitAsync(cancellationToken);
        try
        {
            var candidate = await db.Jobs.AsNoTracking()
                .Where(j => j.Status == JobStatus.Queued || (j.Status == JobStatus.Running && j.LeaseExpiresAt < now))
                .OrderBy(j => j.CreatedAt)
                .Select(j => (Guid?)j.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (candidate is not { } id)
            {
                return null;
            }
            var updated = await db.Jobs
                .Where(j => j.Id == id && (j.Status == JobStatus.Queued || (j.Status == JobStatus.Running && j.LeaseExpiresAt < now)))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(j => j.Status, JobStatus.Running)
                    .SetProperty(j => j.WorkerId, workerId)
                    .SetProperty(j => j.LeaseExpiresAt, leaseUntil)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                    .SetProperty(j => j.StartedAt, j => j.StartedAt ?? now)
                    .SetProperty(j => j.UpdatedAt, now), cancellationToken);
            return updated == 0 ? null : Reclaimed(await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == id, cancellationToken));
        }
        finally
        {
            SqliteClaimLock.Release();
        }
    }

    private static Job? Reclaimed(Job? job)
    {
        if (job is { Attempts: > 1 })
        {
            AppMetrics.JobsReclaimed.Inc();
        }
        return job;
    }

    /// <summary>Extends the lease and stores progress. Returns null when the lease was lost (another worker
    /// took the job), else whether the owner asked to cancel.</summary>
    public async Task<bool?> HeartbeatAsync(AppDbContext db, Guid jobId, string workerId, double progress, string? detail, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now + settings.JobLease;
        var held = await db.Jobs.Where(j => j.Id == jobId && j.WorkerId == workerId && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.LeaseExpiresAt, leaseUntil).SetProperty(j => j.Progress, progress)
                .SetProperty(j => j.Detail, j => detail ?? j.Detail).SetProperty(j => j.UpdatedAt, now), cancellationToken);
        if (held == 0)
        {
            return null;
        }
        return await db.Jobs.AsNoTracking().Where(j => j.Id == jobId).Select(j => j.CancelRequested).FirstAsync(cancellationToken);
    }

    /// <summary>Stores the outcome (and a solve's solution, in the same transaction), if this worker still holds
    /// the job.</summary>
    public async Task<bool> FinishAsync(AppDbContext db, Guid jobId, string workerId, string status, JobOutput? output, string? detail, string? error,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var progressDone = status == JobStatus.Succeeded;
        var result = output?.Result;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.Jobs.Where(j => j.Id == jobId && j.WorkerId == workerId && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(u => u
                .SetProperty(j => j.Status, status)
                .SetProperty(j => j.Result, result)
                .SetProperty(j => j.Error, error)
                .SetProperty(j => j.Detail, j => detail ?? j.Detail)
                .SetProperty(j => j.Progress, j => progressDone ? 1 : j.Progress)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.UpdatedAt, now), cancellationToken);
        if (updated != 1)
        {
            return false;
        }
        if (output?.Solution is { } solution)
        {
            db.JobSolutions.Add(new JobSolution { JobId = jobId, FormatVersion = output.SolutionFormat, Data = solution, CreatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>On shutdown: gives a running job back to the queue at once instead of waiting for its lease.</summary>
    public async Task ReleaseAsync(AppDbContext db, Guid jobId, string workerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Jobs.Where(j => j.Id == jobId && j.WorkerId == workerId && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, JobStatus.Queued).SetProperty(j => j.WorkerId, (string?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null).SetProperty(j => j.UpdatedAt, now), cancellationToken);
    }
}
