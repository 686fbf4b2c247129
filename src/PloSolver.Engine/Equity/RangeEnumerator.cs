using System.Numerics;

namespace PloSolver.Engine;

/// <summary>One player's possible hands as flat arrays: cards, low masks and weights (a known hand is one hand
/// of weight 100).</summary>
internal sealed class PlayerHands
{
    public PlayerHands(Card[] hand)
    {
        IsKnownHand = true;
        HoleCards = hand.Length;
        Cards = hand;
        Masks = [Card.ToMask(hand)];
        LowMasks = [LowMask(hand)];
        Weights = [100];
    }

    public PlayerHands(HandRange range)
    {
        HoleCards = range.Game.HoleCards();
        var count = (int)range.Combos;
        Cards = new Card[count * HoleCards];
        Masks = new ulong[count];
        LowMasks = new int[count];
        Weights = new int[count];
        var i = 0;
        foreach (var (mask, weight) in range.HandMasks())
        {
            var hand = Cards.AsSpan(i * HoleCards, HoleCards);
            var c = 0;
            for (var m = mask; m != 0; m &= m - 1)
            {
                hand[c++] = new Card(BitOperations.TrailingZeroCount(m));
            }
            Masks[i] = mask;
            LowMasks[i] = LowMask(hand);
            Weights[i++] = weight;
        }
    }

    /// <summary>A player given a hand (not a range, even a range of one hand): its cards are out of every range.</summary>
    public bool IsKnownHand { get; }

    public int HoleCards { get; }

    public int Count => Masks.Length;

    /// <summary>Hand i is Cards[i * HoleCards .. (i + 1) * HoleCards).</summary>
    public Card[] Cards { get; }

    public ulong[] Masks { get; }

    public int[] LowMasks { get; }

    /// <summary>Weights in percent.</summary>
    public int[] Weights { get; }

    public ReadOnlySpan<Card> Hand(int i) => Cards.AsSpan(i * HoleCards, HoleCards);

    private static int LowMask(ReadOnlySpan<Card> cards)
    {
        var low = 0;
        foreach (var card in cards)
        {
            low |= LowTables.LowBit(card.Rank);
        }
        return low;
    }
}

/// <summary>
/// Exact single-board equity when some players hold ranges: boards outer, hands inner. Every completion of the
/// board is visited; on it every hand of every range is evaluated (all on one row of the pair table, so the
/// lookups stay in cache). With one range, its hands are grouped by their (high, low) values and each group is
/// one weighted showdown; with two or three, the showdowns of every combination of hands that share no card are
/// added with the product of their weights. Hands that collide with the completion, or with each other, never
/// meet.
/// </summary>
internal static class RangeEnumerator
{
    /// <summary>More ranges than this are sampled: products of three weights of up to 100 stay far from overflow.</summary>
    public const int MaxRanges = 3;

    private const int HandsPerItem = 4096;

    /// <summary>Hand evaluations the enumeration costs: completions × the product of the players' hand counts.</summary>
    public static double Work(PlayerHands[] players, int available, int missing) =>
        Combinatorics.Choose(available, missing) * players.Aggregate(1.0, (product, p) => product * p.Count);

    /// <summary>Returns the tally (its Deals are weighted: 100 per deal of unweighted hands, per range) and the
    /// number of (completion, hands) deals.</summary>
    public static (BoardTally Tally, long Deals) Enumerate(PlayerHands[] players, Card[] board, ulong dead, bool hiLo, ParallelWork parallel)
    {
        var count = players.Length;
        var known = dead | Card.ToMask(board);
        foreach (var player in players.Where(p => p.IsKnownHand))
        {
            known |= player.Masks[0];
        }
        var missing = 5 - board.Length;
        var completions = Combinatorics.SubsetsOfSize(~known & ((1UL << Card.DeckSize) - 1), missing).ToArray();
        var ranges = Enumerable.Range(0, count).Where(p => !players[p].IsKnownHand).ToArray();
        // One range: split its hands into chunks too, so that a river (one completion) still uses every core.
        var chunks = ranges.Length == 1 ? (players[ranges[0]].Count + HandsPerItem - 1) / HandsPerItem : 1;

        var locals = parallel.Run((long)completions.Length * chunks, () => new Accumulator(count), (item, local) =>
        {
            var completion = completions[item / chunks];
            Span<Card> five = stackalloc Card[5];
            board.CopyTo(five);
            var n = board.Length;
            for (var m = completion; m != 0; m &= m - 1)
            {
                five[n++] = new Card(BitOperations.TrailingZeroCount(m));
            }
            var summary = BoardSummary.Of(five);
            if (ranges.Length == 1)
            {
                OneRange(players, ranges[0], (int)(item % chunks), completion, summary, hiLo, local);
            }
            else
            {
                Joint(players, completion, summary, hiLo, local);
            }
        });

        var total = new BoardTally(count);
        var deals = 0L;
        foreach (var local in locals)
        {
            total.Merge(local.Tally);
            deals += local.Deals;
        }
        if (total.Deals == 0)
        {
            throw new EquityLimitException("players", "the players' hands can never be dealt together without sharing a card");
        }
        return (total, deals);
    }

