using System.Diagnostics;

namespace PloSolver.Engine;

/// <summary>Limits a caller puts on one computation.</summary>
public sealed record EquityLimits
{
    /// <summary>Worker threads; 0 uses every core.</summary>
    public int Threads { get; init; }

    /// <summary>Most hand evaluations (board completions visited × players) an exact double-board enumeration
    /// may make before <see cref="EquityMode.Auto"/> falls back to Monte Carlo and <see cref="EquityMode.Exact"/>
    /// is refused. The default admits every spot the enumeration supports (at most about 7 million); callers
    /// such as the server set smaller budgets.</summary>
    public long ExactVisitBudget { get; init; } = 20_000_000;

    /// <summary>Most hand evaluations (board completions × the product of the players' hand counts) an exact
    /// enumeration with ranges may make: any hand against any PLO4 range on the turn fits (44 × 123,410).</summary>
    public double ExactRangeBudget { get; init; } = 30_000_000;

    /// <summary>Most Monte Carlo trials.</summary>
    public long MaxTrials { get; init; } = EquityProblem.MaxTrials;

    /// <summary>Longest Monte Carlo run; a request's own time limit can only be shorter.</summary>
    public TimeSpan? MaxTime { get; init; }
}

/// <summary>The equity request could not be met within the caller's limits.</summary>
public sealed class EquityLimitException(string field, string message) : Exception(message)
{
    /// <summary>The request field to change.</summary>
    public string Field { get; } = field;
}

/// <summary>
/// Computes equities: exact by counting boards (one board: <see cref="BoardCounter"/> preflop,
/// <see cref="RunoutCounter"/> from the flop on) or by enumerating both boards' completions (two boards) when that
/// fits the budget, otherwise by Monte Carlo.
/// </summary>
public static class EquityCalculator
{
    /// <summary>Computes the equity of every player.</summary>
    /// <exception cref="EquityLimitException">Exact enumeration was demanded but exceeds the budget.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static EquityResult Calculate(EquityProblem problem, EquityLimits? limits = null, IProgress<EquityProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        limits ??= new EquityLimits();
        var clock = Stopwatch.StartNew();
        var parallel = new ParallelWork(limits.Threads > 0 ? limits.Threads : Environment.ProcessorCount, cancellationToken);
        var hands = problem.HasRanges ? [] : problem.Hands.Select(h => new PreparedHand(h)).ToArray();
        var boards = problem.Boards.ToArray();
        var dead = problem.DeadMask;

