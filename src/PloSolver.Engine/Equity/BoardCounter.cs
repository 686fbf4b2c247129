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
/// <para>Flush boards: unless some hand makes a full house or better on the board's ranks ("boat patterns"),
/// every flush beats every non-flush hand, so such a board's showdown depends only on which suited cards it has.
/// The number of flush boards with a given set S of suited missing cards is the number of ways to pick the other
/// missing cards from the other suits, the same for every S of a size. So pass 1 resolves the flush boards of
/// the few boat patterns one suited set at a time and notes them; pass 2 adds, for each suited set S, all its
/// boards less those already resolved, in one step.</para>
/// </summary>
internal sealed class BoardCounter
{
    private const int ChunkSize = 256;

    private readonly PreparedHand[] _hands;
    private readonly bool _hiLo;
    private readonly int _missing;
    private readonly KnownBoard _known;
    private readonly FlushSuit[] _suits;
    private readonly int[] _suitAvailable;
    private readonly long[] _ways;
    private readonly long _deals;

    private BoardCounter(PreparedHand[] hands, Card[] board, ulong dead, bool hiLo)
    {
        _hands = hands;
        _hiLo = hiLo;
        _missing = 5 - board.Length;
        var used = dead | Card.ToMask(board);
        foreach (var hand in hands)
        {
            used |= hand.Mask;
        }

        var available = new int[13];
        _suitAvailable = new int[4];
        for (var c = 0; c < Card.DeckSize; c++)
        {
            if ((used >> c & 1) == 0)
            {
                available[c >> 2]++;
                _suitAvailable[c & 3] |= 1 << (c >> 2);
            }
        }

        _known = new KnownBoard(board);
        _suits = [.. Enumerable.Range(0, 4)
            .Where(s => Array.Exists(hands, h => h.CanFlush(s)))
            .Select(s => new FlushSuit(s, available, _suitAvailable[s], 3 - _known.SuitCount(s), hands))];
        _deals = Combinatorics.Choose(Card.DeckSize - BitOperations.PopCount(used), _missing);

        // _ways[rank * 5 + n]: ways to deal n undealt cards of a rank.
        _ways = new long[13 * 5];
        for (var r = 0; r < 13; r++)
        {
            for (var n = 0; n <= 4; n++)
            {
                _ways[r * 5 + n] = Combinatorics.Choose(available[r], n);
            }
        }
    }

    private int Players => _hands.Length;

    public static BoardTally Count(PreparedHand[] hands, Card[] board, ulong dead, bool hiLo, ParallelWork parallel)
    {
        var counter = new BoardCounter(hands, board, dead, hiLo);
        var total = new BoardTally(hands.Length) { Deals = counter._deals };
        var resolved = counter.CountPatterns(parallel, total);
        counter.CountFlushBoards(parallel, resolved, total);
        return total;
    }

    /// <summary>Pass 1: every rank multiset's boards without a flush suit's three cards, and all boards of the
    /// patterns where a hand makes a full house or better. Returns the flush boards it resolved.</summary>
    private ResolvedFlushBoards CountPatterns(ParallelWork parallel, BoardTally total)
    {
        var suitRanks = _suits.Select(s => _suitAvailable[s.Suit]).ToArray();
        var multisets = RankMultiset.AllOfSize(_missing); // weighed below: a set whose ranks are used up weighs 0
        var results = parallel.Run((multisets.Length + ChunkSize - 1) / ChunkSize, () => new Pass1Result(Players, suitRanks, _missing, _hiLo),
            (chunk, result) => CountPatternChunk(multisets, (int)chunk, result));
        if (results.Length == 1)
        {
            total.Merge(results[0].Tally);
            return results[0].Resolved;
        }
        var resolved = new ResolvedFlushBoards(suitRanks, _missing, _hiLo);
        foreach (var result in results)
        {
            total.Merge(result.Tally);
            resolved.Merge(result.Resolved);
        }
        return resolved;
    }

