using System.Text.Json;
using System.Text.Json.Serialization;
using PloSolver.Engine;
using PloSolver.Server.Equity;

namespace PloSolver.Server.Jobs;

/// <summary>
/// One kind of job. A job's <c>type</c> names its handler (<c>equity</c>, <c>solve</c>); each is registered in
/// <see cref="JobsApi.AddJobs"/>.
/// </summary>
internal interface IJobHandler
{
    public string Type { get; }

    /// <summary>Checks the input when the job is submitted; errors are keyed by field inside <c>input</c>.</summary>
    public Dictionary<string, string[]> Validate(JsonElement input);

    /// <summary>Runs the job and returns its result. Throws <see cref="JobFailedException"/> for an outcome the user
    /// should see as the job's error.</summary>
    public JobOutput Run(string input, IJobProgress progress, CancellationToken cancellationToken);
}

/// <summary>Where a handler reports progress; the worker stores the newest report at each heartbeat.</summary>
internal interface IJobProgress
{
    /// <param name="fraction">0 to 1.</param>
    /// <param name="detail">The handler's own figures as JSON text (the job's <c>detail</c>), or null to keep the last.</param>
    public void Report(double fraction, string? detail = null);
}

/// <summary>What a job produced: its result as JSON text and, for a solve, the stored solution.</summary>
internal sealed record JobOutput(string Result, byte[]? Solution = null, int SolutionFormat = 0);

/// <summary>The job ran but could not produce a result; the message is stored as the job's error.</summary>
internal sealed class JobFailedException(string message) : Exception(message);

/// <summary>The registered handlers by type.</summary>
internal sealed class JobHandlers(IEnumerable<IJobHandler> handlers)
{
    private readonly Dictionary<string, IJobHandler> _byType = handlers.ToDictionary(h => h.Type, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Types => _byType.Keys;

    public IJobHandler? Find(string? type) => type is not null && _byType.TryGetValue(type, out var handler) ? handler : null;
}

/// <summary>Long equity: the input of <c>POST /api/equity</c>, with every core and the job limits
/// (<see cref="WorkLimits.Job"/>): ranges against ranges to high precision, big multiway spots.</summary>
internal sealed class EquityJobHandler : IJobHandler
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string Type => "equity";

    public Dictionary<string, string[]> Validate(JsonElement input)
    {
        if (!TryRead(input.GetRawText(), out var request, out var readError))
        {
            return new() { ["input"] = [readError] };
        }
        if (!EquityProblem.TryCreate(request, out _, out var errors))
        {
            return errors.ToDictionary(e => "input." + e.Key, e => e.Value);
        }
        return WorkLimits.Job.Check(request).ToDictionary(e => "input." + e.Key, e => e.Value);
    }

    public JobOutput Run(string input, IJobProgress progress, CancellationToken cancellationToken)
    {
        if (!TryRead(input, out var request, out var readError) || !EquityProblem.TryCreate(request, out var problem, out _))
        {
            throw new JobFailedException("the stored input is no longer valid: " + readError);
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(WorkLimits.Job.WallTime);
        try
        {
            var result = EquityCalculator.Calculate(problem, WorkLimits.Job.Engine, new Progress(progress), limit.Token);
            return new JobOutput(JsonSerializer.Serialize(result, Json));
        }
        catch (EquityLimitException e)
        {
            throw new JobFailedException($"{e.Field}: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new JobFailedException($"the computation did not finish within {WorkLimits.Job.WallTime.TotalMinutes:0} minutes");
        }
    }

    private static bool TryRead(string json, out EquityInput input, out string error)
    {
        error = "";
        try
        {
            input = WorkLimits.WithImpliedMode(JsonSerializer.Deserialize<EquityInput>(json, Json) ?? new EquityInput());
            return true;
        }
        catch (JsonException e)
        {
            input = new EquityInput();
            var field = e.Path is null or "$" ? "" : e.Path.TrimStart('$', '.') + ": ";
            error = field + "has the wrong type";
            return false;
        }
    }

    /// <summary>Engine progress to a plain fraction, reported synchronously (the worker samples it).</summary>
    private sealed class Progress(IJobProgress target) : IProgress<EquityProgress>
    {
        public void Report(EquityProgress value) => target.Report(value.Fraction);
    }
}
