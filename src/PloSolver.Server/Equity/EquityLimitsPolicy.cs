using PloSolver.Engine;

namespace PloSolver.Server.Equity;

/// <summary>The work a caller may ask for: anonymous callers less than signed-in users, jobs far more.</summary>
internal sealed record WorkLimits(string Who, EquityLimits Engine, TimeSpan WallTime)
{
    public static readonly WorkLimits Anonymous = new("anonymous callers", new EquityLimits
    {
        Threads = 1,
        ExactVisitBudget = 5_000_000,
        ExactRangeBudget = 5_000_000,
        MaxTrials = 2_000_000,
        MaxTime = TimeSpan.FromSeconds(2),
    }, TimeSpan.FromSeconds(3));

    public static readonly WorkLimits SignedIn = new("signed-in users", new EquityLimits
    {
        Threads = 1,
        MaxTrials = 20_000_000,
        MaxTime = TimeSpan.FromSeconds(10),
    }, TimeSpan.FromSeconds(15));

    /// <summary>Long equity jobs: every core, ten minutes, a hundred times the interactive budgets.</summary>
    public static readonly WorkLimits Job = new("jobs", new EquityLimits
    {
        Threads = 0,
        ExactVisitBudget = 2_000_000_000,
        ExactRangeBudget = 3_000_000_000,
        MaxTrials = 10_000_000_000,
        MaxTime = TimeSpan.FromMinutes(10),
    }, TimeSpan.FromMinutes(15));

    /// <summary>As on the command line, a trial count, precision target or time limit without a mode asks for
    /// Monte Carlo (in auto mode a single board would be enumerated exactly and the option ignored).</summary>
    public static EquityInput WithImpliedMode(EquityInput input) =>
        input.Mode is null && (input.Trials is not null || input.TargetStdErr is not null || input.TimeLimitMs is not null)
            ? input with { Mode = "montecarlo" }
            : input;

    /// <summary>Checks the request against these limits (the engine would silently cap instead).</summary>
    public Dictionary<string, string[]> Check(EquityInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var hint = this == Job ? "" : "; queue a job (POST /api/jobs) for longer work";
        if (input.Trials > Engine.MaxTrials)
        {
            errors["trials"] = [$"at most {Engine.MaxTrials:N0} trials for {Who}{hint}"];
        }
        if (input.TimeLimitMs is { } ms && Engine.MaxTime is { } max && ms > max.TotalMilliseconds)
        {
            errors["timeLimitMs"] = [$"at most {max.TotalMilliseconds:0} ms for {Who}{hint}"];
        }
        return errors;
    }
}