    private void CountPatternChunk(RankMultiset[] multisets, int chunk, Pass1Result result)
    {
        var players = Players;
        var fullHouse = FiveCardTables.FirstValueOf(HandCategory.FullHouse);
        Span<ushort> nonFlush = stackalloc ushort[players];
        Span<ushort> actual = stackalloc ushort[players];
        Span<ushort> lo = stackalloc ushort[_hiLo ? players : 0];
        Span<SuitedSubset> subsets = stackalloc SuitedSubset[32];
        Span<int> distinctRanks = stackalloc int[5];
        Span<int> distinctCounts = stackalloc int[5];
        var end = Math.Min(multisets.Length, (chunk + 1) * ChunkSize);
        for (var i = chunk * ChunkSize; i < end; i++)
        {
            var set = multisets[i];
            var distinct = set.DistinctRanks(distinctRanks, distinctCounts);
            var ranks = distinctRanks[..distinct];
            var counts = distinctCounts[..distinct];
            var setWeight = 1L;
            for (var d = 0; d < distinct; d++)
            {
                setWeight *= _ways[ranks[d] * 5 + counts[d]];
            }
            if (setWeight == 0)
            {
                continue;
            }
            var pattern = _known.Pattern(set.Ranks);
            var best = 0;
            for (var p = 0; p < players; p++)
            {
                nonFlush[p] = _hands[p].NonFlush(pattern);
                best = Math.Max(best, nonFlush[p]);
            }
            if (_hiLo)
            {
                SetLows(_hands, _known.LowMask | set.LowMask, lo);
            }
            var weight = setWeight;
            foreach (var suit in _suits)
            {
                weight -= suit.BoardsWithFlushSuit(ranks, counts, setWeight);
            }
            if (best >= fullHouse)
            {
                // A full house or better beats every flush but a straight flush, so the flush boards of this
                // pattern keep the non-flush showdown unless a straight flush is possible on their suited cards.
                for (var s = 0; s < _suits.Length; s++)
                {
                    var suit = _suits[s];
                    var count = suit.SuitedSubsets(ranks, counts, subsets);
                    foreach (var subset in subsets[..count])
                    {
                        result.Resolved.Add(s, subset.Ranks, _hiLo ? subset.OthersLow : 0, subset.Weight);
                        var boardSuitRanks = _known.SuitRanks[suit.Suit] | subset.Ranks;
                        if (!suit.StraightFlushPossible(boardSuitRanks))
                        {
                            weight += subset.Weight;
                            continue;
                        }
                        for (var p = 0; p < players; p++)
                        {
                            actual[p] = Math.Max(nonFlush[p], _hands[p].CanFlush(suit.Suit) ? _hands[p].Flush(suit.Suit, boardSuitRanks) : (ushort)0);
                        }
                        result.Tally.Add(actual, lo, subset.Weight);
                    }
                }
            }
            if (weight != 0)
            {
                result.Tally.Add(nonFlush, lo, weight);
            }
        }
    }

    /// <summary>Pass 2: all flush boards with each suited set S at once, less those pass 1 resolved.</summary>
    private void CountFlushBoards(ParallelWork parallel, ResolvedFlushBoards resolved, BoardTally total)
    {
        // The suited sets of every flush suit, in groups of one suit and size that share the ways to fill the other
        // missing cards. Flat arrays rather than an item per set: a flop spot has a few hundred sets and the work
        // per set is a lookup or two, so allocating was a good part of the whole.
        var groups = new List<FlushGroup>();
        var capacity = 0L;
        foreach (var suit in _suits)
        {
            for (var take = Math.Max(0, suit.Need); take <= _missing; take++)
            {
                capacity += Combinatorics.Choose(BitOperations.PopCount((uint)_suitAvailable[suit.Suit]), take);
            }
        }
        var suitedSets = new List<int>((int)capacity);
        Span<long> weights = stackalloc long[_hiLo ? 256 : 1];
        for (var s = 0; s < _suits.Length; s++)
        {
            var suit = _suits[s];
            for (var take = Math.Max(0, suit.Need); take <= _missing; take++)
            {
                // Ways to fill the other missing cards from the other suits, by their low mask.
                weights.Clear();
                foreach (var others in RankMultiset.Enumerate(_missing - take, suit.OtherSuitsAvailable))
                {
                    weights[_hiLo ? others.LowMask : 0] += others.Weight;
                }
                var byLow = new List<(int Low, long Weight)>();
                for (var low = 0; low < weights.Length; low++)
                {
                    if (weights[low] != 0)
                    {
                        byLow.Add((low, weights[low]));
                    }
                }
                foreach (var subset in Combinatorics.SubsetsOfSize((ulong)_suitAvailable[suit.Suit], take))
                {
                    suitedSets.Add((int)subset);
                }
                groups.Add(new FlushGroup(s, [.. byLow], suitedSets.Count));
            }
        }

        // Hi-lo: the boards resolved in pass 1 go back out as extra items with negative weights.
        var takeBack = _hiLo ? resolved.ByLow() : [];
        // Items are tiny (a flush showdown and an add or two), so a work item takes a batch of them.
        const int batch = 32;
        var sets = suitedSets.Count;
        var items = sets + takeBack.Length;
        var tallies = parallel.Run((items + batch - 1) / batch, () => new BoardTally(Players), (chunk, tally) =>
        {
            Span<ushort> flush = stackalloc ushort[Players];
            Span<ushort> lo = stackalloc ushort[_hiLo ? Players : 0];
            var start = (int)chunk * batch;
            var end = Math.Min(items, start + batch);
            var group = 0;
            for (var index = start; index < end; index++)
            {
                if (index >= sets)
                {
                    var (suitIndex, suitedSet, othersLow, resolvedWeight) = takeBack[index - sets];
                    var boardLow = FlushShowdown(_suits[suitIndex].Suit, suitedSet, flush);
                    SetLows(_hands, boardLow | othersLow, lo);
                    tally.Add(flush, lo, -resolvedWeight);
                    continue;
                }
                while (groups[group].End <= index)
                {
                    group++;
                }
                var (s, byLow, _) = groups[group];
                var suited = suitedSets[index];
                var suitedLow = FlushShowdown(_suits[s].Suit, suited, flush);
                var resolvedHere = _hiLo ? 0 : resolved.WeightOf(s, suited);
                foreach (var (low, all) in byLow)
                {
                    var weight = all - resolvedHere;
                    if (weight == 0)
                    {
                        continue;
                    }
                    if (_hiLo)
                    {
                        SetLows(_hands, suitedLow | low, lo);
                    }
                    tally.Add(flush, lo, weight);
                }
            }
        });
        foreach (var tally in tallies)
        {
            total.Merge(tally);
        }
    }

