using System.Numerics;
using System.Runtime.InteropServices;

namespace PloSolver.Engine;

/// <summary>
/// Dense values (1..7,462) of every five-card hand. <see cref="FiveCardTableGenerator"/> builds them from first
/// principles (each hand's strength key, category then tie-break ranks, sorted; a hand's value is its key's
/// position); they ship as an embedded resource (scripts/generate-tables.sh, checked by a test) so a fresh
/// process copies 75 KB instead of building them. Non-flush hands are looked up by the colex index of their rank
/// multiset, flushes by their 13-bit rank mask.
/// </summary>
internal static class FiveCardTables
{
    public const string ResourceName = "PloSolver.Engine.five-card-tables.bin";

    // Field initialisers, not a static constructor: the class stays beforefieldinit, so optimised code reads the
    // tables without class-initialisation checks.
    private static readonly GeneratedFiveCardTables Loaded = Load();

    /// <summary>Value of a non-flush five-card hand by <see cref="Combinatorics.PatternIndex(int,int,int,int,int)"/>
    /// of its ranks; 0 for the impossible five-of-a-kind patterns.</summary>
    public static readonly ushort[] NonFlush = Loaded.NonFlush;

    /// <summary>Value of a five-card flush by its rank mask (masks with exactly five bits).</summary>
    public static readonly ushort[] Flush = Loaded.Flush;

    /// <summary>Best flush among any cards of one suit, by rank mask (masks with at least five bits).</summary>
    public static readonly ushort[] BestFlush = Loaded.BestFlush;

    /// <summary>Strength key of each value (index 1..7462): category &lt;&lt; 20 | five tie-break ranks, 4 bits each.</summary>
    public static readonly int[] KeyOfValue = Loaded.KeyOfValue;

    // First value of each category, in category order, plus one past the last value.
    private static readonly ushort[] CategoryStarts = BuildCategoryStarts(KeyOfValue);

    private static GeneratedFiveCardTables Load()
    {
        using var stream = typeof(FiveCardTables).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing; run scripts/generate-tables.sh.");
        var tables = new GeneratedFiveCardTables(new ushort[Combinatorics.RankPatterns5], new ushort[1 << 13], new ushort[1 << 13],
            new int[HandValue.DistinctValues + 1]);
        stream.ReadExactly(MemoryMarshal.AsBytes(tables.NonFlush.AsSpan()));
        stream.ReadExactly(MemoryMarshal.AsBytes(tables.Flush.AsSpan()));
        stream.ReadExactly(MemoryMarshal.AsBytes(tables.BestFlush.AsSpan()));
        stream.ReadExactly(MemoryMarshal.AsBytes(tables.KeyOfValue.AsSpan()));
        return stream.Position == stream.Length
            ? tables
            : throw new InvalidOperationException($"Embedded resource {ResourceName} has the wrong size; run scripts/generate-tables.sh.");
    }

    private static ushort[] BuildCategoryStarts(int[] keyOfValue)
    {
        var starts = new ushort[10];
        var category = -1;
        for (var value = 1; value < keyOfValue.Length; value++)
        {
            while (keyOfValue[value] >> 20 > category)
            {
                starts[++category] = (ushort)value;
            }
        }
        starts[9] = (ushort)keyOfValue.Length;
        return starts;
    }

    /// <summary>The category of a value in 1..7462.</summary>
    public static HandCategory CategoryOf(ushort value)
    {
        var category = 8;
        while (category > 0 && value < CategoryStarts[category])
        {
            category--;
        }
        return (HandCategory)category;
    }

    /// <summary>The first value of a category (1 for high card).</summary>
    public static ushort FirstValueOf(HandCategory category) => CategoryStarts[(int)category];

