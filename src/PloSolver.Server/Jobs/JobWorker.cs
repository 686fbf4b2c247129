using System.Diagnostics;
using PloSolver.Server.Data;
using PloSolver.Server.Infrastructure;

namespace PloSolver.Server.Jobs;

/// <summary>
/// One worker loop: claim a job, run its handler on a thread of its own while heartbeating the lease (which also
/// carries progress out and the owner's cancel request in), store the result or error. JOB_WORKERS of these run
/// in each process that has workers.
/// </summary>
internal sealed class JobWorker(int number, IServiceScopeFactory scopes, JobQueue queue, JobHandlers handlers, ServerSettings settings,
    ILogger<JobWorker> logger) : BackgroundService
{
    /// <summary>Unique across machines and restarts: host, process and loop.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{number}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Job? job;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    job = await queue.ClaimAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), WorkerId, stoppingToken);
                }
                if (job is null)
                {
                    await Task.Delay(settings.JobPoll, stoppingToken);
                    continue;
                }
                await RunAsync(job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A worker loop must outlive any one failure (an outage, a bad row): log, pause, go on.
                if (ProblemExceptionHandler.IsDatabaseOutage(e))
                {
                    logger.LogWarning("Job worker {Worker}: database unavailable ({Error}); retrying", WorkerId, e.GetBaseException().Message);
                }
                else
                {
                    logger.LogError(e, "Job worker {Worker} failed; retrying", WorkerId);
                }
                await Task.Delay(settings.JobPoll * 2, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task RunAsync(Job job, CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        logger.LogInformation("Job {JobId} ({Type}) claimed by {Worker}, attempt {Attempt}", job.Id, job.Type, WorkerId, job.Attempts);
        var handler = handlers.Find(job.Type);
        if (handler is null || job.CancelRequested)
        {
            await FinishAsync(job, handler is null ? JobStatus.Failed : JobStatus.Cancelled, null, null,
                handler is null ? $"unknown job type '{job.Type}'" : null, CancellationToken.None);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var progress = new LatestProgress();
        AppMetrics.JobsRunning.Inc();
        // The engine is synchronous and CPU-bound: a dedicated thread keeps it off the thread pool.
        var work = Task.Factory.StartNew(() => handler.Run(job.Input, progress, stop.Token), stop.Token,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var cancelled = false;
        var lost = false;
        try
        {
            while (!work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(settings.JobHeartbeat, stoppingToken));
                if (work.IsCompleted || stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                await using var scope = scopes.CreateAsyncScope();
                bool? cancelRequested;
                try
                {
                    cancelRequested = await queue.HeartbeatAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), job.Id, WorkerId, progress.Value,
                        progress.Detail, stoppingToken);
                }
                catch (Exception e) when (ProblemExceptionHandler.IsDatabaseOutage(e))
                {
                    // Keep computing; the lease may still be ours when the database returns.
                    logger.LogWarning("Job {JobId}: heartbeat failed ({Error})", job.Id, e.GetBaseException().Message);
                    continue;
                }
                if (cancelRequested is null)
                {
                    lost = true;
                    logger.LogWarning("Job {JobId}: lease lost to another worker; abandoning this run", job.Id);
                    await stop.CancelAsync();
                }
                else if (cancelRequested.Value)
                {
                    cancelled = true;
                    await stop.CancelAsync();
                }
            }

            JobOutput? result = null;
            string? error = null;
            string status;
            try
            {
                result = await work;
                status = JobStatus.Succeeded;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                if (lost)
                {
                    return;
                }
                if (!cancelled)
                {
                    // Shutting down: hand the job back so another worker starts it now, not after the lease.
                    await using var scope = scopes.CreateAsyncScope();
                    await queue.ReleaseAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), job.Id, WorkerId, CancellationToken.None);
                    return;
                }
                status = JobStatus.Cancelled;
            }
            catch (JobFailedException e)
            {
                status = JobStatus.Failed;
                error = e.Message;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Job {JobId} ({Type}) crashed", job.Id, job.Type);
                status = JobStatus.Failed;
                error = "the job failed with an internal error";
            }
            await FinishAsync(job, status, result, progress.Detail, error, CancellationToken.None);
            AppMetrics.JobSeconds.WithLabels(job.Type).Observe(clock.Elapsed.TotalSeconds);
        }
        finally
        {
            AppMetrics.JobsRunning.Dec();
        }
    }

    private async Task FinishAsync(Job job, string status, JobOutput? result, string? detail, string? error, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await queue.FinishAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), job.Id, WorkerId, status, result, detail, error, cancellationToken))
        {
            AppMetrics.JobsFinished.WithLabels(job.Type, status).Inc();
            logger.LogInformation("Job {JobId} ({Type}) {Status}", job.Id, job.Type, status);
        }
    }

    /// <summary>The newest progress fraction and detail, read by the heartbeat.</summary>
    private sealed class LatestProgress : IJobProgress
    {
        private double _value;
        private string? _detail;

        public double Value => Volatile.Read(ref _value);

        public string? Detail => Volatile.Read(ref _detail);

        public void Report(double fraction, string? detail = null)
        {
            Volatile.Write(ref _value, fraction);
            if (detail is not null)
            {
                Volatile.Write(ref _detail, detail);
            }
        }
    }
}