    /// <summary>The high values on a flush board without a full house, from its suit and suited set (the flushes
    /// decide the high; hands without one cannot win it). Returns the low bits of the dealt and suited ranks.</summary>
    private int FlushShowdown(int suit, int suited, Span<ushort> flush)
    {
        var boardSuitRanks = _known.SuitRanks[suit] | suited;
        for (var p = 0; p < Players; p++)
        {
            flush[p] = _hands[p].CanFlush(suit) ? _hands[p].Flush(suit, boardSuitRanks) : (ushort)0;
        }
        var low = _known.LowMask;
        for (var r = suited; r != 0; r &= r - 1)
        {
            low |= LowTables.LowBit(BitOperations.TrailingZeroCount(r));
        }
        return low;
    }

    private static void SetLows(PreparedHand[] hands, int boardLow, Span<ushort> lo)
    {
        for (var p = 0; p < hands.Length; p++)
        {
            lo[p] = hands[p].Low(boardLow);
        }
    }


    /// <summary>The suited sets of one flush suit and size, up to <paramref name="End"/> (exclusive) in the flat list,
    /// with the ways to fill the other missing cards by their low mask (one entry, low 0, when high only).</summary>
    private readonly record struct FlushGroup(int SuitIndex, (int Low, long Weight)[] ByLow, int End);

    /// <summary>The missing cards' suited ranks S for one suit, how many card sets of a rank multiset have exactly
    /// those suited cards, and the low mask of the multiset's other cards.</summary>
    private readonly record struct SuitedSubset(int Ranks, long Weight, int OthersLow);

    private sealed class Pass1Result(int players, int[] suitRanks, int missing, bool hiLo)
    {
        public BoardTally Tally { get; } = new(players);

        public ResolvedFlushBoards Resolved { get; } = new(suitRanks, missing, hiLo);
    }

    /// <summary>
    /// Flush boards already resolved in pass 1. High only: weight per (flush suit, suited set), which pass 2
    /// subtracts from that set's total. A suited set holds at most as many ranks as there are missing cards, so
    /// the sets are numbered densely by size, then colex order within a size: 92 slots a suit on the flop rather
    /// than one per subset of the suit's undealt ranks (8,192), which made every request clear and merge a
    /// quarter of a megabyte. Hi-lo: weight per (suit, suited set, low mask of the other cards), kept sparse,
    /// which pass 2 takes back out with negative weights.
    /// </summary>
    private sealed class ResolvedFlushBoards
    {
        private readonly int[] _suitRanks;
        private readonly long[][] _bySet;
        private readonly Dictionary<int, long> _byLow = [];
        private readonly bool _hiLo;

