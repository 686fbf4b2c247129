namespace PloSolver.Engine;

/// <summary>
/// The answer to an equity question, in the JSON shape of <c>POST /api/equity</c> and <c>plosolver equity
/// --json</c>. Percentages are 0–100 and unrounded.
/// </summary>
/// <param name="Exact">Whether every deal was enumerated (else Monte Carlo).</param>
/// <param name="Deals">Deals enumerated, or Monte Carlo trials run.</param>
/// <param name="ElapsedMs">Time spent computing, in milliseconds (in a fresh process it includes start-up work).</param>
/// <param name="Players">One entry per player, in input order.</param>
public sealed record EquityResult(bool Exact, long Deals, double ElapsedMs, IReadOnlyList<PlayerEquity> Players);

/// <summary>One player's result.</summary>
/// <param name="Input">The player's input as given.</param>
/// <param name="Equity">Expected share of the whole pot, in percent.</param>
/// <param name="Win">Deals in which the player wins the whole pot alone, in percent.</param>
/// <param name="Tie">Deals in which the player wins part of the pot, in percent.</param>
/// <param name="Scoop">With hi-lo or two boards: deals in which the player wins every part of the pot alone
/// (both halves, both boards), in percent; equal to <paramref name="Win"/>.</param>
/// <param name="StdErr">Monte Carlo standard error of <paramref name="Equity"/>, in percentage points.</param>
/// <param name="Boards">Per-board results (each board's half of a double-board pot counted as 100%).</param>
public sealed record PlayerEquity(string Input, double Equity, double Win, double Tie, double? Scoop, double? StdErr, IReadOnlyList<BoardEquity> Boards);

/// <summary>One player's result on one board.</summary>
/// <param name="Equity">Expected share of this board's pot, in percent.</param>
/// <param name="Win">Deals in which the player wins this board's pot alone, in percent.</param>
/// <param name="Tie">Deals in which the player wins part of this board's pot, in percent.</param>
/// <param name="Hi">With hi-lo: the part of <paramref name="Equity"/> won with the high hand (including whole
/// pots when no low qualifies).</param>
/// <param name="Lo">With hi-lo: the part of <paramref name="Equity"/> won with the low hand.</param>
public sealed record BoardEquity(double Equity, double Win, double Tie, double? Hi, double? Lo);

/// <summary>How far a long computation has got.</summary>
/// <param name="Fraction">0 to 1.</param>
/// <param name="Deals">Monte Carlo trials done so far; exact enumerations give the deal count with the final
/// report (fraction 1) and 0 before it.</param>
public readonly record struct EquityProgress(double Fraction, long Deals);
