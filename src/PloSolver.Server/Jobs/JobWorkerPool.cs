using PloSolver.Server.Infrastructure;

namespace PloSolver.Server.Jobs;

/// <summary>Starts JOB_WORKERS worker loops, unless this process only serves the API (SERVER_ROLE=api).</summary>
internal sealed class JobWorkerPool(IServiceProvider services, ServerSettings settings, ILogger<JobWorkerPool> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var count = settings.Role == ServerRole.Api ? 0 : settings.JobWorkers;
        logger.LogInformation("Starting {Count} job worker(s)", count);
        var workers = Enumerable.Range(0, count).Select(n => ActivatorUtilities.CreateInstance<JobWorker>(services, n)).ToList();
        return Task.WhenAll(workers.Select(async w =>
        {
            await w.StartAsync(stoppingToken);
            try
            {
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                // stopping
            }
            await w.StopAsync(CancellationToken.None);
            w.Dispose();
        }));
    }
}