    /// <summary>Value of any five cards.</summary>
    public static ushort Evaluate5(Card a, Card b, Card c, Card d, Card e)
    {
        if ((a.Suit == b.Suit) & (a.Suit == c.Suit) & (a.Suit == d.Suit) & (a.Suit == e.Suit))
        {
            return Flush[(1 << a.Rank) | (1 << b.Rank) | (1 << c.Rank) | (1 << d.Rank) | (1 << e.Rank)];
        }
        Span<int> ranks = [a.Rank, b.Rank, c.Rank, d.Rank, e.Rank];
        return NonFlush[Combinatorics.PatternIndex(ranks)];
    }
}

/// <summary>The five-card tables as generated or loaded.</summary>
internal sealed record GeneratedFiveCardTables(ushort[] NonFlush, ushort[] Flush, ushort[] BestFlush, int[] KeyOfValue)
{
    /// <summary>The resource bytes: the four tables, little-endian, one after the other.</summary>
    public byte[] Serialize() =>
    [
        .. MemoryMarshal.AsBytes(NonFlush.AsSpan()), .. MemoryMarshal.AsBytes(Flush.AsSpan()),
        .. MemoryMarshal.AsBytes(BestFlush.AsSpan()), .. MemoryMarshal.AsBytes(KeyOfValue.AsSpan()),
    ];
}

/// <summary>Builds <see cref="FiveCardTables"/> from the rules of poker; used by scripts/generate-tables.sh and by
/// the test that checks the shipped resource. Needs no table itself.</summary>
internal static class FiveCardTableGenerator
{
    public static GeneratedFiveCardTables Generate()
    {
        var nonFlushKeys = new int[Combinatorics.RankPatterns5];
        var flushKeys = new int[1 << 13];
        var keys = new List<int>(HandValue.DistinctValues);
        Span<int> ranks = stackalloc int[5];
        foreach (var (index, packed) in EnumeratePatterns())
        {
            Unpack(packed, ranks);
            var key = NonFlushKey(ranks);
            nonFlushKeys[index] = key;
            if (key != 0)
            {
                keys.Add(key);
            }
        }

        for (var mask = 0; mask < 1 << 13; mask++)
        {
            if (BitOperations.PopCount((uint)mask) == 5)
            {
                flushKeys[mask] = FlushKey(mask);
                keys.Add(flushKeys[mask]);
            }
        }

        keys.Sort();
        var keyOfValue = new int[keys.Count + 1];
        for (var i = 0; i < keys.Count; i++)
        {
            keyOfValue[i + 1] = keys[i];
        }

        var nonFlush = new ushort[Combinatorics.RankPatterns5];
        for (var i = 0; i < nonFlush.Length; i++)
        {
            nonFlush[i] = nonFlushKeys[i] == 0 ? (ushort)0 : ValueOfKey(keyOfValue, nonFlushKeys[i]);
        }

        var flush = new ushort[1 << 13];
        var bestFlush = new ushort[1 << 13];
        for (var mask = 0; mask < 1 << 13; mask++)
        {
            if (flushKeys[mask] != 0)
            {
                flush[mask] = ValueOfKey(keyOfValue, flushKeys[mask]);
            }
        }
        for (var mask = 0; mask < 1 << 13; mask++)
        {
            if (BitOperations.PopCount((uint)mask) >= 5)
            {
                bestFlush[mask] = BestFiveOfSuit(keyOfValue, flush, mask);
            }
        }

        return new GeneratedFiveCardTables(nonFlush, flush, bestFlush, keyOfValue);
    }

    /// <summary>All colex indexes of 5-rank multisets with the ranks packed 4 bits each, smallest rank first.</summary>
    internal static IEnumerable<(int Index, int Packed)> EnumeratePatterns()
    {
        for (var r4 = 0; r4 < 13; r4++)
        {
            for (var r3 = 0; r3 <= r4; r3++)
            {
                for (var r2 = 0; r2 <= r3; r2++)
                {
                    for (var r1 = 0; r1 <= r2; r1++)
                    {
                        for (var r0 = 0; r0 <= r1; r0++)
                        {
                            yield return (Combinatorics.PatternIndex(r0, r1, r2, r3, r4),
                                r0 | r1 << 4 | r2 << 8 | r3 << 12 | r4 << 16);
                        }
                    }
                }
            }
        }
    }

