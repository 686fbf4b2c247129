using System.Numerics;

namespace PloSolver.Engine;

/// <summary>
/// A set of Omaha hands (combos) with a weight each, as produced by <see cref="RangeParser"/>: a bit per possible
/// hand of the game (numbered by <see cref="ComboIndex"/>), and, when any weight differs from 100, a weight per
/// hand in percent.
/// </summary>
public sealed class HandRange
{
    private readonly ulong[] _bits;
    private readonly byte[]? _weights;

    internal HandRange(Game game, ulong[] bits, byte[]? weights)
    {
        Game = game;
        _bits = bits;
        _weights = weights;
        var count = 0L;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }
        Combos = count;
    }

    private PlayerHands? _hands;

    /// <summary>The hands as flat arrays for enumeration, built once per range.</summary>
    internal PlayerHands Flat => _hands ??= new PlayerHands(this);

    /// <summary>A bit per possible hand (by <see cref="ComboIndex"/>).</summary>
    internal ulong[] Bits => _bits;

    /// <summary>Weight per hand in percent, or null when every weight is 100.</summary>
    internal byte[]? Weights => _weights;

    /// <summary>The variant: every hand has its number of hole cards.</summary>
    public Game Game { get; }

    /// <summary>Number of distinct hands in the range.</summary>
    public long Combos { get; }

    /// <summary>Whether any hand has a weight other than 100%.</summary>
    public bool IsWeighted => _weights is not null;

    /// <summary>Sum of the hands' weights in hands: <see cref="Combos"/> when unweighted.</summary>
    public double WeightedCombos
    {
        get
        {
            if (_weights is null)
            {
                return Combos;
            }
            var total = 0L;
            foreach (var (index, _) in Indexes())
            {
                total += _weights[index];
            }
            return total / 100.0;
        }
    }

    /// <summary>Whether the hand (in any card order) is in the range.</summary>
    public bool Contains(ReadOnlySpan<Card> hand) => WeightOf(hand) > 0;

    /// <summary>The hand's weight in percent (0 when absent).</summary>
    public int WeightOf(ReadOnlySpan<Card> hand)
    {
        var mask = Card.ToMask(hand);
        if (hand.Length != Game.HoleCards() || BitOperations.PopCount(mask) != hand.Length)
        {
            return 0;
        }
        var index = ComboIndex.Rank(mask);
        return (_bits[index >> 6] >> index & 1) == 0 ? 0 : _weights?[index] ?? 100;
    }

    /// <summary>Every hand with its weight in percent, in a fixed order.</summary>
    public IEnumerable<(Card[] Hand, int Weight)> Hands() =>
        HandMasks().Select(hand => (Card.FromMask(hand.Mask), hand.Weight));

    /// <summary>Every hand as a card mask with its weight in percent, in a fixed order.</summary>
    internal List<(ulong Mask, int Weight)> HandMasks()
    {
        var hands = new List<(ulong, int)>((int)Combos);
        ComboIndex.ForEach(Game.HoleCards(), (index, mask) =>
        {
            if ((_bits[index >> 6] >> index & 1) != 0)
            {
                hands.Add((mask, _weights?[index] ?? 100));
            }
        });
        return hands;
    }

    /// <summary>Up to <paramref name="count"/> hands spread evenly through the range, highest cards first.</summary>
    public IReadOnlyList<Card[]> Sample(int count)
    {
        if (Combos == 0 || count <= 0)
        {
            return [];
        }
        var step = Math.Max(1, Combos / count);
        var sample = new List<Card[]>(count);
        var n = 0L;
        foreach (var (index, _) in Indexes())
        {
            if (n++ % step == 0 && sample.Count < count)
            {
                sample.Add([.. Card.FromMask(ComboIndex.Unrank(index, Game.HoleCards())).OrderByDescending(c => c.Rank).ThenByDescending(c => c.Suit)]);
            }
        }
        return sample;
    }

    internal IEnumerable<(int Index, int Weight)> Indexes()
    {
        for (var w = 0; w < _bits.Length; w++)
        {
            for (var word = _bits[w]; word != 0; word &= word - 1)
            {
                var index = w << 6 | BitOperations.TrailingZeroCount(word);
                yield return (index, _weights?[index] ?? 100);
            }
        }
    }
}
