using System.Runtime.CompilerServices;

namespace PloSolver.Engine;

/// <summary>
/// One Omaha hand with its pair indexes worked out once, so that evaluating it on many boards costs only table
/// lookups: the non-flush value is the best of its pairs' entries in the board pattern's row of
/// <see cref="OmahaTables.PairRows"/>, the flush value the best of its same-suit pairs in
/// <see cref="OmahaTables.FlushPairs"/>.
/// </summary>
internal sealed class PreparedHand
{
    // The shared tables, held per instance: reading an instance field costs nothing, while a static field of a
    // class that was not yet initialised when a hot loop was compiled costs an init check on every read.
    private readonly ushort[] _pairRows = OmahaTables.PairRows;
    private readonly ushort[] _flushPairs = OmahaTables.FlushPairs;
    private readonly ushort[] _lows = LowTables.OmahaLow;

    public PreparedHand(ReadOnlySpan<Card> cards)
    {
        Cards = cards.ToArray();
        Mask = Card.ToMask(cards);
        var pairs = new List<byte>(15);
        var suited = new List<byte>[4];
        for (var s = 0; s < 4; s++)
        {
            suited[s] = [];
        }
        for (var i = 0; i < cards.Length; i++)
        {
            LowMask |= LowTables.LowBit(cards[i].Rank);
            for (var j = i + 1; j < cards.Length; j++)
            {
                var (lo, hi) = cards[i].Rank <= cards[j].Rank ? (cards[i].Rank, cards[j].Rank) : (cards[j].Rank, cards[i].Rank);
                var pair = (byte)Combinatorics.PairIndex(lo, hi);
                pairs.Add(pair);
                if (cards[i].Suit == cards[j].Suit)
                {
                    suited[cards[i].Suit].Add(pair);
                }
            }
        }
        Pairs = [.. pairs];
        SuitedPairs = [.. suited[0], .. suited[1], .. suited[2], .. suited[3]];
        SuitedStart = new byte[5];
        for (var s = 0; s < 4; s++)
        {
            SuitedStart[s + 1] = (byte)(SuitedStart[s] + suited[s].Count);
        }
    }

    public Card[] Cards { get; }

    public ulong Mask { get; }

    /// <summary>Low bits (ace = bit 0 .. eight = bit 7) of the hand's cards.</summary>
    public int LowMask { get; }

    /// <summary>Pair index of every two-card combination.</summary>
    public byte[] Pairs { get; }

    /// <summary>Pair indexes of same-suit combinations, grouped by suit (see <see cref="SuitedStart"/>).</summary>
    public byte[] SuitedPairs { get; }

    /// <summary>SuitedPairs[SuitedStart[s]..SuitedStart[s + 1]] are the pairs of suit s.</summary>
    public byte[] SuitedStart { get; }

    /// <summary>Non-flush value by board pattern, once <see cref="BuildLookupTables"/> has run.</summary>
    private ushort[]? _byPattern;

    /// <summary>Flush value by board suit rank mask, per suit the hand can flush in.</summary>
    private ushort[]?[]? _flushByMask;

    /// <summary>
    /// Tabulates the hand's value for every board pattern (12 KB) and every board suit mask of its flush suits
    /// (16 KB each). Random boards then cost one lookup in tables small enough to stay in cache, instead of a
    /// miss into the 2.6 MB shared tables: worth it when the hand meets thousands of random boards.
    /// </summary>
    public void BuildLookupTables()
    {
        var byPattern = new ushort[Combinatorics.RankPatterns5];
        for (var pattern = 0; pattern < byPattern.Length; pattern++)
        {
            byPattern[pattern] = NonFlush(pattern);
        }
        var flushByMask = new ushort[]?[4];
        for (var suit = 0; suit < 4; suit++)
        {
            if (!CanFlush(suit))
            {
                continue;
            }
            var table = new ushort[1 << 13];
            for (var mask = 0; mask < table.Length; mask++)
            {
                if (System.Numerics.BitOperations.PopCount((uint)mask) is >= 3 and <= 5)
                {
                    table[mask] = Flush(suit, mask);
                }
            }
            flushByMask[suit] = table;
        }
        _flushByMask = flushByMask;
        _byPattern = byPattern;
    }

    /// <summary>Value on a summarised board using the tables of <see cref="BuildLookupTables"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ushort HighFromLookupTables(in BoardSummary board)
    {
        var value = _byPattern![board.Pattern];
        if (board.FlushSuit >= 0 && _flushByMask![board.FlushSuit] is { } flush)
        {
            value = Math.Max(value, flush[board.FlushRanks]);
        }
        return value;
    }

    /// <summary>Whether the hand holds two or more cards of the suit (so it can make a flush).</summary>
    public bool CanFlush(int suit) => SuitedStart[suit + 1] != SuitedStart[suit];

    /// <summary>Best non-flush value on a five-card board with the given rank pattern.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ushort NonFlush(int pattern)
    {
        var row = _pairRows.AsSpan(pattern * Combinatorics.RankPairs, Combinatorics.RankPairs);
        var best = 0;
        foreach (var pair in Pairs)
        {
            best = HandValues.Max(best, row[pair]);
        }
        return (ushort)best;
    }

    /// <summary>Best flush with two hole cards of <paramref name="suit"/> and three board cards of the
    /// 13-bit rank mask <paramref name="boardSuitRanks"/> (three or more ranks), 0 if the hand has none.</summary>
    public ushort Flush(int suit, int boardSuitRanks)
    {
        var row = _flushPairs.AsSpan(boardSuitRanks * Combinatorics.RankPairs, Combinatorics.RankPairs);
        var best = 0;
        for (var i = SuitedStart[suit]; i < SuitedStart[suit + 1]; i++)
        {
            best = HandValues.Max(best, row[SuitedPairs[i]]);
        }
        return (ushort)best;
    }

