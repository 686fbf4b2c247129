using System.Numerics;

namespace PloSolver.Engine;

/// <summary>
/// Exact single-board equity for known hands by counting boards instead of visiting them.
/// <para>Pass 1: a hand's non-flush value depends only on the board's rank multiset, so every completion with
/// the same ranks has the same non-flush showdown. Each rank multiset is visited once and weighted by how many
/// completions have it (a product of binomials over the undealt cards of each rank): 6,175 patterns stand for
/// the 1,086,008 boards of a heads-up PLO4 preflop spot.</para>
/// <para>Pass 2: only boards with three or more cards of one suit (at most one suit can have that many) can
/// change a showdown, and only for suits in which some hand holds two cards. For those, the suited board cards
/// are enumerated as actual cards and the rest as rank multisets again; each such group's counted non-flush
/// showdown is taken back out and the true one put in.</para>
/// </summary>
internal static class BoardCounter
{
    public static BoardTally Count(PreparedHand[] hands, Card[] board, ulong dead, bool hiLo, ParallelOptions parallel)
    {
        var players = hands.Length;
        var missing = 5 - board.Length;
        var used = dead | Card.ToMask(board);
        foreach (var hand in hands)
        {
            used |= hand.Mask;
        }

        Span<int> available = stackalloc int[13];
        var suitAvailable = new int[4];
        for (var c = 0; c < Card.DeckSize; c++)
        {
            if ((used >> c & 1) == 0)
            {
                available[c >> 2]++;
                suitAvailable[c & 3] |= 1 << (c >> 2);
            }
        }

        var known = new KnownBoard(board);
        var total = new BoardTally(players) { Deals = Combinatorics.Choose(Card.DeckSize - BitOperations.PopCount(used), missing) };
        var gate = new object();

        // Pass 1: every rank pattern, with its non-flush showdown.
        var multisets = RankMultiset.Enumerate(missing, available);
        var nonFlush = new ushort[players][];
        for (var p = 0; p < players; p++)
        {
            nonFlush[p] = new ushort[Combinatorics.RankPatterns5];
        }
        Parallel.For(0, ChunkCount(multisets.Length), parallel, () => new BoardTally(players), (chunk, _, tally) =>
        {
            Span<ushort> hi = stackalloc ushort[players];
            Span<ushort> lo = stackalloc ushort[hiLo ? players : 0];
            var (from, to) = ChunkRange(chunk, multisets.Length);
            for (var i = from; i < to; i++)
            {
                var set = multisets[i];
                var pattern = known.PatternWith(set, 0);
                var low = known.LowMask | set.LowMask;
                for (var p = 0; p < players; p++)
                {
                    hi[p] = nonFlush[p][pattern] = hands[p].NonFlush(pattern);
                    if (hiLo)
                    {
                        lo[p] = hands[p].Low(low);
                    }
                }
                tally.Add(hi, lo, set.Weight);
            }
            return tally;
        }, tally => { lock (gate) { total.Merge(tally); } });

        // Pass 2: boards where a suit has three or more cards and some hand can use it.
        var work = new List<(int Suit, int SuitedRanks, RankMultiset[] Others)>();
        for (var suit = 0; suit < 4; suit++)
        {
            if (!Array.Exists(hands, h => h.CanFlush(suit)))
            {
                continue;
            }
            var others = new int[13];
            for (var r = 0; r < 13; r++)
            {
                others[r] = available[r] - (suitAvailable[suit] >> r & 1);
            }
            var knownSuited = BitOperations.PopCount((uint)known.SuitRanks[suit]);
            for (var take = Math.Max(0, 3 - knownSuited); take <= missing; take++)
            {
                var rest = RankMultiset.Enumerate(missing - take, others);
                foreach (var subset in Subsets(suitAvailable[suit], take))
                {
                    work.Add((suit, subset, rest));
                }
            }
        }

        Parallel.For(0, work.Count, parallel, () => new BoardTally(players), (index, _, tally) =>
        {
            var (suit, suited, others) = work[index];
            Span<ushort> flush = stackalloc ushort[players];
            Span<ushort> counted = stackalloc ushort[players];
            Span<ushort> actual = stackalloc ushort[players];
            Span<ushort> lo = stackalloc ushort[hiLo ? players : 0];
            var boardSuitRanks = known.SuitRanks[suit] | suited;
            for (var p = 0; p < players; p++)
            {
                flush[p] = hands[p].CanFlush(suit) ? hands[p].Flush(suit, boardSuitRanks) : (ushort)0;
            }
            var suitedLow = 0;
            for (var r = suited; r != 0; r &= r - 1)
            {
                suitedLow |= LowTables.LowBit(BitOperations.TrailingZeroCount(r));
            }
            foreach (var set in others)
            {
                var pattern = known.PatternWith(set, suited);
                var changed = false;
                for (var p = 0; p < players; p++)
                {
                    counted[p] = nonFlush[p][pattern];
                    actual[p] = Math.Max(counted[p], flush[p]);
                    changed |= actual[p] != counted[p];
                }
                if (!changed)
                {
                    continue;
                }
                if (hiLo)
                {
                    var low = known.LowMask | suitedLow | set.LowMask;
                    for (var p = 0; p < players; p++)
                    {
                        lo[p] = hands[p].Low(low);
                    }
                }
                tally.Add(actual, lo, set.Weight);
                tally.Add(counted, lo, -set.Weight);
            }
            return tally;
        }, tally => { lock (gate) { total.Merge(tally); } });

        return total;
    }

    private const int ChunkSize = 256;

    private static int ChunkCount(int length) => (length + ChunkSize - 1) / ChunkSize;

    private static (int From, int To) ChunkRange(int chunk, int length) =>
        (chunk * ChunkSize, Math.Min(length, (chunk + 1) * ChunkSize));

    /// <summary>Subsets of a 13-bit rank mask with exactly <paramref name="size"/> bits.</summary>
    internal static IEnumerable<int> Subsets(int mask, int size)
    {
        if (size == 0)
        {
            yield return 0;
            yield break;
        }
        for (var subset = mask; subset != 0; subset = (subset - 1) & mask)
        {
            if (BitOperations.PopCount((uint)subset) == size)
            {
                yield return subset;
            }
        }
    }

    /// <summary>The dealt part of a board: its ranks, low bits and per-suit rank masks.</summary>
    private sealed class KnownBoard
    {
        private readonly int[] _ranks;

        public KnownBoard(Card[] board)
        {
            _ranks = [.. board.Select(c => c.Rank)];
            SuitRanks = new int[4];
            foreach (var card in board)
            {
                LowMask |= LowTables.LowBit(card.Rank);
                SuitRanks[card.Suit] |= 1 << card.Rank;
            }
        }

        public int LowMask { get; }

        public int[] SuitRanks { get; }

        /// <summary>Pattern of the dealt ranks plus the ranks of a suited rank mask plus a rank multiset.</summary>
        public int PatternWith(in RankMultiset set, int suitedRanks)
        {
            Span<int> five = stackalloc int[5];
            var n = 0;
            foreach (var rank in _ranks)
            {
                five[n++] = rank;
            }
            for (var r = suitedRanks; r != 0; r &= r - 1)
            {
                five[n++] = BitOperations.TrailingZeroCount(r);
            }
            for (var i = 0; i < set.Size; i++)
            {
                five[n++] = set.Rank(i);
            }
            return Combinatorics.UnsortedPatternIndex(five[0], five[1], five[2], five[3], five[4]);
        }
    }
}
