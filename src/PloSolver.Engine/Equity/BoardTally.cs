namespace PloSolver.Engine;

/// <summary>
/// Integer accumulators for one board: every deal's pot is <see cref="Pot"/> units, so any split among up to nine
/// winners, of the whole pot or of a hi-lo half, is a whole number of units. Sums of integers do not depend on
/// the order they are added in, which is what makes results identical for any thread count.
/// </summary>
internal sealed class BoardTally
{
    /// <summary>Units in one board's pot: divisible by 1..9 and by 2 × 1..9.</summary>
    public const int Pot = 5040;

    public const int Half = Pot / 2;

    public BoardTally(int players)
    {
        Share = new long[players];
        Win = new long[players];
        Tie = new long[players];
        Hi = new long[players];
        Lo = new long[players];
    }

    /// <summary>Weighted number of deals.</summary>
    public long Deals { get; set; }

    /// <summary>Pot units won, summed over deals.</summary>
    public long[] Share { get; }

    /// <summary>Deals in which the player won the whole pot alone.</summary>
    public long[] Win { get; }

    /// <summary>Deals in which the player won part of the pot.</summary>
    public long[] Tie { get; }

    /// <summary>Pot units won with the high hand.</summary>
    public long[] Hi { get; }

    /// <summary>Pot units won with the low hand.</summary>
    public long[] Lo { get; }

    /// <summary>Adds a showdown with the given high (and, for hi-lo, low) values, <paramref name="weight"/> times
    /// (negative weights take a showdown back out).</summary>
    public void Add(ReadOnlySpan<ushort> hi, ReadOnlySpan<ushort> lo, long weight)
    {
        if (lo.IsEmpty)
        {
            AddHigh(hi, weight);
            return;
        }
        Span<int> hiUnits = stackalloc int[hi.Length];
        Span<int> loUnits = stackalloc int[hi.Length];
        Showdown.Resolve(hi, lo, hiUnits, loUnits);
        for (var p = 0; p < hi.Length; p++)
        {
            var share = hiUnits[p] + loUnits[p];
            Share[p] += weight * share;
            Hi[p] += weight * hiUnits[p];
            Lo[p] += weight * loUnits[p];
            if (share == Pot)
            {
                Win[p] += weight;
            }
            else if (share > 0)
            {
                Tie[p] += weight;
            }
        }
    }

    // High only: the best value's holders split the pot.
    private void AddHigh(ReadOnlySpan<ushort> hi, long weight) => AddWinners(HighWinners(hi), weight);

    /// <summary>The players holding the best high value, as a bit mask (bit p: player p).</summary>
    public static int HighWinners(ReadOnlySpan<ushort> hi)
    {
        var best = 0;
        for (var p = 0; p < hi.Length; p++)
        {
            best = HandValues.Max(best, hi[p]);
        }
        var winners = 0;
        for (var p = 0; p < hi.Length; p++)
        {
            winners |= (hi[p] == best ? 1 : 0) << p;
        }
        return winners;
    }

    /// <summary>Adds <paramref name="weight"/> high-only showdowns won by the players of the mask
    /// <paramref name="winners"/>, who split the pot.</summary>
    public void AddWinners(int winners, long weight)
    {
        var units = weight * (Pot / System.Numerics.BitOperations.PopCount((uint)winners));
        var counts = (winners & (winners - 1)) == 0 ? Win : Tie;
        for (var rest = winners; rest != 0; rest &= rest - 1)
        {
            var p = System.Numerics.BitOperations.TrailingZeroCount(rest);
            Share[p] += units;
            Hi[p] += units;
            counts[p] += weight;
        }
    }

    public void Merge(BoardTally other)
    {
        Deals += other.Deals;
        for (var p = 0; p < Share.Length; p++)
        {
            Share[p] += other.Share[p];
            Win[p] += other.Win[p];
            Tie[p] += other.Tie[p];
            Hi[p] += other.Hi[p];
            Lo[p] += other.Lo[p];
        }
    }
}

/// <summary>Who wins what at one board's showdown.</summary>
internal static class Showdown
{
    /// <summary>
    /// Splits one board's <see cref="BoardTally.Pot"/> units: the best high hands share the pot, or with hi-lo
    /// (non-empty <paramref name="lo"/>) and at least one qualifying low, the best highs share one half and the
    /// best lows the other. Ties split equally among the k winners.
    /// </summary>
    public static void Resolve(ReadOnlySpan<ushort> hi, ReadOnlySpan<ushort> lo, Span<int> hiUnits, Span<int> loUnits)
    {
        var bestHi = 0;
        var bestLo = 0;
        for (var p = 0; p < hi.Length; p++)
        {
            bestHi = Math.Max(bestHi, hi[p]);
        }
        for (var p = 0; p < lo.Length; p++)
        {
            bestLo = Math.Max(bestLo, lo[p]);
        }
        var hiWinners = 0;
        var loWinners = 0;
        for (var p = 0; p < hi.Length; p++)
        {
            hiWinners += hi[p] == bestHi ? 1 : 0;
            loWinners += bestLo != 0 && lo[p] == bestLo ? 1 : 0;
        }
        var hiPot = bestLo == 0 ? BoardTally.Pot : BoardTally.Half;
        var hiEach = hiPot / hiWinners;
        var loEach = loWinners == 0 ? 0 : BoardTally.Half / loWinners;
        for (var p = 0; p < hi.Length; p++)
        {
            hiUnits[p] = hi[p] == bestHi ? hiEach : 0;
            loUnits[p] = bestLo != 0 && lo[p] == bestLo ? loEach : 0;
        }
    }
}