        public ResolvedFlushBoards(int[] suitRanks, int maxSuited, bool hiLo)
        {
            _suitRanks = suitRanks;
            _hiLo = hiLo;
            _bySet = [.. suitRanks.Select(ranks => hiLo ? [] : new long[SetsOfAtMost(BitOperations.PopCount((uint)ranks), maxSuited)])];
        }

        public void Add(int suit, int suited, int othersLow, long weight)
        {
            if (_hiLo)
            {
                var key = Key(suit, suited, othersLow);
                _byLow[key] = _byLow.GetValueOrDefault(key) + weight;
            }
            else
            {
                _bySet[suit][SetIndex(suit, suited)] += weight;
            }
        }

        /// <summary>High only: resolved weight of a suited set.</summary>
        public long WeightOf(int suit, int suited) => _bySet[suit][SetIndex(suit, suited)];

        /// <summary>Hi-lo: every resolved (suit, suited set, low mask of the other cards) and its weight.</summary>
        public (int Suit, int Suited, int OthersLow, long Weight)[] ByLow() =>
            [.. _byLow.Where(e => e.Value != 0).Select(e => (e.Key >> 21, (e.Key >> 8) & 0x1FFF, e.Key & 0xFF, e.Value))];

        public void Merge(ResolvedFlushBoards other)
        {
            for (var s = 0; s < _bySet.Length; s++)
            {
                var mine = _bySet[s];
                var theirs = other._bySet[s];
                for (var i = 0; i < mine.Length; i++)
                {
                    mine[i] += theirs[i];
                }
            }
            foreach (var (key, weight) in other._byLow)
            {
                _byLow[key] = _byLow.GetValueOrDefault(key) + weight;
            }
        }

        private static int Key(int suit, int suited, int othersLow) => suit << 21 | suited << 8 | othersLow;

        private static int SetsOfAtMost(int n, int size)
        {
            var count = 0L;
            for (var k = 0; k <= size; k++)
            {
                count += Combinatorics.Choose(n, k);
            }
            return (int)count;
        }

        /// <summary>The slot of a suited set: the sets of fewer ranks first, then the colex rank among sets of its
        /// size (the i-th lowest of its ranks, at position p among the suit's undealt ranks, adds C(p, i)).</summary>
        private int SetIndex(int suit, int suited)
        {
            var undealt = _suitRanks[suit];
            var bits = Combinatorics.CompressBits(suited, undealt);
            var n = BitOperations.PopCount((uint)undealt);
            var size = BitOperations.PopCount((uint)bits);
            var index = 0L;
            for (var k = 0; k < size; k++)
            {
                index += Combinatorics.Choose(n, k);
            }
            var i = 1;
            for (var b = bits; b != 0; b &= b - 1)
            {
                index += Combinatorics.Choose(BitOperations.TrailingZeroCount(b), i++);
            }
            return (int)index;
        }
    }

    /// <summary>
    /// One flush suit: counts, for a rank multiset of missing cards, the card sets that bring the suit's board
    /// count to three. Per rank, the ways without the suit's card and with it are the coefficients of
    /// (without + with·x); the product over ranks, truncated below x^need, counts the sets that fall short.
    /// </summary>
    private sealed class FlushSuit
    {
        private readonly long[] _without = new long[13 * 5];
        private readonly long[] _with = new long[13 * 5];
        private readonly int _suitRanks;

        // Three-rank sets of this suit that complete some hand's straight flush: a hand's suited pair (a, b) plus
        // the other three ranks of any straight window holding both.
        private readonly int[] _straightFlushNeeds;

        public FlushSuit(int suit, int[] available, int suitRanks, int need, PreparedHand[] hands)
        {
            Suit = suit;
            var needs = new HashSet<int>();
            foreach (var hand in hands)
            {
                var suited = 0;
                foreach (var card in hand.Cards)
                {
                    suited |= card.Suit == suit ? 1 << card.Rank : 0;
                }
                for (var high = 3; high <= 12; high++)
                {
                    // The window of five ranks ending at `high`; the ace plays low in the five-high straight.
                    var window = high == 3 ? 0x100F : 0x1F << (high - 4);
                    var held = window & suited;
                    for (var a = held; a != 0; a &= a - 1)
                    {
                        for (var b = a & (a - 1); b != 0; b &= b - 1)
                        {
                            needs.Add(window & ~((a & -a) | (b & -b)));
                        }
                    }
                }
            }
            _straightFlushNeeds = [.. needs];
            Need = need;
            _suitRanks = suitRanks;
            OtherSuitsAvailable = new int[13];
            for (var r = 0; r < 13; r++)
            {
                var suited = suitRanks >> r & 1;
                OtherSuitsAvailable[r] = available[r] - suited;
                for (var n = 1; n <= 4; n++)
                {
                    _without[r * 5 + n] = Combinatorics.Choose(available[r] - suited, n);
                    _with[r * 5 + n] = suited == 1 ? Combinatorics.Choose(available[r] - 1, n - 1) : 0;
                }
            }
        }