    internal static void Unpack(int packed, Span<int> ranks)
    {
        for (var i = 0; i < 5; i++)
        {
            ranks[i] = (packed >> (4 * i)) & 15;
        }
    }

    private static ushort ValueOfKey(int[] keyOfValue, int key) => (ushort)Array.BinarySearch(keyOfValue, 1, keyOfValue.Length - 1, key);

    private static int Key(HandCategory category, ReadOnlySpan<int> tieBreak)
    {
        var key = (int)category << 20;
        for (var i = 0; i < tieBreak.Length; i++)
        {
            key |= tieBreak[i] << (16 - 4 * i);
        }
        return key;
    }

    /// <summary>The highest straight in a rank mask, as its top rank (3 = five-high wheel), or -1.</summary>
    internal static int StraightHigh(int rankMask)
    {
        for (var high = 12; high >= 4; high--)
        {
            var window = 0x1F << (high - 4);
            if ((rankMask & window) == window)
            {
                return high;
            }
        }
        const int wheel = 0x100F; // A, 2, 3, 4, 5
        return (rankMask & wheel) == wheel ? 3 : -1;
    }

    private static int FlushKey(int mask)
    {
        var high = StraightHigh(mask);
        if (high >= 0)
        {
            return Key(HandCategory.StraightFlush, [high]);
        }
        Span<int> ranks = stackalloc int[5];
        var n = 0;
        for (var r = 12; r >= 0; r--)
        {
            if ((mask >> r & 1) != 0)
            {
                ranks[n++] = r;
            }
        }
        return Key(HandCategory.Flush, ranks);
    }

    private static ushort BestFiveOfSuit(int[] keyOfValue, ushort[] flush, int mask)
    {
        var high = StraightHigh(mask);
        if (high >= 0)
        {
            return ValueOfKey(keyOfValue, Key(HandCategory.StraightFlush, [high]));
        }
        // No straight flush: the five highest ranks make the best flush.
        while (BitOperations.PopCount((uint)mask) > 5)
        {
            mask &= mask - 1;
        }
        return flush[mask];
    }

    /// <summary>Strength key of five ranks that are not all one suit; 0 for five of a kind.</summary>
    private static int NonFlushKey(ReadOnlySpan<int> ranks)
    {
        Span<int> counts = stackalloc int[13];
        var mask = 0;
        foreach (var r in ranks)
        {
            counts[r]++;
            mask |= 1 << r;
        }

        // Ranks ordered by (count desc, rank desc): the tie-break order for every category.
        Span<int> ordered = stackalloc int[5];
        var n = 0;
        for (var count = 5; count >= 1; count--)
        {
            for (var r = 12; r >= 0; r--)
            {
                if (counts[r] == count)
                {
                    ordered[n++] = r;
                }
            }
        }

        var distinct = BitOperations.PopCount((uint)mask);
        var top = counts[ordered[0]];
        if (top == 5)
        {
            return 0;
        }
        return (distinct, top) switch
        {
            (5, _) when StraightHigh(mask) is var high and >= 0 => Key(HandCategory.Straight, [high]),
            (5, _) => Key(HandCategory.HighCard, ordered[..5]),
            (4, _) => Key(HandCategory.OnePair, ordered[..4]),
            (3, 2) => Key(HandCategory.TwoPair, ordered[..3]),
            (3, 3) => Key(HandCategory.ThreeOfAKind, ordered[..3]),
            (2, 3) => Key(HandCategory.FullHouse, ordered[..2]),
            (2, 4) => Key(HandCategory.FourOfAKind, ordered[..2]),
            _ => throw new InvalidOperationException("unreachable rank pattern"),
        };
    }
}
