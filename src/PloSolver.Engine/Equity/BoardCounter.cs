using System.Numerics;

namespace PloSolver.Engine;

/// <summary>
/// Exact single-board equity for known hands by counting boards instead of visiting them.
/// <para>A flush needs three board cards of one suit (five cards hold at most one such suit) and two hole cards
/// of it, so only suits in which some hand holds two cards are "flush suits". Every other board is decided by
/// non-flush values, which depend only on the board's rank multiset.</para>
/// <para>Pass 1 visits each rank multiset of the missing cards once (6,175 stand for the 1,086,008 boards of a
/// heads-up PLO4 preflop spot) and weights its non-flush showdown by the number of boards with those ranks and
/// fewer than three cards of every flush suit: a product of binomials over ranks, less the flush boards, counted
/// with a small polynomial in the number of suited cards.</para>
/// <para>Pass 2 enumerates the flush boards: the suited cards as actual cards, the rest as rank multisets. Unless
/// some hand holds a full house or better on the board's ranks, every flush beats every non-flush hand, so the
/// showdown is the same for all such completions: they are summed and added in one step (per low mask for
/// hi-lo). Only boards where a full house or quads is possible are resolved one rank multiset at a time.</para>
/// </summary>
internal static class BoardCounter
{
    private const int ChunkSize = 256;

    public static BoardTally Count(PreparedHand[] hands, Card[] board, ulong dead, bool hiLo, ParallelWork parallel)
    {
        var players = hands.Length;
        var missing = 5 - board.Length;
        var used = dead | Card.ToMask(board);
        foreach (var hand in hands)
        {
            used |= hand.Mask;
        }

        var available = new int[13];
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
        var flushSuits = Enumerable.Range(0, 4).Where(s => Array.Exists(hands, h => h.CanFlush(s))).ToArray();
        var suitCounting = flushSuits.Select(s => new SuitCounting(available, suitAvailable[s], 3 - known.SuitCount(s))).ToArray();
        var total = new BoardTally(players) { Deals = Combinatorics.Choose(Card.DeckSize - BitOperations.PopCount(used), missing) };
        var fullHouse = FiveCardTables.FirstValueOf(HandCategory.FullHouse);

        // Pass 1: every rank multiset, weighted by its boards without three cards of a flush suit.
        var multisets = RankMultiset.Enumerate(missing, available);
        var nonFlush = new ushort[players][];
        for (var p = 0; p < players; p++)
        {
            nonFlush[p] = new ushort[Combinatorics.RankPatterns5];
        }
        var boatPossible = new bool[Combinatorics.RankPatterns5];
        var pass1 = parallel.Run((multisets.Length + ChunkSize - 1) / ChunkSize, () => new BoardTally(players), (chunk, tally) =>
        {
            Span<ushort> hi = stackalloc ushort[players];
            Span<ushort> lo = stackalloc ushort[hiLo ? players : 0];
            var end = (int)Math.Min(multisets.Length, (chunk + 1) * ChunkSize);
            for (var i = (int)chunk * ChunkSize; i < end; i++)
            {
                var set = multisets[i];
                var pattern = known.Pattern(set.Ranks);
                var best = 0;
                for (var p = 0; p < players; p++)
                {
                    hi[p] = nonFlush[p][pattern] = hands[p].NonFlush(pattern);
                    best = Math.Max(best, hi[p]);
                }
                boatPossible[pattern] = best >= fullHouse;
                var weight = set.Weight;
                foreach (var suit in suitCounting)
                {
                    weight -= suit.BoardsWithFlushSuit(set);
                }
                if (weight == 0)
                {
                    continue;
                }
                if (hiLo)
                {
                    SetLows(hands, known.LowMask | set.LowMask, lo);
                }
                tally.Add(hi, lo, weight);
            }
        });
        foreach (var tally in pass1)
        {
            total.Merge(tally);
        }

        // Pass 2: boards with three or more cards of a flush suit.
        var work = new List<(int Suit, int SuitedRanks, RankMultiset[] Others)>();
        foreach (var suit in flushSuits)
        {
            var others = new int[13];
            for (var r = 0; r < 13; r++)
            {
                others[r] = available[r] - (suitAvailable[suit] >> r & 1);
            }
            for (var take = Math.Max(0, 3 - known.SuitCount(suit)); take <= missing; take++)
            {
                var rest = RankMultiset.Enumerate(missing - take, others);
                foreach (var subset in Subsets(suitAvailable[suit], take))
                {
                    work.Add((suit, subset, rest));
                }
            }
        }

        var pass2 = parallel.Run(work.Count, () => new BoardTally(players), (index, tally) =>
        {
            var (suit, suited, others) = work[(int)index];
            Span<ushort> flush = stackalloc ushort[players];
            Span<ushort> hi = stackalloc ushort[players];
            Span<ushort> lo = stackalloc ushort[hiLo ? players : 0];
            Span<long> flushDecidedByLow = stackalloc long[hiLo ? 256 : 1];
            var boardSuitRanks = known.SuitRanks[suit] | suited;
            for (var p = 0; p < players; p++)
            {
                flush[p] = hands[p].CanFlush(suit) ? hands[p].Flush(suit, boardSuitRanks) : (ushort)0;
            }
            var suitedLow = 0;
            var basePacked = known.Ranks;
            var baseCount = known.Count;
            for (var r = suited; r != 0; r &= r - 1)
            {
                var rank = BitOperations.TrailingZeroCount(r);
                suitedLow |= LowTables.LowBit(rank);
                basePacked |= rank << (4 * baseCount++);
            }
            var boardRanks = known.RankMask | suited;
            var boardPaired = known.Paired || (known.RankMask & suited) != 0;

            foreach (var set in others)
            {
                if (!boardPaired && !set.Paired && (set.RankMask & boardRanks) == 0)
                {
                    flushDecidedByLow[hiLo ? set.LowMask : 0] += set.Weight;
                    continue;
                }
                var pattern = Combinatorics.PackedPatternIndex(basePacked | set.Ranks << (4 * baseCount));
                if (!boatPossible[pattern])
                {
                    flushDecidedByLow[hiLo ? set.LowMask : 0] += set.Weight;
                    continue;
                }
                for (var p = 0; p < players; p++)
                {
                    hi[p] = Math.Max(nonFlush[p][pattern], flush[p]);
                }
                if (hiLo)
                {
                    SetLows(hands, known.LowMask | suitedLow | set.LowMask, lo);
                }
                tally.Add(hi, lo, set.Weight);
            }

            // No full house possible: the flushes decide the high, and hands without one cannot win it.
            for (var low = 0; low < flushDecidedByLow.Length; low++)
            {
                if (flushDecidedByLow[low] != 0)
                {
                    if (hiLo)
                    {
                        SetLows(hands, known.LowMask | suitedLow | low, lo);
                    }
                    tally.Add(flush, lo, flushDecidedByLow[low]);
                }
            }
        });
        foreach (var tally in pass2)
        {
            total.Merge(tally);
        }

        return total;
    }

