using System.Diagnostics;

namespace PloSolver.Engine;

/// <summary>When a Monte Carlo run stops.</summary>
/// <param name="Trials">Upper bound on trials.</param>
/// <param name="TargetStdErr">Stop once every player's standard error (percentage points) is at most this.</param>
/// <param name="TimeLimit">Stop at the first batch boundary after this much time.</param>
/// <param name="Seed">The same seed gives the same answer on any number of threads (unless the time limit ends
/// the run).</param>
internal sealed record MonteCarloLimits(long Trials, double? TargetStdErr, TimeSpan? TimeLimit, ulong Seed);

/// <summary>
/// Monte Carlo equity for known hands on one or two boards. Trials run in fixed chunks, each with its own
/// generator seeded by (seed, chunk index) and a fresh copy of the deck, and chunks are summed as integers, so
/// a result depends only on which chunks ran, never on the thread that ran them. Stopping rules are checked
/// between batches of chunks whose boundaries are fixed, which keeps precision-targeted runs deterministic too.
/// </summary>
internal static class MonteCarloSampler
{
    public const int ChunkTrials = 1 << 14;
    private const int ChunksPerBatch = 16;

    public static MonteCarloTotals Run(PreparedHand[] hands, Card[][] boards, ulong dead, bool hiLo, MonteCarloLimits limits,
        ParallelOptions parallel, IProgress<EquityProgress>? progress, Stopwatch clock)
    {
        var used = dead;
        foreach (var hand in hands)
        {
            used |= hand.Mask;
        }
        foreach (var board in boards)
        {
            used |= Card.ToMask(board);
        }
        var deck = Card.FromMask(~used & ((1UL << Card.DeckSize) - 1));
        var totals = new MonteCarloTotals(hands.Length, boards.Length);
        var chunks = (limits.Trials + ChunkTrials - 1) / ChunkTrials;
        var gate = new object();
        var started = clock.Elapsed;

        for (long next = 0; next < chunks;)
        {
            var end = Math.Min(chunks, next + ChunksPerBatch);
            Parallel.For(next, end, parallel, () => new MonteCarloTotals(hands.Length, boards.Length), (chunk, _, local) =>
            {
                var trials = (int)Math.Min(ChunkTrials, limits.Trials - chunk * ChunkTrials);
                RunChunk(hands, boards, deck, hiLo, new Xoshiro(limits.Seed, (ulong)chunk), trials, local);
                return local;
            }, local => { lock (gate) { totals.Merge(local); } });
            next = end;

            progress?.Report(new EquityProgress((double)next / chunks, totals.Trials));
            if (limits.TargetStdErr is { } target && totals.Trials > 1 && totals.MaxStdErrPercent() <= target)
            {
                break;
            }
            if (limits.TimeLimit is { } limit && clock.Elapsed - started >= limit)
            {
                break;
            }
        }
        return totals;
    }

