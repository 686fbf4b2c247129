using System.Numerics;

namespace PloSolver.Engine;

/// <summary>
/// Draws a player's hand for a Monte Carlo trial: the player's one hand, or a hand of the player's range with
/// probability proportional to its weight. The range stays a bit set (20 M slots for PLO6); prefix sums of the
/// weights per 64-hand word make a draw a binary search plus a walk through one word.
/// </summary>
internal sealed class HandSource
{
    private readonly ulong _fixed;
    private readonly ulong[] _bits = [];
    private readonly byte[]? _weights;
    private readonly long[] _prefix = [];
    private readonly int _holeCards;

    public HandSource(Card[] hand)
    {
        _fixed = Card.ToMask(hand);
    }

    public HandSource(HandRange range)
    {
        _bits = range.Bits;
        _weights = range.Weights;
        _holeCards = range.Game.HoleCards();
        _prefix = new long[_bits.Length + 1];
        for (var w = 0; w < _bits.Length; w++)
        {
            var weight = 0L;
            for (var word = _bits[w]; word != 0; word &= word - 1)
            {
                weight += _weights?[w << 6 | BitOperations.TrailingZeroCount(word)] ?? 100;
            }
            _prefix[w + 1] = _prefix[w] + weight;
        }
    }

    public bool IsFixed => _bits.Length == 0;

    /// <summary>A hand as a card mask, from 64 random bits.</summary>
    public ulong Draw(ulong random)
    {
        if (IsFixed)
        {
            return _fixed;
        }
        var total = _prefix[^1];
        var target = (long)Math.BigMul(random, (ulong)total, out _); // uniform in [0, total)
        // The word whose weights cover the target, then the hand within it.
        int low = 0, high = _bits.Length - 1;
        while (low < high)
        {
            var mid = (low + high + 1) >> 1;
            if (_prefix[mid] <= target)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }
        var rest = target - _prefix[low];
        for (var word = _bits[low]; ; word &= word - 1)
        {
            var index = low << 6 | BitOperations.TrailingZeroCount(word);
            var weight = _weights?[index] ?? 100;
            if (rest < weight)
            {
                return ComboIndex.Unrank(index, _holeCards);
            }
            rest -= weight;
        }
    }
}

/// <summary>
/// Deals Monte Carlo trials when some player holds a range: each player's hand is drawn by weight, and a trial
/// whose hands share a card is drawn again (which is exactly card removal: hands that collide never meet); then
/// the missing board cards are picked six random bits at a time among the cards nobody holds.
/// </summary>
internal struct RangeHands : ITrialSource
{
    private const int MaxRedraws = 100_000;

    private readonly HandSource[] _sources;
    private readonly ulong _known;
    private readonly ulong[] _words = new ulong[256];
    private readonly Card[][] _holes;
    private readonly int[] _lowMasks;
    private Xoshiro _rng;
    private int _word;

    public RangeHands(HandSource[] sources, ulong knownCards, int holeCards, Xoshiro rng)
    {
        _sources = sources;
        _known = knownCards;
        _rng = rng;
        _holes = [.. sources.Select(_ => new Card[holeCards])];
        _lowMasks = new int[sources.Length];
        _word = _words.Length;
    }

    public void Deal(int[] cards, int[] known)
    {
        var used = DrawHands();
        var bits = 0UL;
        var bitsLeft = 0;
        for (var b = 0; b < known.Length; b++)
        {
            for (var i = known[b]; i < 5;)
            {
                if (bitsLeft < 6)
                {
                    bits = NextWord();
                    bitsLeft = 64;
                }
                var card = (int)(bits & 63);
                bits >>= 6;
                bitsLeft -= 6;
                if (card < Card.DeckSize && (used >> card & 1) == 0)
                {
                    used |= 1UL << card;
                    cards[b * 5 + i++] = card;
                }
            }
        }
    }

    public readonly ushort High(int player, in BoardSummary board) => DirectOmaha.High(_holes[player], board);

    public readonly ushort Low(int player, int boardLowMask) => LowTables.OmahaLow[boardLowMask << 8 | _lowMasks[player]];

    private ulong DrawHands()
    {
        for (var attempt = 0; attempt < MaxRedraws; attempt++)
        {
            var used = _known;
            var collided = false;
            for (var p = 0; p < _sources.Length && !collided; p++)
            {
                var hand = _sources[p].Draw(NextWord());
                collided = (hand & used) != 0;
                used |= hand;
                if (!collided)
                {
                    var hole = _holes[p];
                    var low = 0;
                    var i = 0;
                    for (var m = hand; m != 0; m &= m - 1)
                    {
                        var card = new Card(BitOperations.TrailingZeroCount(m));
                        hole[i++] = card;
                        low |= LowTables.LowBit(card.Rank);
                    }
                    _lowMasks[p] = low;
                }
            }
            if (!collided)
            {
                return used;
            }
        }
        throw new EquityLimitException("players", "the players' ranges can almost never be dealt together without sharing a card");
    }

    private ulong NextWord()
    {
        if (_word == _words.Length)
        {
            _rng.Fill(_words);
            _word = 0;
        }
        return _words[_word++];
    }
}
