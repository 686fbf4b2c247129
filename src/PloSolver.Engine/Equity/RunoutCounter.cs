using System.Numerics;

namespace PloSolver.Engine;

/// <summary>
/// Exact single-board equity for known hands from the flop on, when at most two cards are to come (820 runouts
/// heads-up on a PLO4 flop, 44 on a turn).
/// <para>Runouts with the same ranks share their non-flush showdown, so each rank multiset of the missing cards
/// is evaluated once and weighted by its runouts that put no flush on the board for a hand that could use it.
/// Those runouts are counted, not stepped through; only the runouts that make three cards of such a suit are
/// evaluated one by one, and high-only showdowns are kept as counts by winners mask. A flop spot costs about a
/// hundred non-flush evaluations and at most a few hundred flush lookups; <see cref="BoardCounter"/>'s counting
/// machinery, built for the million boards of a preflop spot, costs more to set up than this whole enumeration
/// (half as fast on a heads-up flop, six times the allocation: docs/benchmarks.md).</para>
/// </summary>
internal sealed class RunoutCounter
{
    /// <summary>Most cards to come this counter handles.</summary>
    public const int MaxMissing = 2;

    private readonly PreparedHand[] _hands;
    private readonly bool _hiLo;
    private readonly int _dealt;
    private readonly int _boardLow;
    private readonly int _missing;
    private readonly int[] _ranks = new int[5]; // the dealt ranks, then the missing ones of the multiset visited
    private readonly int[] _flushNeed = new int[4]; // per suit, its cards a runout must bring for a usable flush
    private readonly int[] _suitRanks = new int[4];
    private readonly int[] _undealtSuits = new int[13]; // per rank, a 4-bit mask of the suits still in the deck
    private readonly ushort[] _nonFlush;
    private readonly ushort[] _actual;
    private readonly ushort[] _lows;
    private readonly BoardTally _tally;
    private readonly long[] _highOutcomes; // high only: showdowns by winners mask, added to the tally at the end
    private long _flushShowdowns; // runouts evaluated one by one so far

    private RunoutCounter(PreparedHand[] hands, Card[] board, ulong dead, bool hiLo)
    {
        _hands = hands;
        _hiLo = hiLo;
        _dealt = board.Length;
        _missing = 5 - board.Length;
        _nonFlush = new ushort[hands.Length];
        _actual = new ushort[hands.Length];
        _lows = hiLo ? new ushort[hands.Length] : [];
        _tally = new BoardTally(hands.Length);
        _highOutcomes = hiLo ? [] : new long[1 << hands.Length];
        var used = dead | Card.ToMask(board);
        var flushable = 0; // suits in which some hand holds two cards
        foreach (var hand in hands)
        {
            used |= hand.Mask;
            for (var suit = 0; suit < 4; suit++)
            {
                flushable |= hand.CanFlush(suit) ? 1 << suit : 0;
            }
        }
        Span<int> suitCounts = stackalloc int[4];
        for (var i = 0; i < board.Length; i++)
        {
            var card = board[i];
            _ranks[i] = card.Rank;
            suitCounts[card.Suit]++;
            _suitRanks[card.Suit] |= 1 << card.Rank;
            _boardLow |= LowTables.LowBit(card.Rank);
        }
        // Five cards hold at most one suit three times, so each runout makes at most one usable flush.
        for (var suit = 0; suit < 4; suit++)
        {
            _flushNeed[suit] = (flushable >> suit & 1) != 0 ? Math.Max(0, 3 - suitCounts[suit]) : int.MaxValue;
        }
        for (var index = 0; index < Card.DeckSize; index++)
        {
            if ((used >> index & 1) == 0)
            {
                _undealtSuits[index >> 2] |= 1 << (index & 3);
            }
        }
    }

    public static BoardTally Count(PreparedHand[] hands, Card[] board, ulong dead, bool hiLo)
    {
        if (board.Length is < 5 - MaxMissing or > 5)
        {
            throw new ArgumentException($"a board from the flop on has 3 to 5 cards, this one has {board.Length}", nameof(board));
        }
        var counter = new RunoutCounter(hands, board, dead, hiLo);
        switch (5 - board.Length)
        {
            case 0:
                counter.Visit(-1, -1);
                break;
            case 1:
                for (var rank = 0; rank < 13; rank++)
                {
                    counter.Visit(rank, -1);
                }
                break;
            default:
                for (var first = 0; first < 13; first++)
                {
                    for (var second = first; second < 13; second++)
                    {
                        counter.Visit(first, second);
                    }
                }
                break;
        }
        for (var winners = 1; winners < counter._highOutcomes.Length; winners++)
        {
            if (counter._highOutcomes[winners] != 0)
            {
                counter._tally.AddWinners(winners, counter._highOutcomes[winners]);
            }
        }
        return counter._tally;
    }

