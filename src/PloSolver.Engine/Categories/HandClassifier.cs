using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace PloSolver.Engine;

/// <summary>
/// Classifies Omaha hands (4, 5 or 6 hole cards) on one flop, turn or river: made-hand class, effective nuts,
/// draws with straight outs, and blockers (<see cref="HandClass"/>). Everything that depends only on the board is
/// worked out once by <see cref="ForBoard"/>: the best value of every rank pair and suited pair with three board
/// cards, and every two-card holding an opponent could have, sorted by value. <see cref="Classify(ReadOnlySpan{Card})"/>
/// then costs a few table lookups and bit operations per hand and allocates nothing, so a whole range (hundreds of
/// thousands of hands) is classified in milliseconds. An instance is immutable and safe to share between threads.
/// </summary>
public sealed class HandClassifier
{
    // Rank masks of the ten straights, wheel (A-2-3-4-5) first.
    private static ReadOnlySpan<ushort> Straights =>
        [0x100F, 0x001F, 0x003E, 0x007C, 0x00F8, 0x01F0, 0x03E0, 0x07C0, 0x0F80, 0x1F00];

    private readonly Card[] _board;
    private readonly ulong _boardMask;
    private readonly int _boardRanks;     // ranks on the board
    private readonly int _boardSingles;   // ranks exactly once on the board
    private readonly int _boardPairs;     // ranks exactly twice on the board
    private readonly int _topRank;        // highest board rank
    private readonly int _secondRank;     // second-highest distinct board rank, or -1
    private readonly int _topTwoRanks;    // the two highest ranks when both are unpaired, else 0 (no top two pair)

    // Best non-flush value of two hole cards by the Combinatorics.PairIndex of their ranks (three board cards).
    private readonly ushort[] _nonFlushByPair = new ushort[Combinatorics.RankPairs];

    // The suit with three or more board cards (at most one exists on 3 to 5 cards), or -1, and the best flush of
    // two hole cards of that suit by their pair index.
    private readonly int _flushSuit = -1;
    private readonly ushort[] _flushByPair = new ushort[Combinatorics.RankPairs];

    // Every two-card holding off the board, best first: values and card masks side by side.
    private readonly ushort[] _rivalValues;
    private readonly ulong[] _rivalMasks;
    private readonly ulong _nutCards;

    private readonly bool _cardsToCome;
    private readonly bool _isFlop;
    private readonly int _drawSuits;             // suits the board shows exactly twice, with cards to come
    private readonly int _backdoorSuits;         // flop: suits the board shows exactly once
    private readonly ulong[] _highestMissing = new ulong[4]; // per suit, the best card of it not on the board
    private readonly ulong _nutFlushBlockers;

    private HandClassifier(ReadOnlySpan<Card> board)
    {
        _board = board.ToArray();
        _boardMask = Card.ToMask(board);
        _cardsToCome = board.Length < 5;
        _isFlop = board.Length == 3;

        Span<int> rankCounts = stackalloc int[13];
        Span<int> suitCounts = stackalloc int[4];
        Span<int> suitRanks = stackalloc int[4];
        foreach (var card in board)
        {
            rankCounts[card.Rank]++;
            suitCounts[card.Suit]++;
            suitRanks[card.Suit] |= 1 << card.Rank;
        }
        for (var rank = 0; rank < 13; rank++)
        {
            var bit = 1 << rank;
            _boardRanks |= rankCounts[rank] > 0 ? bit : 0;
            _boardSingles |= rankCounts[rank] == 1 ? bit : 0;
            _boardPairs |= rankCounts[rank] == 2 ? bit : 0;
        }
        _topRank = 31 - BitOperations.LeadingZeroCount((uint)_boardRanks);
        var rest = _boardRanks & ~(1 << _topRank);
        _secondRank = rest == 0 ? -1 : 31 - BitOperations.LeadingZeroCount((uint)rest);
        if (_secondRank >= 0 && (_boardSingles >> _topRank & 1) != 0 && (_boardSingles >> _secondRank & 1) != 0)
        {
            _topTwoRanks = 1 << _topRank | 1 << _secondRank;
        }

        for (var suit = 0; suit < 4; suit++)
        {
            var missing = 0x1FFF & ~suitRanks[suit];
            _highestMissing[suit] = new Card(31 - BitOperations.LeadingZeroCount((uint)missing), suit).Mask;
            if (suitCounts[suit] >= 3)
            {
                _flushSuit = suit;
                _nutFlushBlockers |= _highestMissing[suit];
            }
            else if (suitCounts[suit] == 2 && _cardsToCome)
            {
                _drawSuits |= 1 << suit;
                _nutFlushBlockers |= _highestMissing[suit];
            }
            else if (suitCounts[suit] == 1 && _isFlop)
            {
                _backdoorSuits |= 1 << suit;
            }
        }

        BuildPairTables(board, _flushSuit < 0 ? 0 : suitRanks[_flushSuit]);
        (_rivalValues, _rivalMasks) = BuildRivals();
        for (var i = 0; i < _rivalValues.Length && _rivalValues[i] == _rivalValues[0]; i++)
        {
            _nutCards |= _rivalMasks[i];
        }
    }

