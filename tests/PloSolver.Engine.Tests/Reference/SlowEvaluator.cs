namespace PloSolver.Engine.Tests;

/// <summary>
/// An independent, slow, obviously-correct poker evaluator written from the rules, used as the oracle for the
/// engine's tables. It uses nothing of the engine but <see cref="Card"/>'s rank and suit.
/// <para>A five-card hand's strength is the tuple (category, tie-break ranks…). Tuples are packed into a
/// <see cref="long"/> as base-16 digits, category first and then up to five ranks (each 0..12), so comparing two
/// packed keys compares the tuples element by element. Within a category every tuple has the same length, so
/// the zero padding never decides a comparison.</para>
/// </summary>
internal static class SlowEvaluator
{
    /// <summary>Five-card hands in a 52-card deck.</summary>
    public const int FiveCardHands = 2_598_960;

    private static readonly Lazy<long[]> DistinctKeys = new(BuildDistinctKeys);

    /// <summary>Packs (category, tieBreak[0], …) into a comparable key.</summary>
    public static long Tuple(HandCategory category, ReadOnlySpan<int> tieBreak)
    {
        long key = (int)category;
        for (var i = 0; i < 5; i++)
        {
            key = key * 16 + (i < tieBreak.Length ? tieBreak[i] : 0);
        }
        return key;
    }

    /// <summary>The category of a packed key.</summary>
    public static HandCategory CategoryOf(long key) => (HandCategory)(key >> 20);

    /// <summary>The i-th tie-break rank of a packed key.</summary>
    public static int TieBreak(long key, int i) => (int)(key >> (16 - 4 * i)) & 15;

    /// <summary>Strength key of exactly five cards.</summary>
    public static long Key(ReadOnlySpan<Card> five)
    {
        if (five.Length != 5)
        {
            throw new ArgumentException("five cards expected", nameof(five));
        }
        Span<int> count = stackalloc int[13];
        var oneSuit = true;
        foreach (var card in five)
        {
            count[card.Rank]++;
            oneSuit &= card.Suit == five[0].Suit;
        }

        // Distinct ranks ordered by how often they occur, then by rank, both descending:
        // quads before kicker, trips before pair, high pair before low pair before kicker, high cards high first.
        Span<int> ordered = stackalloc int[5];
        var distinct = 0;
        for (var times = 4; times >= 1; times--)
        {
            for (var rank = 12; rank >= 0; rank--)
            {
                if (count[rank] == times)
                {
                    ordered[distinct++] = rank;
                }
            }
        }
        var most = count[ordered[0]];

        // Five distinct ranks in sequence; the ace also plays low in A-2-3-4-5, whose top card is the five.
        var straightTop = -1;
        if (distinct == 5)
        {
            if (ordered[0] - ordered[4] == 4)
            {
                straightTop = ordered[0];
            }
            else if (ordered[0] == 12 && ordered[1] == 3 && ordered[2] == 2 && ordered[3] == 1 && ordered[4] == 0)
            {
                straightTop = 3;
            }
        }

        if (oneSuit && straightTop >= 0)
        {
            return Tuple(HandCategory.StraightFlush, [straightTop]);
        }
        if (most == 4)
        {
            return Tuple(HandCategory.FourOfAKind, ordered[..2]);
        }
        if (most == 3 && distinct == 2)
        {
            return Tuple(HandCategory.FullHouse, ordered[..2]);
        }
        if (oneSuit)
        {
            return Tuple(HandCategory.Flush, ordered[..5]);
        }
        if (straightTop >= 0)
        {
            return Tuple(HandCategory.Straight, [straightTop]);
        }
        if (most == 3)
        {
            return Tuple(HandCategory.ThreeOfAKind, ordered[..3]);
        }
        if (most == 2 && distinct == 3)
        {
            return Tuple(HandCategory.TwoPair, ordered[..3]);
        }
        if (most == 2)
        {
            return Tuple(HandCategory.OnePair, ordered[..4]);
        }
        return Tuple(HandCategory.HighCard, ordered[..5]);
    }

