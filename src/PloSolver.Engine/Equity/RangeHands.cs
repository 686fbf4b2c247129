using System.Numerics;

namespace PloSolver.Engine;

/// <summary>
/// Draws a player's hand for a Monte Carlo trial: the player's one hand, or a hand of the player's range with
/// probability proportional to its weight. Ranges of up to four million hands get an alias table (Walker/Vose:
/// one random number, one table slot, one coin); larger ones stay a bit set, with prefix sums of the weights per
/// 64-hand word, so a draw is a binary search plus a walk through one word.
/// </summary>
internal sealed class HandSource
{
    private const long AliasLimit = 4_000_000;

    private readonly ulong _fixed;
    private readonly ulong[] _aliasHands = [];
    private readonly int[] _alias = [];
    private readonly ulong[] _keep = []; // draw slot i keeps its own hand when the coin (32 bits) is below _keep[i]
    private readonly ulong[] _bits = [];
    private readonly byte[]? _weights;
    private readonly long[] _prefix = [];
    private readonly int _holeCards;
    private readonly int[] _anyDeck = []; // "any hand": cards dealt at random from these (padded to 64 slots)
    private readonly int _anyDeckLength;

    public HandSource(Card[] hand)
    {
        _fixed = Card.ToMask(hand);
    }

    private HandSource(int holeCards, ulong knownCards)
    {
        _holeCards = holeCards;
        var deck = Card.FromMask(~knownCards & ((1UL << Card.DeckSize) - 1));
        _anyDeckLength = deck.Length;
        _anyDeck = new int[64];
        for (var i = 0; i < deck.Length; i++)
        {
            _anyDeck[i] = deck[i].Index;
        }
    }

    /// <summary>A player who may hold any hand of undealt cards, each equally likely: dealt as random cards, which
    /// is the range of every hand without building it.</summary>
    public static HandSource AnyHand(int holeCards, ulong knownCards) => new(holeCards, knownCards);

    public HandSource(HandRange range)
    {
        if (range.Combos <= AliasLimit)
        {
            (_aliasHands, _alias, _keep) = BuildAlias(range.Flat);
            return;
        }
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

    // Vose's alias method in integers: with n hands of total weight W, each slot holds n·w scaled units; slots
    // under W borrow the rest from a slot over W, which becomes their alias.
    private static (ulong[] Hands, int[] Alias, ulong[] Keep) BuildAlias(PlayerHands hands)
    {
        var n = hands.Count;
        var total = 0L;
        foreach (var weight in hands.Weights)
        {
            total += weight;
        }
        var scaled = new long[n];
        var alias = new int[n];
        var keep = new ulong[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = 0; i < n; i++)
        {
            scaled[i] = (long)hands.Weights[i] * n;
            (scaled[i] < total ? small : large).Push(i);
        }
        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            keep[s] = (ulong)((UInt128)(ulong)scaled[s] * (1UL << 32) / (ulong)total);
            alias[s] = l;
            scaled[l] -= total - scaled[s];
            (scaled[l] < total ? small : large).Push(l);
        }
        foreach (var i in large.Concat(small))
        {
            keep[i] = 1UL << 32; // keeps itself always
            alias[i] = i;
        }
        return ([.. hands.Masks], alias, keep);
    }

    /// <summary>A hand as a card mask, from 64 random bits.</summary>
    public ulong Draw(ulong random)
    {
        if (_anyDeckLength > 0)
        {
            return DrawAny(random);
        }
        if (_aliasHands.Length > 0)
        {
            var slot = (int)((random >> 32) * (ulong)_aliasHands.Length >> 32);
            return (random & 0xFFFF_FFFF) < _keep[slot] ? _aliasHands[slot] : _aliasHands[_alias[slot]];
        }
        if (_bits.Length == 0)
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

    // Six random bits pick a deck slot, retried when past the deck or already dealt: each accepted pick is uniform
    // over the cards not yet taken, so the hand is a uniform sample. Words after the first come from splitmix64.
    private ulong DrawAny(ulong random)
    {
        var hand = 0UL;
        var count = 0;
        var bits = random;
        var picksLeft = 10;
        while (count < _holeCards)
        {
            if (picksLeft == 0)
            {
                random += 0x9E3779B97F4A7C15;
                var z = random;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
                bits = z ^ (z >> 31);
                picksLeft = 10;
            }
            var slot = (int)(bits & 63);
            bits >>= 6;
            picksLeft--;
            if (slot < _anyDeckLength)
            {
                var card = 1UL << _anyDeck[slot];
                count += (hand & card) == 0 ? 1 : 0;
                hand |= card;
            }
        }
        return hand;
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
