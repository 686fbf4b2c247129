using PloSolver.Server.Infrastructure;
using PloSolver.Solver;

namespace PloSolver.Server.Solving;

/// <summary>
/// A spot as the server takes it: read with the solver's own spot-file reader (so the messages are the CLI's),
/// capped at the server's limits, and checked by building its tree. Errors are keyed by the field the solver names,
/// under a prefix (<c>input.</c> for a job, none for an estimate); errors about the spot as a whole go under a key
/// of their own (<c>input</c>, <c>spot</c>).
/// </summary>
internal static class SpotChecks
{
    /// <summary>The most iterations a job may ask for; time and memory are the limits that matter, this only keeps
    /// the history of a runaway target bounded.</summary>
    public const int MaxIterations = 1_000_000;

    /// <summary>Reads a spot and caps its limits; null with <paramref name="errors"/> filled when it does not read.</summary>
    public static Spot? Read(string json, ServerSettings settings, string prefix, string wholeKey, out Dictionary<string, string[]> errors)
    {
        errors = [];
        try
        {
            var spot = SpotFile.Parse(json);
            spot.MaxMemoryMb = Math.Min(spot.MaxMemoryMb, settings.SolverMaxMemoryBytes / 1048576.0);
            spot.TimeLimitSeconds = Math.Min(spot.TimeLimitSeconds, settings.SolverMaxTime.TotalSeconds);
            spot.MaxIterations = Math.Min(spot.MaxIterations, MaxIterations);
            return spot;
        }
        catch (SpotException e)
        {
            errors = Errors(e, prefix, wholeKey);
            return null;
        }
    }

    /// <summary>Builds the spot's tree and estimates it; errors (a bad field, a tree too big, ranges that never meet)
    /// come back keyed like <see cref="Read"/>'s. <paramref name="memoryProblem"/> says why the spot does not fit its
    /// memory limit (already capped at the server's), or is null.</summary>
    public static TreeEstimate? Estimate(Spot spot, string prefix, string wholeKey, out Dictionary<string, string[]> errors, out string? memoryProblem)
    {
        errors = [];
        memoryProblem = null;
        try
        {
            var estimate = PostflopSolver.Estimate(spot);
            memoryProblem = PostflopSolver.MemoryProblem(estimate, MemoryLimit(spot));
            return estimate;
        }
        catch (SpotException e)
        {
            errors = Errors(e, prefix, wholeKey);
            return null;
        }
    }

    public static long MemoryLimit(Spot spot) => (long)(spot.MaxMemoryMb * 1048576);

    /// <summary>The solver's message under the field it names, without the field's name repeated.</summary>
    public static Dictionary<string, string[]> Errors(SpotException e, string prefix, string wholeKey)
    {
        const string Invalid = "not a valid spot file: ";
        var message = e.Message;
        if (e.Field is { } field && (message.StartsWith(field + ": ", StringComparison.Ordinal) || message.StartsWith(field + ", ", StringComparison.Ordinal)))
        {
            message = message[(field.Length + 2)..];
        }
        else if (message.StartsWith(Invalid, StringComparison.Ordinal))
        {
            message = message[Invalid.Length..];
        }
        return new() { [e.Field is null ? wholeKey : prefix + e.Field] = [message] };
    }
}