    /// <summary>Prepares the classification of hands on a flop, turn or river (3 to 5 distinct cards).</summary>
    /// <exception cref="ArgumentException">The board is not 3 to 5 distinct cards.</exception>
    public static HandClassifier ForBoard(ReadOnlySpan<Card> board)
    {
        if (board.Length is < 3 or > 5)
        {
            throw new ArgumentException($"a board to classify on has 3 to 5 cards, got {board.Length}", nameof(board));
        }
        if (BitOperations.PopCount(Card.ToMask(board)) != board.Length)
        {
            throw new ArgumentException("the board cards are not distinct", nameof(board));
        }
        return new HandClassifier(board);
    }

    /// <summary>Classifies one hand on one board; to classify many hands on a board, use <see cref="ForBoard"/> once.</summary>
    /// <exception cref="ArgumentException">The board is not 3 to 5 distinct cards, or the hand not 4 to 6 distinct
    /// cards off the board.</exception>
    public static HandClass Classify(ReadOnlySpan<Card> hole, ReadOnlySpan<Card> board) => ForBoard(board).Classify(hole);

    /// <summary>The board, in the order given.</summary>
    public IReadOnlyList<Card> Board => _board;

    /// <summary>
    /// The board's nuts: the best high hand any two cards off the board make with three board cards, whatever
    /// the hero holds (a hand's <see cref="HandClass.IsNuts"/> takes its own cards into account instead).
    /// </summary>
    public HandValue NutValue => new(_rivalValues[0]);

    /// <summary>Classifies one hand of 4 to 6 hole cards on this board. Allocates nothing.</summary>
    /// <exception cref="ArgumentException">The hand is not 4 to 6 distinct cards, or shares a card with the board.</exception>
    public HandClass Classify(ReadOnlySpan<Card> hole)
    {
        if (hole.Length is < 4 or > 6)
        {
            ThrowHoleLength(hole.Length);
        }

        // Rank masks by how many hole cards have the rank (at least one, two, three, four), and the hole cards'
        // suit counts packed four bits a suit.
        int one = 0, two = 0, three = 0, four = 0, suitCounts = 0;
        var mask = 0UL;
        foreach (var card in hole)
        {
            var bit = 1 << card.Rank;
            four |= three & bit;
            three |= two & bit;
            two |= one & bit;
            one |= bit;
            suitCounts += 1 << (card.Suit * 4);
            mask |= card.Mask;
        }
        if (BitOperations.PopCount(mask) != hole.Length || (mask & _boardMask) != 0)
        {
            ThrowHoleCards();
        }

        var value = HighValue(hole);
        var category = FiveCardTables.CategoryOf(value);
        var made = MadeClass(category, one, two);

        var draws = DrawKind.None;
        var straightOuts = 0;
        if (_cardsToCome && category < HandCategory.Flush)
        {
            for (var suits = _drawSuits; suits != 0; suits &= suits - 1)
            {
                var suit = BitOperations.TrailingZeroCount(suits);
                if ((suitCounts >> (suit * 4) & 15) >= 2)
                {
                    draws |= DrawKind.FlushDraw;
                    draws |= (mask & _highestMissing[suit]) != 0 ? DrawKind.NutFlushDraw : DrawKind.None;
                }
            }
            for (var suits = _backdoorSuits; suits != 0; suits &= suits - 1)
            {
                if ((suitCounts >> (BitOperations.TrailingZeroCount(suits) * 4) & 15) >= 2)
                {
                    draws |= DrawKind.BackdoorFlushDraw;
                }
            }
        }
        if (_cardsToCome && category < HandCategory.Straight)
        {
            var outRanks = StraightOutRanks(one) & ~four; // a rank whose four cards the hero holds gives no out
            // Each out rank is off the board, so its unseen cards are the four less the hero's.
            straightOuts = 4 * BitOperations.PopCount((uint)outRanks) - BitOperations.PopCount((uint)(outRanks & one))
                - BitOperations.PopCount((uint)(outRanks & two)) - BitOperations.PopCount((uint)(outRanks & three));
            draws |= BitOperations.PopCount((uint)outRanks) switch
            {
                0 => DrawKind.None,
                1 => DrawKind.Gutshot,
                2 => DrawKind.OpenEnded,
                _ => DrawKind.Wrap,
            };
            if (_isFlop && outRanks == 0 && HasBackdoorStraight(one, four))
            {
                draws |= DrawKind.BackdoorStraightDraw;
            }
        }

        return new HandClass(made, new HandValue(value), IsEffectiveNuts(value, mask), draws, straightOuts,
            (mask & _nutCards) != 0, (mask & _nutFlushBlockers) != 0);
    }