    private static void RunChunk(PreparedHand[] hands, Card[][] boards, Card[] sourceDeck, bool hiLo, Xoshiro rng, int trials, MonteCarloTotals tally)
    {
        var players = hands.Length;
        var deck = (Card[])sourceDeck.Clone();
        var boardCount = boards.Length;
        var full = new Card[boardCount][];
        var missing = new int[boardCount];
        var dealt = 0;
        for (var b = 0; b < boardCount; b++)
        {
            full[b] = new Card[5];
            boards[b].CopyTo(full[b], 0);
            missing[b] = 5 - boards[b].Length;
            dealt += missing[b];
        }
        var potTotal = BoardTally.Pot * boardCount;
        Span<ushort> hi = stackalloc ushort[players];
        Span<ushort> lo = stackalloc ushort[hiLo ? players : 0];
        Span<int> hiUnits = stackalloc int[players];
        Span<int> loUnits = stackalloc int[players];
        Span<int> total = stackalloc int[players];

        for (var t = 0; t < trials; t++)
        {
            // Partial Fisher–Yates: the first `dealt` deck positions become a uniform random sample.
            for (var i = 0; i < dealt; i++)
            {
                var j = i + Xoshiro.Below((uint)(rng.Next() >> 32), deck.Length - i);
                (deck[i], deck[j]) = (deck[j], deck[i]);
            }
            total.Clear();
            var position = 0;
            for (var b = 0; b < boardCount; b++)
            {
                var board = full[b];
                for (var i = 5 - missing[b]; i < 5; i++)
                {
                    board[i] = deck[position++];
                }
                var summary = BoardSummary.Of(board);
                for (var p = 0; p < players; p++)
                {
                    hi[p] = hands[p].High(summary);
                    if (hiLo)
                    {
                        lo[p] = hands[p].Low(summary.LowMask);
                    }
                }
                Showdown.Resolve(hi, lo, hiUnits, loUnits);
                var boardTally = tally.Boards[b];
                for (var p = 0; p < players; p++)
                {
                    var share = hiUnits[p] + loUnits[p];
                    total[p] += share;
                    boardTally.Share[p] += share;
                    boardTally.Hi[p] += hiUnits[p];
                    boardTally.Lo[p] += loUnits[p];
                    if (share == BoardTally.Pot)
                    {
                        boardTally.Win[p]++;
                    }
                    else if (share > 0)
                    {
                        boardTally.Tie[p]++;
                    }
                }
            }
            for (var p = 0; p < players; p++)
            {
                var share = total[p];
                tally.Share[p] += share;
                tally.SumSquares[p] += (long)share * share;
                if (share == potTotal)
                {
                    tally.Win[p]++;
                }
                else if (share > 0)
                {
                    tally.Tie[p]++;
                }
            }
        }
        tally.Trials += trials;
        foreach (var board in tally.Boards)
        {
            board.Deals += trials;
        }
    }
}

/// <summary>Integer sums of a Monte Carlo run (or of one chunk of it).</summary>
internal sealed class MonteCarloTotals
{
    public MonteCarloTotals(int players, int boards)
    {
        Share = new long[players];
        SumSquares = new Int128[players];
        Win = new long[players];
        Tie = new long[players];
        Boards = new BoardTally[boards];
        for (var b = 0; b < boards; b++)
        {
            Boards[b] = new BoardTally(players);
        }
    }

    public long Trials { get; set; }

    /// <summary>Pot units won over all boards.</summary>
    public long[] Share { get; }

    /// <summary>Sum over trials of the squared pot units won, for the standard error.</summary>
    public Int128[] SumSquares { get; }

    /// <summary>Trials in which the player won everything alone.</summary>
    public long[] Win { get; }

    /// <summary>Trials in which the player won part of the pot.</summary>
    public long[] Tie { get; }

    public BoardTally[] Boards { get; }

    public int PotUnits => BoardTally.Pot * Boards.Length;

    public void Merge(MonteCarloTotals other)
    {
        Trials += other.Trials;
        for (var p = 0; p < Share.Length; p++)
        {
            Share[p] += other.Share[p];
            SumSquares[p] += other.SumSquares[p];
            Win[p] += other.Win[p];
            Tie[p] += other.Tie[p];
        }
        for (var b = 0; b < Boards.Length; b++)
        {
            Boards[b].Merge(other.Boards[b]);
        }
    }

    /// <summary>Standard error of the player's equity, in percentage points.</summary>
    public double StdErrPercent(int player)
    {
        if (Trials < 2)
        {
            return double.PositiveInfinity;
        }
        double n = Trials;
        var mean = Share[player] / (n * PotUnits);
        var meanSquare = (double)SumSquares[player] / (n * PotUnits * PotUnits);
        var variance = Math.Max(0, meanSquare - mean * mean) * n / (n - 1);
        return 100 * Math.Sqrt(variance / n);
    }

    public double MaxStdErrPercent()
    {
        var max = 0.0;
        for (var p = 0; p < Share.Length; p++)
        {
            max = Math.Max(max, StdErrPercent(p));
        }
        return max;
    }
}