    private static void OneRange(PlayerHands[] players, int range, int chunk, ulong completion, in BoardSummary board, bool hiLo, Accumulator local)
    {
        var count = players.Length;
        Span<ushort> hi = stackalloc ushort[count];
        Span<ushort> lo = stackalloc ushort[hiLo ? count : 0];
        for (var p = 0; p < count; p++)
        {
            if (p != range)
            {
                hi[p] = DirectOmaha.High(players[p].Hand(0), board);
                if (hiLo)
                {
                    lo[p] = LowTables.OmahaLow[board.LowMask << 8 | players[p].LowMasks[0]];
                }
            }
        }
        // Group the range's hands by (high, low): each group is one showdown, weighted by its hands' weights.
        // High only, a group is a slot of an array over the 7,462 values; hi-lo pairs need a map.
        var hands = players[range];
        var end = Math.Min(hands.Count, (chunk + 1) * HandsPerItem);
        var byHigh = local.ByHigh;
        var groups = local.Groups;
        groups.Clear();
        for (var i = chunk * HandsPerItem; i < end; i++)
        {
            if ((hands.Masks[i] & completion) != 0)
            {
                continue;
            }
            var high = DirectOmaha.High(hands.Hand(i), board);
            if (hiLo)
            {
                var key = high << 8 | LowTables.OmahaLow[board.LowMask << 8 | hands.LowMasks[i]];
                groups[key] = groups.GetValueOrDefault(key) + hands.Weights[i];
            }
            else
            {
                if (byHigh[high] == 0)
                {
                    local.Touched.Add(high);
                }
                byHigh[high] += hands.Weights[i];
            }
            local.Deals++;
        }
        foreach (var value in local.Touched)
        {
            groups[value << 8] = byHigh[value];
            byHigh[value] = 0;
        }
        local.Touched.Clear();
        foreach (var (key, weight) in groups)
        {
            hi[range] = (ushort)(key >> 8);
            if (hiLo)
            {
                lo[range] = (ushort)(key & 0xFF);
            }
            local.Tally.Add(hi, lo, weight);
            local.Tally.Deals += weight;
        }
    }

    private static void Joint(PlayerHands[] players, ulong completion, in BoardSummary board, bool hiLo, Accumulator local)
    {
        var count = players.Length;
        // Every player's values on this board, for hands that do not collide with it.
        var hi = new ushort[count][];
        var lo = new ushort[count][];
        for (var p = 0; p < count; p++)
        {
            var hands = players[p];
            hi[p] = new ushort[hands.Count];
            lo[p] = new ushort[hiLo ? hands.Count : 0];
            for (var i = 0; i < hands.Count; i++)
            {
                if ((hands.Masks[i] & completion) == 0)
                {
                    hi[p][i] = DirectOmaha.High(hands.Hand(i), board);
                    if (hiLo)
                    {
                        lo[p][i] = LowTables.OmahaLow[board.LowMask << 8 | hands.LowMasks[i]];
                    }
                }
            }
        }
        var showHi = new ushort[count];
        var showLo = new ushort[hiLo ? count : 0];

        void Deal(int p, ulong used, long weight)
        {
            if (p == count)
            {
                local.Tally.Add(showHi, showLo, weight);
                local.Tally.Deals += weight;
                local.Deals++;
                return;
            }
            var hands = players[p];
            for (var i = 0; i < hands.Count; i++)
            {
                if ((hands.Masks[i] & used) != 0)
                {
                    continue;
                }
                showHi[p] = hi[p][i];
                if (hiLo)
                {
                    showLo[p] = lo[p][i];
                }
                // A known hand counts once; a range's hands count by their weights.
                Deal(p + 1, used | hands.Masks[i], hands.IsKnownHand ? weight : weight * hands.Weights[i]);
            }
        }

        Deal(0, completion, 1);
    }

    private sealed class Accumulator(int players)
    {
        public BoardTally Tally { get; } = new(players);

        public long Deals { get; set; }

        public Dictionary<int, long> Groups { get; } = [];

        /// <summary>Weight per high value (high-only grouping), left all zero after each use.</summary>
        public long[] ByHigh { get; } = new long[HandValue.DistinctValues + 1];

        /// <summary>The values of <see cref="ByHigh"/> in use.</summary>
        public List<int> Touched { get; } = [];
    }
}
