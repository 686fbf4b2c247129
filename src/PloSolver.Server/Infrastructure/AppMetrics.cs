using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Prometheus;

namespace PloSolver.Server.Infrastructure;

/// <summary>The application's Prometheus figures (the HTTP figures are in <see cref="RequestMetrics"/>).</summary>
internal static class AppMetrics
{
    /// <summary>
    /// Keeps the default registry to the process and runtime figures, the HTTP middleware's and ours. By default
    /// prometheus-net also republishes every .NET meter and event counter (Kestrel, hosting, sockets), which records
    /// each request a second time: about a tenth of the CPU time of a trivial request, for figures nobody graphs.
    /// Takes effect when called before the first scrape; later calls do nothing.
    /// </summary>
    public static void SuppressRuntimeAdapters() =>
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressMeters = true, SuppressEventCounters = true });

    /// <summary>
    /// Creates every application metric in the default registry, without exemplars: by default prometheus-net looks
    /// for a trace on every increment and observation to attach, and nothing here traces, so that was pure cost on
    /// the hottest paths (a metric declared here is first touched after <see cref="SuppressRuntimeAdapters"/>).
    /// </summary>
    public static readonly IMetricFactory Factory = CreateFactory();

    private static IMetricFactory CreateFactory()
    {
        var factory = Metrics.WithCustomRegistry(Metrics.DefaultRegistry);
        factory.ExemplarBehavior = ExemplarBehavior.NoExemplars();
        return factory;
    }

    public static readonly Counter EquityRequests = Factory.CreateCounter("plosolver_equity_requests_total",
        "Equity computations by outcome (ok, invalid, rejected, timeout, cancelled) and method (exact, montecarlo).",
        new CounterConfiguration { LabelNames = ["outcome", "method"] });

    public static readonly Histogram EquitySeconds = Factory.CreateHistogram("plosolver_equity_seconds",
        "Engine time of successful equity computations.",
        new HistogramConfiguration { LabelNames = ["method"], Buckets = Histogram.ExponentialBuckets(0.0001, 4, 10) });

    public static readonly Gauge EquityInFlight = Factory.CreateGauge("plosolver_equity_in_flight", "Equity computations running now.");

    public static readonly Gauge EquityWaiting = Factory.CreateGauge("plosolver_equity_waiting", "Equity requests waiting for a compute slot.");

    public static readonly Counter JobsFinished = Factory.CreateCounter("plosolver_jobs_finished_total", "Jobs finished by type and status.",
        new CounterConfiguration { LabelNames = ["type", "status"] });

    public static readonly Counter JobsSubmitted = Factory.CreateCounter("plosolver_jobs_submitted_total", "Jobs queued by type.",
        new CounterConfiguration { LabelNames = ["type"] });

    public static readonly Counter JobsReclaimed = Factory.CreateCounter("plosolver_jobs_reclaimed_total",
        "Jobs claimed again after their worker's lease expired.");

    public static readonly Gauge JobsRunning = Factory.CreateGauge("plosolver_jobs_running", "Jobs running in this process.");

    public static readonly Histogram JobSeconds = Factory.CreateHistogram("plosolver_job_seconds", "Run time of finished jobs.",
        new HistogramConfiguration { LabelNames = ["type"], Buckets = Histogram.ExponentialBuckets(0.01, 4, 10) });

    public static readonly Counter SolvesStarted = Factory.CreateCounter("plosolver_solves_started_total", "Solve jobs started (each attempt).");

    public static readonly Counter SolvesFinished = Factory.CreateCounter("plosolver_solves_finished_total",
        "Solve jobs finished by outcome (succeeded, failed, cancelled).", new CounterConfiguration { LabelNames = ["outcome"] });

    public static readonly Counter SolverIterations = Factory.CreateCounter("plosolver_solver_iterations_total", "DCFR iterations run by solve jobs.");

    public static readonly Histogram SolveSeconds = Factory.CreateHistogram("plosolver_solve_seconds", "Wall time of solves that finished with a result.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.05, 4, 9) });

    public static readonly Gauge SolutionCacheBytes = Factory.CreateGauge("plosolver_solution_cache_bytes",
        "Estimated memory of the solutions kept loaded for browsing.");

    public static readonly Histogram DbCommandSeconds = Factory.CreateHistogram("plosolver_db_command_seconds", "Database command time.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0001, 4, 10) });

    public static readonly Counter DbCommandErrors = Factory.CreateCounter("plosolver_db_command_errors_total", "Database commands that failed.");

    public static readonly Gauge DbUp = Factory.CreateGauge("plosolver_db_up", "1 when the last health check reached the database, else 0.");
}

/// <summary>Times every database command for <see cref="AppMetrics.DbCommandSeconds"/>.</summary>
internal sealed class DbCommandMetrics : DbCommandInterceptor
{
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Observe(eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Observe(eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Observe(eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Observe(eventData);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Observe(eventData);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Observe(eventData);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => AppMetrics.DbCommandErrors.Inc();

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        AppMetrics.DbCommandErrors.Inc();
        return Task.CompletedTask;
    }

    private static void Observe(CommandExecutedEventData eventData) => AppMetrics.DbCommandSeconds.Observe(eventData.Duration.TotalSeconds);
}