        var rangePlayers = problem.HasRanges
            ? problem.Ranges.Select((range, p) => range is null ? new PlayerHands(problem.Hands[p]) : range.Flat).ToArray()
            : null;
        var exact = ChooseExact(problem, limits, rangePlayers);
        EquityResult result;
        if (exact && rangePlayers is not null)
        {
            var (tally, deals) = RangeEnumerator.Enumerate(rangePlayers, boards[0], dead, problem.HiLo, parallel);
            result = SingleBoardResult(problem, tally, deals, clock);
        }
        else if (exact && boards.Length == 1)
        {
            var tally = boards[0].Length >= 5 - RunoutCounter.MaxMissing
                ? RunoutCounter.Count(hands, boards[0], dead, problem.HiLo)
                : BoardCounter.Count(hands, boards[0], dead, problem.HiLo, parallel);
            result = SingleBoardResult(problem, tally, tally.Deals, clock);
        }
        else if (exact)
        {
            var totals = DoubleBoardEnumerator.Enumerate(hands, boards[0], boards[1], dead, problem.HiLo, parallel, progress);
            result = DoubleBoardResult(problem, totals, clock);
        }
        else
        {
            // Without a trial count: the default count, or with only a precision target a cap that still ends in
            // about a minute, or with a time limit the caller's ceiling (time ends the run).
            var trials = Math.Min(limits.MaxTrials, problem.Trials ?? (problem.TimeLimit, problem.TargetStdErr) switch
            {
                (null, null) => EquityProblem.DefaultTrials,
                (null, _) => EquityProblem.TargetTrialCap,
                _ => limits.MaxTrials,
            });
            var time = (problem.TimeLimit, limits.MaxTime) switch
            {
                ({ } a, { } b) => a < b ? a : b,
                (var a, var b) => a ?? b,
            };
            var monteCarloLimits = new MonteCarloLimits(trials, problem.TargetStdErr, time, problem.Seed);
            var totals = problem.HasRanges
                ? MonteCarloSampler.RunRanges([.. problem.Ranges.Select((range, p) => range is null ? new HandSource(problem.Hands[p]) : new HandSource(range))],
                    problem.Game.HoleCards(), boards, dead, problem.HiLo, monteCarloLimits, parallel, progress, clock)
                : MonteCarloSampler.Run(hands, boards, dead, problem.HiLo, monteCarloLimits, parallel, progress, clock);
            result = MonteCarloResult(problem, totals, clock);
        }
        progress?.Report(new EquityProgress(1, result.Deals));
        return result;
    }

    private static bool ChooseExact(EquityProblem problem, EquityLimits limits, PlayerHands[]? rangePlayers)
    {
        if (problem.Mode == EquityMode.MonteCarlo)
        {
            return false;
        }
        string? refusal;
        if (rangePlayers is not null)
        {
            // Ranges: one board, at most three ranges, completions × hands within the budget.
            var ranges = rangePlayers.Count(p => !p.IsKnownHand);
            var work = RangeEnumerator.Work(rangePlayers, problem.AvailableCards - ranges * problem.Game.HoleCards(), 5 - problem.Boards[0].Length);
            refusal = problem.Boards.Count == 2 ? "exact equity with ranges takes one board; use montecarlo"
                : ranges > RangeEnumerator.MaxRanges ? $"exact equity takes at most {RangeEnumerator.MaxRanges} ranges; use montecarlo"
                : work > limits.ExactRangeBudget ? $"exact enumeration of these ranges on this board needs {work:0.#e0} hand evaluations, over the budget of {limits.ExactRangeBudget:0.#e0}; use montecarlo, deal more board cards or narrow the ranges"
                : null;
        }
        else if (problem.Boards.Count == 1)
        {
            return true; // counting costs at most a few thousand patterns and their flush corrections
        }
        else
        {
            var missing1 = 5 - problem.Boards[0].Length;
            var missing2 = 5 - problem.Boards[1].Length;
            var fits = DoubleBoardEnumerator.Supports(missing1, missing2)
                && DoubleBoardEnumerator.Visits(problem.AvailableCards, missing1, missing2) * problem.Inputs.Count <= limits.ExactVisitBudget;
            refusal = fits ? null : "exact double-board enumeration of these boards exceeds the work budget; use montecarlo or deal more board cards";
        }
        if (refusal is not null && problem.Mode == EquityMode.Exact)
        {
            throw new EquityLimitException("mode", refusal);
        }
        return refusal is null;
    }

    private static double Percent(long part, long whole) => whole == 0 ? 0 : 100.0 * part / whole;

    private static BoardEquity BoardResult(BoardTally tally, int p, bool hiLo) => new(
        Percent(tally.Share[p], tally.Deals * BoardTally.Pot),
        Percent(tally.Win[p], tally.Deals),
        Percent(tally.Tie[p], tally.Deals),
        hiLo ? Percent(tally.Hi[p], tally.Deals * BoardTally.Pot) : null,
        hiLo ? Percent(tally.Lo[p], tally.Deals * BoardTally.Pot) : null);

    private static EquityResult SingleBoardResult(EquityProblem problem, BoardTally tally, long deals, Stopwatch clock)
    {
        var players = new PlayerEquity[problem.Inputs.Count];
        for (var p = 0; p < players.Length; p++)
        {
            var board = BoardResult(tally, p, problem.HiLo);
            players[p] = new PlayerEquity(problem.Inputs[p], board.Equity, board.Win, board.Tie, problem.HiLo ? board.Win : null, null, [board]);
        }
        return new EquityResult(true, deals, clock.Elapsed.TotalMilliseconds, players);
    }

    private static EquityResult DoubleBoardResult(EquityProblem problem, DoubleBoardTotals totals, Stopwatch clock)
    {
        var players = new PlayerEquity[problem.Inputs.Count];
        var deals = totals.Deals;
        for (var p = 0; p < players.Length; p++)
        {
            var boards = totals.Boards.Select(b => BoardResult(b, p, problem.HiLo)).ToArray();
            var share = totals.Boards[0].Share[p] + totals.Boards[1].Share[p];
            var scoop = Percent(totals.Scoop[p], deals);
            var tie = 100 - Percent(totals.BothZero[p], deals) - scoop;
            players[p] = new PlayerEquity(problem.Inputs[p], Percent(share, 2 * deals * BoardTally.Pot), scoop, tie, scoop, null, boards);
        }
        return new EquityResult(true, deals, clock.Elapsed.TotalMilliseconds, players);
    }

    private static EquityResult MonteCarloResult(EquityProblem problem, MonteCarloTotals totals, Stopwatch clock)
    {
        var players = new PlayerEquity[problem.Inputs.Count];
        var scoopShown = problem.HiLo || totals.Boards.Length == 2;
        for (var p = 0; p < players.Length; p++)
        {
            var win = Percent(totals.Win[p], totals.Trials);
            players[p] = new PlayerEquity(problem.Inputs[p], Percent(totals.Share[p], totals.Trials * totals.PotUnits), win,
                Percent(totals.Tie[p], totals.Trials), scoopShown ? win : null,
                totals.Trials >= 2 ? totals.StdErrPercent(p) : null, // one trial has no spread to measure
                [.. totals.Boards.Select(b => BoardResult(b, p, problem.HiLo))]);
        }
        return new EquityResult(false, totals.Trials, clock.Elapsed.TotalMilliseconds, players);
    }
}