    /// <summary>Every runout whose missing cards have these ranks (-1: no card; first ≤ second).</summary>
    private void Visit(int first, int second)
    {
        // The card choices: one suit per missing card; a pair of one rank takes two different suits.
        var firstSuits = first < 0 ? 1 : _undealtSuits[first];
        var secondSuits = second < 0 ? 1 : _undealtSuits[second];
        var firstChoices = BitOperations.PopCount((uint)firstSuits);
        if (firstSuits == 0 || secondSuits == 0 || first == second && first >= 0 && firstChoices < 2)
        {
            return;
        }
        var low = _boardLow;
        if (first >= 0)
        {
            _ranks[_dealt] = first;
            low |= LowTables.LowBit(first);
        }
        if (second >= 0)
        {
            _ranks[_dealt + 1] = second;
            low |= LowTables.LowBit(second);
        }
        var pattern = Combinatorics.UnsortedPatternIndex(_ranks[0], _ranks[1], _ranks[2], _ranks[3], _ranks[4]);
        for (var p = 0; p < _hands.Length; p++)
        {
            _nonFlush[p] = _hands[p].NonFlush(pattern);
            if (_hiLo)
            {
                _lows[p] = _hands[p].Low(low);
            }
        }

        // Count the runouts of these ranks, then evaluate one by one only those that make a flush some hand can use.
        long runouts = first < 0 ? 1
            : second < 0 ? firstChoices
            : first == second ? firstChoices * (firstChoices - 1) / 2
            : firstChoices * BitOperations.PopCount((uint)secondSuits);
        var flushShowdownsBefore = _flushShowdowns;
        for (var suit = 0; suit < 4; suit++)
        {
            var need = _flushNeed[suit];
            if (need > _missing)
            {
                continue;
            }
            var bit = 1 << suit;
            if (need == 0)
            {
                // The board already holds three of the suit: every runout.
                if (first < 0)
                {
                    AddFlushShowdown(suit, -1, -1, -1, -1);
                    continue;
                }
                for (var a = firstSuits; a != 0; a &= a - 1)
                {
                    var firstSuit = BitOperations.TrailingZeroCount(a);
                    if (second < 0)
                    {
                        AddFlushShowdown(suit, first, firstSuit, -1, -1);
                        continue;
                    }
                    // A pair's second card takes a higher suit than its first, so each pair of cards comes once.
                    var choices = first == second ? secondSuits & ~((2 << firstSuit) - 1) : secondSuits;
                    for (var b = choices; b != 0; b &= b - 1)
                    {
                        AddFlushShowdown(suit, first, firstSuit, second, BitOperations.TrailingZeroCount(b));
                    }
                }
            }
            else if (need == 1 && second < 0)
            {
                // The turn of the suit.
                if ((firstSuits & bit) != 0)
                {
                    AddFlushShowdown(suit, first, suit, -1, -1);
                }
            }
            else if (need == 1 && first == second)
            {
                // A pair with one card of the suit and one of another.
                if ((firstSuits & bit) != 0)
                {
                    for (var b = firstSuits & ~bit; b != 0; b &= b - 1)
                    {
                        AddFlushShowdown(suit, first, suit, second, BitOperations.TrailingZeroCount(b));
                    }
                }
            }
            else if (need == 1)
            {
                // At least one card of the suit: the first of it with any second, or the second of it with
                // another first.
                if ((firstSuits & bit) != 0)
                {
                    for (var b = secondSuits; b != 0; b &= b - 1)
                    {
                        AddFlushShowdown(suit, first, suit, second, BitOperations.TrailingZeroCount(b));
                    }
                }
                if ((secondSuits & bit) != 0)
                {
                    for (var a = firstSuits & ~bit; a != 0; a &= a - 1)
                    {
                        AddFlushShowdown(suit, first, BitOperations.TrailingZeroCount(a), second, suit);
                    }
                }
            }
            else if (first != second && (firstSuits & secondSuits & bit) != 0)
            {
                // Both cards of the suit (two different ranks).
                AddFlushShowdown(suit, first, suit, second, suit);
            }
        }
        var nonFlushRunouts = runouts - (_flushShowdowns - flushShowdownsBefore);
        if (nonFlushRunouts > 0)
        {
            AddShowdown(_nonFlush, nonFlushRunouts);
        }
        _tally.Deals += runouts;
    }

    /// <summary>The one runout with these cards (-1: no card), which makes a flush in
    /// <paramref name="flushSuit"/>.</summary>
    private void AddFlushShowdown(int flushSuit, int first, int firstSuit, int second, int secondSuit)
    {
        var suitRanks = _suitRanks[flushSuit] | (firstSuit == flushSuit ? 1 << first : 0)
            | (secondSuit == flushSuit ? 1 << second : 0);
        for (var p = 0; p < _hands.Length; p++)
        {
            var hand = _hands[p];
            _actual[p] = hand.CanFlush(flushSuit)
                ? (ushort)HandValues.Max(_nonFlush[p], hand.Flush(flushSuit, suitRanks))
                : _nonFlush[p];
        }
        AddShowdown(_actual, 1);
        _flushShowdowns++;
    }

    private void AddShowdown(ushort[] high, long weight)
    {
        if (_hiLo)
        {
            _tally.Add(high, _lows, weight);
        }
        else
        {
            _highOutcomes[BoardTally.HighWinners(high)] += weight;
        }
    }
}