    /// <summary>Best key among every five-card subset of 5 or more cards.</summary>
    public static long BestOf(ReadOnlySpan<Card> cards)
    {
        var best = long.MinValue;
        Span<Card> five = stackalloc Card[5];
        var n = cards.Length;
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                for (var c = b + 1; c < n; c++)
                {
                    for (var d = c + 1; d < n; d++)
                    {
                        for (var e = d + 1; e < n; e++)
                        {
                            five[0] = cards[a];
                            five[1] = cards[b];
                            five[2] = cards[c];
                            five[3] = cards[d];
                            five[4] = cards[e];
                            best = Math.Max(best, Key(five));
                        }
                    }
                }
            }
        }
        return best;
    }

    /// <summary>Omaha high: the best key over every choice of exactly two hole cards and three board cards.</summary>
    public static long OmahaHigh(ReadOnlySpan<Card> hole, ReadOnlySpan<Card> board)
    {
        var best = long.MinValue;
        Span<Card> five = stackalloc Card[5];
        for (var i = 0; i < hole.Length; i++)
        {
            for (var j = i + 1; j < hole.Length; j++)
            {
                for (var a = 0; a < board.Length; a++)
                {
                    for (var b = a + 1; b < board.Length; b++)
                    {
                        for (var c = b + 1; c < board.Length; c++)
                        {
                            five[0] = hole[i];
                            five[1] = hole[j];
                            five[2] = board[a];
                            five[3] = board[b];
                            five[4] = board[c];
                            best = Math.Max(best, Key(five));
                        }
                    }
                }
            }
        }
        return best;
    }

    /// <summary>A card's rank in an ace-to-five low: ace 1, deuce 2 … eight 8; 0 for nine and up (not low).</summary>
    public static int LowRank(Card card) => card.Rank == 12 ? 1 : card.Rank <= 6 ? card.Rank + 2 : 0;

    /// <summary>
    /// Omaha eight-or-better low: over every two hole cards and three board cards whose five ranks are distinct and
    /// all eight or lower (ace low), the one whose ranks, compared highest first, are lowest. Null when none.
    /// </summary>
    public static SlowLow? OmahaLow(ReadOnlySpan<Card> hole, ReadOnlySpan<Card> board)
    {
        SlowLow? best = null;
        Span<int> ranks = stackalloc int[5];
        for (var i = 0; i < hole.Length; i++)
        {
            for (var j = i + 1; j < hole.Length; j++)
            {
                for (var a = 0; a < board.Length; a++)
                {
                    for (var b = a + 1; b < board.Length; b++)
                    {
                        for (var c = b + 1; c < board.Length; c++)
                        {
                            ranks[0] = LowRank(hole[i]);
                            ranks[1] = LowRank(hole[j]);
                            ranks[2] = LowRank(board[a]);
                            ranks[3] = LowRank(board[b]);
                            ranks[4] = LowRank(board[c]);
                            if (SlowLow.From(ranks) is { } low && (best is null || low.Key < best.Value.Key))
                            {
                                best = low;
                            }
                        }
                    }
                }
            }
        }
        return best;
    }

    /// <summary>
    /// The value the engine documents for a key: values 1..7,462 number the distinct five-card strengths from
    /// weakest to strongest, so a key's value is one plus the number of distinct keys below it.
    /// </summary>
    public static int ExpectedValue(long key)
    {
        var index = Array.BinarySearch(DistinctKeys.Value, key);
        if (index < 0)
        {
            throw new ArgumentException($"{key:X} is not the key of any five-card hand", nameof(key));
        }
        return index + 1;
    }

    /// <summary>Every distinct key of the 2,598,960 five-card hands, ascending.</summary>
    public static IReadOnlyList<long> AllDistinctKeys => DistinctKeys.Value;

    /// <summary>Calls <paramref name="visit"/> with every five-card hand (the span is reused).</summary>
    public static void ForEachFiveCardHand(Action<Card[]> visit)
    {
        var five = new Card[5];
        for (var a = 0; a < 52; a++)
        {
            for (var b = a + 1; b < 52; b++)
            {
                for (var c = b + 1; c < 52; c++)
                {
                    for (var d = c + 1; d < 52; d++)
                    {
                        for (var e = d + 1; e < 52; e++)
                        {
                            five[0] = new Card(a);
                            five[1] = new Card(b);
                            five[2] = new Card(c);
                            five[3] = new Card(d);
                            five[4] = new Card(e);
                            visit(five);
                        }
                    }
                }
            }
        }
    }

    private static long[] BuildDistinctKeys()
    {
        var keys = new HashSet<long>();
        ForEachFiveCardHand(five => keys.Add(Key(five)));
        var sorted = keys.ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}

/// <summary>An eight-or-better low: five distinct ranks (ace = 1 .. eight = 8), highest first.</summary>
internal readonly record struct SlowLow(int R0, int R1, int R2, int R3, int R4)
{
    /// <summary>The ranks packed highest first as base-16 digits: a smaller key is a better low.</summary>
    public long Key => (((((long)R0 * 16 + R1) * 16 + R2) * 16 + R3) * 16) + R4;

    /// <summary>"7-4-3-2-A low", as the engine writes lows.</summary>
    public string Description =>
        string.Join('-', new[] { R0, R1, R2, R3, R4 }.Select(r => r == 1 ? "A" : r.ToString(System.Globalization.CultureInfo.InvariantCulture))) + " low";

    /// <summary>The low made by five low ranks (0 = not a low card), or null when they do not qualify.</summary>
    public static SlowLow? From(ReadOnlySpan<int> lowRanks)
    {
        Span<int> sorted = stackalloc int[5];
        lowRanks.CopyTo(sorted);
        sorted.Sort();
        sorted.Reverse();
        for (var i = 0; i < 5; i++)
        {
            if (sorted[i] == 0 || (i > 0 && sorted[i] == sorted[i - 1]))
            {
                return null;
            }
        }
        return new SlowLow(sorted[0], sorted[1], sorted[2], sorted[3], sorted[4]);
    }
}