    private static void SetLows(PreparedHand[] hands, int boardLow, Span<ushort> lo)
    {
        for (var p = 0; p < hands.Length; p++)
        {
            lo[p] = hands[p].Low(boardLow);
        }
    }

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

    /// <summary>
    /// Counts, for a rank multiset of missing cards, the card sets that bring one suit's board count to three:
    /// per rank, the ways without the suit's card and with it are the coefficients of (without + with·x); the
    /// product over ranks, truncated below x^need, counts the sets that fall short.
    /// </summary>
    private sealed class SuitCounting
    {
        private readonly long[] _without = new long[13 * 5];
        private readonly long[] _with = new long[13 * 5];
        private readonly int _need;

        public SuitCounting(int[] available, int suitRanks, int need)
        {
            _need = need;
            for (var r = 0; r < 13; r++)
            {
                var suited = suitRanks >> r & 1;
                for (var n = 1; n <= 4; n++)
                {
                    _without[r * 5 + n] = Combinatorics.Choose(available[r] - suited, n);
                    _with[r * 5 + n] = suited == 1 ? Combinatorics.Choose(available[r] - 1, n - 1) : 0;
                }
            }
        }

        public long BoardsWithFlushSuit(in RankMultiset set)
        {
            if (_need <= 0)
            {
                return set.Weight;
            }
            // c0..c2: sets with 0, 1, 2 suited cards so far.
            long c0 = 1, c1 = 0, c2 = 0;
            var i = 0;
            while (i < set.Size)
            {
                var rank = set.Rank(i);
                var count = 1;
                while (i + count < set.Size && set.Rank(i + count) == rank)
                {
                    count++;
                }
                i += count;
                var without = _without[rank * 5 + count];
                var with = _with[rank * 5 + count];
                c2 = c2 * without + c1 * with;
                c1 = c1 * without + c0 * with;
                c0 *= without;
            }
            var short_ = c0 + (_need > 1 ? c1 : 0) + (_need > 2 ? c2 : 0);
            return set.Weight - short_;
        }
    }

    /// <summary>The dealt part of a board: its ranks, low bits and per-suit rank masks.</summary>
    private sealed class KnownBoard
    {
        public KnownBoard(Card[] board)
        {
            SuitRanks = new int[4];
            foreach (var card in board)
            {
                Ranks |= card.Rank << (4 * Count++);
                LowMask |= LowTables.LowBit(card.Rank);
                SuitRanks[card.Suit] |= 1 << card.Rank;
                Paired |= (RankMask >> card.Rank & 1) != 0;
                RankMask |= 1 << card.Rank;
            }
        }

        /// <summary>The dealt ranks packed 4 bits each.</summary>
        public int Ranks { get; }

        public int Count { get; }

        public int LowMask { get; }

        public int RankMask { get; }

        /// <summary>Whether two dealt cards share a rank.</summary>
        public bool Paired { get; }

        public int[] SuitRanks { get; }

        public int SuitCount(int suit) => BitOperations.PopCount((uint)SuitRanks[suit]);

        /// <summary>Pattern of the dealt ranks plus the packed ranks of the missing cards.</summary>
        public int Pattern(int missingRanks) => Combinatorics.PackedPatternIndex(Ranks | missingRanks << (4 * Count));
    }
}
