using System.Diagnostics;
using System.Text.Json;
using PloSolver.Server.Infrastructure;
using PloSolver.Server.Jobs;
using PloSolver.Solver;

namespace PloSolver.Server.Solving;

/// <summary>
/// Solves a spot (the job's input is a spot file's object) with every core, within the server's memory and time
/// limits. Progress is the best of the iteration, time and exploitability fractions; the detail carries the
/// exploitability history. The result is the summary (root decision without hands) and the compact solution,
/// stored beside the job for <c>GET /api/jobs/{id}/result</c>.
/// </summary>
internal sealed class SolveJobHandler(ServerSettings settings) : IJobHandler
{
    /// <summary>The summary: nulls left out (the root has no <c>hands</c>, a decision's child no <c>cards</c>).</summary>
    public static readonly JsonSerializerOptions Json = EquityJobHandler.Json;

    /// <summary>The detail: <c>exploitabilityPctPot</c> is written as null before the first measurement.</summary>
    private static readonly JsonSerializerOptions DetailJson = new(JsonSerializerDefaults.Web);

    public string Type => "solve";

    public Dictionary<string, string[]> Validate(JsonElement input)
    {
        var spot = SpotChecks.Read(input.GetRawText(), settings, "input.", "input", out var errors);
        if (spot is null)
        {
            return errors;
        }
        SpotChecks.Estimate(spot, "input.", "input", out errors, out var memoryProblem);
        if (memoryProblem is not null)
        {
            errors["input"] = [memoryProblem];
        }
        return errors;
    }

    public JobOutput Run(string input, IJobProgress progress, CancellationToken cancellationToken)
    {
        var spot = SpotChecks.Read(input, settings, "input.", "input", out var errors)
            ?? throw new JobFailedException("the stored input is no longer valid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
        var tracker = new Tracker(spot, progress);
        tracker.Tick();
        AppMetrics.SolvesStarted.Inc();
        SolveResult result;
        // Time keeps moving between exploitability measurements (which may be minutes apart on a big spot).
        using (new Timer(_ => tracker.Tick(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)))
        {
            try
            {
                result = PostflopSolver.Solve(spot, new SolveOptions { MaxMemoryBytes = SpotChecks.MemoryLimit(spot) }, tracker, cancellationToken);
            }
            catch (SpotException e)
            {
                AppMetrics.SolvesFinished.WithLabels(JobStatus.Failed).Inc();
                throw new JobFailedException(e.Message);
            }
            catch (OperationCanceledException)
            {
                AppMetrics.SolvesFinished.WithLabels(JobStatus.Cancelled).Inc();
                throw;
            }
        }
        tracker.Finish(result);
        using var stored = new MemoryStream();
        result.Write(stored);
        var summary = new SolveSummary(result.Iterations, result.ElapsedMs, result.ExploitabilityPctPot, result.ExploitabilityChips, result.PeakMemoryBytes,
            result.Threads, result.OopEv, result.IpEv, spot.Pot, spot.EffectiveStack, result.Root().Board, stored.Length,
            SolverNodes.Build(result, [], hands: false));
        AppMetrics.SolvesFinished.WithLabels(JobStatus.Succeeded).Inc();
        AppMetrics.SolveSeconds.Observe(result.ElapsedMs / 1000);
        return new JobOutput(JsonSerializer.Serialize(summary, Json), stored.ToArray(), SolveResult.FormatVersion);
    }

    /// <summary>Turns the solver's measurements into the job's progress and detail.</summary>
    private sealed class Tracker(Spot spot, IJobProgress progress) : IProgress<SolveProgress>
    {
        // The detail's history is thinned (every other point dropped, the newest kept) beyond this many points, so a
        // long solve's heartbeat stays small.
        private const int MaxHistory = 200;

        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<SolveProgress> _history = [];
        private readonly Lock _lock = new();
        private double _first = double.NaN;
        private double _fraction;
        private int _iterations;

        public void Report(SolveProgress value)
        {
            lock (_lock)
            {
                AppMetrics.SolverIterations.Inc(Math.Max(0, value.Iterations - _iterations));
                _iterations = value.Iterations;
                if (double.IsNaN(_first))
                {
                    _first = value.ExploitabilityPctPot;
                }
                _history.Add(value);
                if (_history.Count > MaxHistory)
                {
                    var kept = _history.Where((_, i) => i % 2 == 0 || i == _history.Count - 1).ToList();
                    _history.Clear();
                    _history.AddRange(kept);
                }
                Publish(value.ExploitabilityPctPot, value.ElapsedMs);
            }
        }

        public void Tick()
        {
            lock (_lock)
            {
                Publish(_history.Count > 0 ? _history[^1].ExploitabilityPctPot : null, _clock.Elapsed.TotalMilliseconds);
            }
        }

        public void Finish(SolveResult result)
        {
            lock (_lock)
            {
                AppMetrics.SolverIterations.Inc(Math.Max(0, result.Iterations - _iterations));
                _iterations = result.Iterations;
                Publish(result.ExploitabilityPctPot, result.ElapsedMs);
            }
        }

        // The best of three fractions, never going back and short of 1 until the job has succeeded: iterations of
        // the cap, time of the limit, and the exploitability's way from its first measurement to the target on a log
        // scale (it falls roughly geometrically).
        private void Publish(double? exploitability, double elapsedMs)
        {
            var byIterations = (double)_iterations / spot.MaxIterations;
            var byTime = elapsedMs / 1000 / spot.TimeLimitSeconds;
            var byTarget = 0.0;
            if (exploitability is { } e && _first > 0)
            {
                var target = spot.TargetExploitabilityPctPot;
                byTarget = e <= target ? 1 : target > 0 && _first > target ? Math.Log(_first / e) / Math.Log(_first / target) : 0;
            }
            _fraction = Math.Max(_fraction, Math.Clamp(Math.Max(byIterations, Math.Max(byTime, byTarget)), 0, 0.99));
            var detail = new SolveDetail(_iterations, exploitability, elapsedMs, [.. _history]);
            progress.Report(_fraction, JsonSerializer.Serialize(detail, DetailJson));
        }
    }
}