    private ushort HighValue(ReadOnlySpan<Card> hole)
    {
        var best = 0;
        for (var i = 0; i < hole.Length; i++)
        {
            for (var j = i + 1; j < hole.Length; j++)
            {
                best = Math.Max(best, PairValue(hole[i], hole[j]));
            }
        }
        return (ushort)best;
    }

    // The best hand of exactly these two hole cards with three board cards.
    private int PairValue(Card a, Card b)
    {
        var index = a.Rank <= b.Rank ? Combinatorics.PairIndex(a.Rank, b.Rank) : Combinatorics.PairIndex(b.Rank, a.Rank);
        var value = (int)_nonFlushByPair[index];
        if (a.Suit == _flushSuit && b.Suit == _flushSuit)
        {
            value = Math.Max(value, _flushByPair[index]);
        }
        return value;
    }

    private MadeHandClass MadeClass(HandCategory category, int one, int two)
    {
        switch (category)
        {
            case HandCategory.StraightFlush:
                return MadeHandClass.StraightFlush;
            case HandCategory.FourOfAKind:
                return MadeHandClass.Quads;
            case HandCategory.FullHouse:
                return MadeHandClass.FullHouse;
            case HandCategory.Flush:
                return MadeHandClass.Flush;
            case HandCategory.Straight:
                return MadeHandClass.Straight;
            case HandCategory.ThreeOfAKind:
                // A pocket pair with a board single is a set, one hole card with a board pair trips (both at once
                // would be a full house); otherwise the three of a kind is the board's own trips.
                return (two & _boardSingles) != 0 ? MadeHandClass.Set
                    : (one & _boardPairs) != 0 ? MadeHandClass.Trips
                    : MadeHandClass.NoMadeHand;
        }

        // Below three of a kind no hole card matches a board pair (that would be trips) and no pocket pair matches
        // a board rank (a set or quads): the hand's own pairs are hole ranks matching board singles, and pocket
        // pairs off the board.
        var paired = one & _boardSingles;
        if (_topTwoRanks != 0 && (paired & _topTwoRanks) == _topTwoRanks)
        {
            return MadeHandClass.TopTwoPair;
        }
        if (BitOperations.PopCount((uint)paired) >= 2)
        {
            return MadeHandClass.TwoPair;
        }
        if (two >> (_topRank + 1) != 0)
        {
            return MadeHandClass.Overpair;
        }
        if ((paired >> _topRank & 1) != 0)
        {
            return MadeHandClass.TopPair;
        }
        if (_secondRank >= 0 && (paired >> _secondRank & 1) != 0)
        {
            return MadeHandClass.SecondPair;
        }
        return (paired | two) != 0 ? MadeHandClass.WeakPair : MadeHandClass.NoMadeHand;
    }

    // Whether no two cards off the board and out of the hero's hand beat the hero's value. Rivals are sorted best
    // first, so the scan stops at the first one that does not beat the hero; of those that do, at most the few
    // holding one of the hero's cards are skipped before an answer.
    private bool IsEffectiveNuts(ushort value, ulong hero)
    {
        for (var i = 0; i < _rivalValues.Length && _rivalValues[i] > value; i++)
        {
            if ((_rivalMasks[i] & hero) == 0)
            {
                return false;
            }
        }
        return true;
    }