    /// <summary>Value on a board summarised by <paramref name="board"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ushort High(in BoardSummary board)
    {
        var value = NonFlush(board.Pattern);
        if (board.FlushSuit >= 0)
        {
            value = Math.Max(value, Flush(board.FlushSuit, board.FlushRanks));
        }
        return value;
    }

    /// <summary>Best eight-or-better low on a board with the given low mask, 0 for none.</summary>
    public ushort Low(int boardLowMask) => _lows[boardLowMask << 8 | LowMask];
}

/// <summary>
/// Omaha high evaluation with no per-hand preparation, for one-off (hand, board) pairs: the pair indexes are
/// looked up as the hole cards are read.
/// </summary>
internal static class DirectOmaha
{
    // Pair index of two ranks in either order.
    private static readonly byte[] PairOfRanks = BuildPairOfRanks();

    public static ushort High(ReadOnlySpan<Card> hole, ReadOnlySpan<Card> board) => High(hole, BoardSummary.Of(board));

    public static ushort High(ReadOnlySpan<Card> hole, in BoardSummary summary)
    {
        var row = OmahaTables.PairRows.AsSpan(summary.Pattern * Combinatorics.RankPairs, Combinatorics.RankPairs);
        var best = 0;
        for (var i = 0; i < hole.Length; i++)
        {
            var ri = hole[i].Rank * 13;
            for (var j = i + 1; j < hole.Length; j++)
            {
                best = HandValues.Max(best, row[PairOfRanks[ri + hole[j].Rank]]);
            }
        }
        if (summary.FlushSuit >= 0)
        {
            var flushRow = OmahaTables.FlushPairs.AsSpan(summary.FlushRanks * Combinatorics.RankPairs, Combinatorics.RankPairs);
            for (var i = 0; i < hole.Length; i++)
            {
                if (hole[i].Suit != summary.FlushSuit)
                {
                    continue;
                }
                for (var j = i + 1; j < hole.Length; j++)
                {
                    if (hole[j].Suit == summary.FlushSuit)
                    {
                        best = HandValues.Max(best, flushRow[PairOfRanks[hole[i].Rank * 13 + hole[j].Rank]]);
                    }
                }
            }
        }
        return (ushort)best;
    }

    private static byte[] BuildPairOfRanks()
    {
        var table = new byte[13 * 13];
        for (var a = 0; a < 13; a++)
        {
            for (var b = 0; b < 13; b++)
            {
                table[a * 13 + b] = (byte)Combinatorics.PairIndex(Math.Min(a, b), Math.Max(a, b));
            }
        }
        return table;
    }
}

/// <summary>What an Omaha evaluation needs to know about a five-card board.</summary>
internal readonly struct BoardSummary
{
    public BoardSummary(int pattern, int flushSuit, int flushRanks, int lowMask)
    {
        Pattern = pattern;
        FlushSuit = flushSuit;
        FlushRanks = flushRanks;
        LowMask = lowMask;
    }

    /// <summary>Colex index of the board's rank multiset.</summary>
    public int Pattern { get; }

    /// <summary>The suit with three or more board cards, or -1 (five cards cannot hold two such suits).</summary>
    public int FlushSuit { get; }

    /// <summary>Rank mask of the board cards of <see cref="FlushSuit"/>.</summary>
    public int FlushRanks { get; }

    /// <summary>Low bits of the board's ranks.</summary>
    public int LowMask { get; }

    /// <summary>Summarises five board cards.</summary>
    public static BoardSummary Of(ReadOnlySpan<Card> board) =>
        Of(board[0].Index, board[1].Index, board[2].Index, board[3].Index, board[4].Index);

    /// <summary>Summarises five board cards given by index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static BoardSummary Of(int c0, int c1, int c2, int c3, int c4)
    {
        // Rank masks of the four suits in one ulong (16 bits a suit), and four 4-bit suit counters in one int.
        var bySuit = (1UL << ((c0 & 3) * 16 + (c0 >> 2))) | (1UL << ((c1 & 3) * 16 + (c1 >> 2)))
            | (1UL << ((c2 & 3) * 16 + (c2 >> 2))) | (1UL << ((c3 & 3) * 16 + (c3 >> 2))) | (1UL << ((c4 & 3) * 16 + (c4 >> 2)));
        var counts = (1 << ((c0 & 3) * 4)) + (1 << ((c1 & 3) * 4)) + (1 << ((c2 & 3) * 4)) + (1 << ((c3 & 3) * 4)) + (1 << ((c4 & 3) * 4));
        // Adding 5 to a counter sets its top bit exactly when it is 3 or more.
        var three = (counts + 0x5555) & 0x8888;
        var flushSuit = -1;
        var flushRanks = 0;
        if (three != 0)
        {
            flushSuit = System.Numerics.BitOperations.TrailingZeroCount(three) >> 2;
            flushRanks = (int)(bySuit >> (flushSuit * 16)) & 0x1FFF;
        }
        var low = LowTables.LowBit(c0 >> 2) | LowTables.LowBit(c1 >> 2) | LowTables.LowBit(c2 >> 2) | LowTables.LowBit(c3 >> 2) | LowTables.LowBit(c4 >> 2);
        var pattern = Combinatorics.UnsortedPatternIndex(c0 >> 2, c1 >> 2, c2 >> 2, c3 >> 2, c4 >> 2);
        return new BoardSummary(pattern, flushSuit, flushRanks, low);
    }
}