        public int Suit { get; }

        /// <summary>Whether some hand makes a straight flush with this board suit rank mask.</summary>
        public bool StraightFlushPossible(int boardSuitRanks)
        {
            foreach (var needed in _straightFlushNeeds)
            {
                if ((boardSuitRanks & needed) == needed)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Suited cards the missing cards must bring (three less those already dealt; may be 0 or less).</summary>
        public int Need { get; }

        /// <summary>Undealt cards per rank in the other three suits.</summary>
        public int[] OtherSuitsAvailable { get; }

        /// <summary>Card sets with the given distinct ranks and counts (<paramref name="total"/> in all) that bring
        /// the suit to three board cards.</summary>
        public long BoardsWithFlushSuit(ReadOnlySpan<int> ranks, ReadOnlySpan<int> counts, long total)
        {
            if (Need <= 0)
            {
                return total;
            }
            // c0..c2: sets with 0, 1, 2 suited cards so far.
            long c0 = 1, c1 = 0, c2 = 0;
            for (var d = 0; d < ranks.Length; d++)
            {
                var index = ranks[d] * 5 + counts[d];
                var without = _without[index];
                var with = _with[index];
                c2 = c2 * without + c1 * with;
                c1 = c1 * without + c0 * with;
                c0 *= without;
            }
            return total - (c0 + (Need > 1 ? c1 : 0) + (Need > 2 ? c2 : 0));
        }

        /// <summary>Every suited set S (one suit card from each of some of the multiset's distinct ranks) that makes
        /// a flush board, with the number of card sets having exactly those suited cards. Returns how many were
        /// written.</summary>
        public int SuitedSubsets(ReadOnlySpan<int> ranks, ReadOnlySpan<int> counts, Span<SuitedSubset> output)
        {
            // Only ranks whose card of this suit is undealt can be suited.
            var suitable = 0;
            for (var d = 0; d < ranks.Length; d++)
            {
                suitable |= (_suitRanks >> ranks[d] & 1) << d;
            }
            if (BitOperations.PopCount((uint)suitable) < Need)
            {
                return 0;
            }
            var written = 0;
            for (var choice = suitable; ; choice = (choice - 1) & suitable)
            {
                if (BitOperations.PopCount((uint)choice) >= Need)
                {
                    var weight = 1L;
                    var suited = 0;
                    var othersLow = 0;
                    for (var d = 0; d < ranks.Length; d++)
                    {
                        var (rank, count) = (ranks[d], counts[d]);
                        if ((choice >> d & 1) != 0)
                        {
                            weight *= _with[rank * 5 + count];
                            suited |= 1 << rank;
                            othersLow |= count > 1 ? LowTables.LowBit(rank) : 0;
                        }
                        else
                        {
                            weight *= _without[rank * 5 + count];
                            othersLow |= LowTables.LowBit(rank);
                        }
                    }
                    if (weight != 0)
                    {
                        output[written++] = new SuitedSubset(suited, weight, othersLow);
                    }
                }
                if (choice == 0)
                {
                    return written;
                }
            }
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
            }
        }

        /// <summary>The dealt ranks packed 4 bits each.</summary>
        public int Ranks { get; }

        public int Count { get; }

        public int LowMask { get; }

        public int[] SuitRanks { get; }

        public int SuitCount(int suit) => BitOperations.PopCount((uint)SuitRanks[suit]);

        /// <summary>Pattern of the dealt ranks plus the packed ranks of the missing cards.</summary>
        public int Pattern(int missingRanks) => Count == 0
            ? Combinatorics.PatternIndex(missingRanks & 15, (missingRanks >> 4) & 15, (missingRanks >> 8) & 15, (missingRanks >> 12) & 15, missingRanks >> 16)
            : Combinatorics.PackedPatternIndex(Ranks | missingRanks << (4 * Count)); // multisets come sorted; dealt ranks need merging
    }
}