    // Ranks off the board that, as the next card, give a straight to a hand with hole ranks `holeRanks` that has
    // none now. A straight takes two hole ranks and three board ranks of one five-rank window: with the new rank,
    // the window's ranks missing from the board must be at most two, all held, and the hand must hold two ranks of
    // the window.
    private int StraightOutRanks(int holeRanks)
    {
        var outs = 0;
        foreach (int window in Straights)
        {
            if (BitOperations.PopCount((uint)(window & holeRanks)) < 2)
            {
                continue;
            }
            var missing = window & ~_boardRanks;
            var notHeld = missing & ~holeRanks;
            var missingCount = BitOperations.PopCount((uint)missing);
            if (notHeld == 0 && missingCount == 3)
            {
                outs |= missing; // any of the three: the hand holds the other two
            }
            else if (notHeld != 0 && (notHeld & (notHeld - 1)) == 0 && missingCount <= 3)
            {
                outs |= notHeld; // the one missing rank the hand does not hold
            }
        }
        return outs;
    }

    // Flop only: whether some turn and river of two unseen ranks give a straight. In a window where the hand holds
    // two ranks X, the three others must all be on the board by the river: at most two off the flop, each with a
    // card left (not all four in the hero's hand; off the flop, none is on the board).
    private bool HasBackdoorStraight(int holeRanks, int heldFour)
    {
        foreach (int window in Straights)
        {
            var held = window & holeRanks;
            for (var a = held; a != 0; a &= a - 1)
            {
                for (var b = a & (a - 1); b != 0; b &= b - 1)
                {
                    var used = (a & -a) | (b & -b);
                    var needed = window & ~used & ~_boardRanks;
                    if (BitOperations.PopCount((uint)needed) <= 2 && (needed & heldFour) == 0)
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // Omaha's rule makes a hand's value the best over its hole pairs of (pair, three board cards), so the best of
    // every rank pair with every board triple is tabulated once (91 pairs, 1 to 10 triples), and likewise every
    // suited pair of the flush suit with every triple of the board's cards of that suit.
    private void BuildPairTables(ReadOnlySpan<Card> board, int flushRanks)
    {
        for (var i = 0; i < board.Length; i++)
        {
            for (var j = i + 1; j < board.Length; j++)
            {
                for (var k = j + 1; k < board.Length; k++)
                {
                    for (var high = 0; high < 13; high++)
                    {
                        for (var low = 0; low <= high; low++)
                        {
                            var pattern = Combinatorics.UnsortedPatternIndex(low, high, board[i].Rank, board[j].Rank, board[k].Rank);
                            var index = Combinatorics.PairIndex(low, high);
                            _nonFlushByPair[index] = Math.Max(_nonFlushByPair[index], FiveCardTables.NonFlush[pattern]);
                        }
                    }
                }
            }
        }
        if (_flushSuit < 0)
        {
            return;
        }
        foreach (var triple in Combinatorics.SubsetsOfSize((ulong)flushRanks, 3))
        {
            for (var high = 1; high < 13; high++)
            {
                for (var low = 0; low < high; low++)
                {
                    var ranks = (1 << low) | (1 << high);
                    if ((ranks & flushRanks) != 0)
                    {
                        continue; // the hand cannot hold a card of its suit that is on the board
                    }
                    var index = Combinatorics.PairIndex(low, high);
                    _flushByPair[index] = Math.Max(_flushByPair[index], FiveCardTables.Flush[ranks | (int)triple]);
                }
            }
        }
    }

    private (ushort[] Values, ulong[] Masks) BuildRivals()
    {
        var deck = new Card[Card.DeckSize - _board.Length];
        var n = 0;
        for (var index = 0; index < Card.DeckSize; index++)
        {
            if ((_boardMask >> index & 1) == 0)
            {
                deck[n++] = new Card(index);
            }
        }
        var count = n * (n - 1) / 2;
        var keys = new int[count];
        var masks = new ulong[count];
        var m = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                keys[m] = -PairValue(deck[i], deck[j]); // negated: sort best first
                masks[m++] = deck[i].Mask | deck[j].Mask;
            }
        }
        Array.Sort(keys, masks);
        var values = new ushort[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (ushort)-keys[i];
        }
        return (values, masks);
    }

    [DoesNotReturn]
    private static void ThrowHoleLength(int length) =>
        throw new ArgumentException($"an Omaha hand has 4 to 6 cards, got {length}", "hole");

    [DoesNotReturn]
    private static void ThrowHoleCards() =>
        throw new ArgumentException("the hand's cards are not distinct or share a card with the board", "hole");
}
