using System.Numerics;

namespace PloSolver.Engine;

/// <summary>
/// A range while it is being built: a bit per n-card hand (by <see cref="ComboIndex"/>) and, once a weight other
/// than 100 appears, a weight per hand. Set operations are word-wise; weights follow the left operand, and in a
/// union the first term that holds a hand gives it its weight.
/// </summary>
internal sealed class RangeValue
{
    private RangeValue(int holeCards, ulong[] bits, byte[]? weights)
    {
        HoleCards = holeCards;
        Bits = bits;
        Weights = weights;
    }

    public int HoleCards { get; }

    public ulong[] Bits { get; }

    public byte[]? Weights { get; private set; }

    public bool IsEmpty => Array.TrueForAll(Bits, word => word == 0);

    public static RangeValue Empty(int holeCards) => new(holeCards, new ulong[(ComboIndex.Count(holeCards) + 63) / 64], null);

    public void Add(ulong hand)
    {
        var index = ComboIndex.Rank(hand);
        Bits[index >> 6] |= 1UL << index;
    }

    /// <summary>Clears every hand holding one of the cards.</summary>
    public void RemoveHandsWith(ulong cards)
    {
        if (cards == 0)
        {
            return;
        }
        for (var w = 0; w < Bits.Length; w++)
        {
            for (var word = Bits[w]; word != 0; word &= word - 1)
            {
                var index = w << 6 | BitOperations.TrailingZeroCount(word);
                if ((ComboIndex.Unrank(index, HoleCards) & cards) != 0)
                {
                    Bits[w] &= ~(1UL << index);
                }
            }
        }
    }

    /// <summary>Every hand of undealt cards that the predicate accepts.</summary>
    public static RangeValue FromPredicate(int holeCards, ulong dead, Func<ulong, bool> predicate)
    {
        var value = Empty(holeCards);
        var bits = value.Bits;
        ComboIndex.ForEach(holeCards, (index, hand) =>
        {
            if ((hand & dead) == 0 && predicate(hand))
            {
                bits[index >> 6] |= 1UL << index;
            }
        });
        return value;
    }

    public RangeValue Union(RangeValue other)
    {
        var bits = new ulong[Bits.Length];
        for (var i = 0; i < bits.Length; i++)
        {
            bits[i] = Bits[i] | other.Bits[i];
        }
        byte[]? weights = null;
        if (Weights is not null || other.Weights is not null)
        {
            weights = new byte[ComboIndex.Count(HoleCards)];
            for (var i = 0; i < weights.Length; i++)
            {
                var mine = (Bits[i >> 6] >> i & 1) != 0;
                weights[i] = mine ? Weights?[i] ?? 100 : other.Weights?[i] ?? 100;
            }
        }
        return new RangeValue(HoleCards, bits, weights);
    }

    public RangeValue Intersect(RangeValue other) => Combine(other, keepOthers: true);

    public RangeValue Except(RangeValue other) => Combine(other, keepOthers: false);

    private RangeValue Combine(RangeValue other, bool keepOthers)
    {
        var bits = new ulong[Bits.Length];
        for (var i = 0; i < bits.Length; i++)
        {
            bits[i] = keepOthers ? Bits[i] & other.Bits[i] : Bits[i] & ~other.Bits[i];
        }
        return new RangeValue(HoleCards, bits, Weights);
    }

    /// <summary>Keeps the hands the predicate accepts (or, with <paramref name="keep"/> false, rejects).</summary>
    public RangeValue Filter(Func<ulong, bool> predicate, bool keep)
    {
        var bits = (ulong[])Bits.Clone();
        ComboIndex.ForEach(HoleCards, (index, hand) =>
        {
            if ((bits[index >> 6] >> index & 1) != 0 && predicate(hand) != keep)
            {
                bits[index >> 6] &= ~(1UL << index);
            }
        });
        return new RangeValue(HoleCards, bits, Weights);
    }

    /// <summary>Scales every hand's weight to <paramref name="percent"/> of what it was.</summary>
    public RangeValue WithWeight(int percent)
    {
        var weights = new byte[ComboIndex.Count(HoleCards)];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (byte)Math.Max(1, (Weights?[i] ?? 100) * percent / 100);
        }
        return new RangeValue(HoleCards, Bits, weights);
    }
}
