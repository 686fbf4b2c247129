using System.Numerics;

namespace PloSolver.Engine;

/// <summary>The result of evaluating a hand, with the cards that make it.</summary>
/// <param name="Value">The high value (higher is better).</param>
/// <param name="BestFive">The five cards that make the high hand, strongest-ranked first.</param>
/// <param name="Low">The eight-or-better low, for hi-lo (<see cref="LowValue.None"/> otherwise or when none).</param>
/// <param name="LowFive">The five cards that make the low, or empty.</param>
public sealed record HandEvaluation(HandValue Value, IReadOnlyList<Card> BestFive, LowValue Low, IReadOnlyList<Card> LowFive)
{
    /// <summary>The high hand's category.</summary>
    public HandCategory Category => Value.Category;

    /// <summary>The high hand in words.</summary>
    public string Description => Value.Description;
}

/// <summary>
/// Hand evaluation: the best five of 5–7 cards, and Omaha high and eight-or-better low (exactly two hole cards
/// and three board cards).
/// </summary>
public static class HandEvaluator
{
    /// <summary>Value of the best five-card hand among 5 to 7 cards.</summary>
    public static HandValue High(ReadOnlySpan<Card> cards)
    {
        if (cards.Length is < 5 or > 7)
        {
            throw new ArgumentException($"expected 5 to 7 cards, got {cards.Length}", nameof(cards));
        }
        if (BitOperations.PopCount(Card.ToMask(cards)) != cards.Length)
        {
            throw new ArgumentException("the cards are not distinct", nameof(cards));
        }
        Span<int> suitRanks = stackalloc int[4];
        foreach (var card in cards)
        {
            suitRanks[card.Suit] |= 1 << card.Rank;
        }
        var best = 0;
        foreach (var ranks in suitRanks)
        {
            if (BitOperations.PopCount((uint)ranks) >= 5)
            {
                best = FiveCardTables.BestFlush[ranks];
            }
        }
        // Seven cards holding a flush have at most two others: too few for a full house or quads, so the flush
        // (or straight flush) is the hand.
        if (best != 0)
        {
            return new HandValue((ushort)best);
        }
        return new HandValue(BestNonFlush(cards));
    }

    /// <summary>
    /// The best non-flush five of 5–7 cards, picked from the rank counts the way a player reads a hand: quads,
    /// then a full house, a straight, trips, two pair, a pair, high cards, each filled with the highest kickers.
    /// </summary>
    private static ushort BestNonFlush(ReadOnlySpan<Card> cards)
    {
        Span<int> counts = stackalloc int[13];
        var present = 0;
        foreach (var card in cards)
        {
            counts[card.Rank]++;
            present |= 1 << card.Rank;
        }
        // Ranks by (count, rank) descending, the order in which they fill a made hand.
        int quads = -1, trips = -1, pair = -1, secondPair = -1;
        for (var r = 12; r >= 0; r--)
        {
            switch (counts[r])
            {
                case 4 when quads < 0:
                    quads = r;
                    break;
                case >= 3 when trips < 0:
                    trips = r;
                    break;
                case >= 2 when pair < 0:
                    pair = r;
                    break;
                case >= 2 when secondPair < 0:
                    secondPair = r;
                    break;
            }
        }
        Span<int> five = stackalloc int[5];
        var n = 0;
        void Take(int rank, int times, Span<int> five)
        {
            for (var i = 0; i < times; i++)
            {
                five[n++] = rank;
            }
        }
        // Fills the hand with the highest ranks not yet used.
        void Kickers(int used, Span<int> five)
        {
            for (var r = 12; r >= 0 && n < 5; r--)
            {
                if ((present >> r & 1) != 0 && (used >> r & 1) == 0)
                {
                    five[n++] = r;
                }
            }
        }

        var straight = FiveCardTableGenerator.StraightHigh(present);
        if (quads >= 0)
        {
            Take(quads, 4, five);
            Kickers(1 << quads, five);
        }
        else if (trips >= 0 && pair >= 0)
        {
            Take(trips, 3, five);
            Take(pair, 2, five);
        }
        else if (straight >= 0)
        {
            for (var i = 0; i < 5; i++)
            {
                five[n++] = straight - i < 0 ? 12 : straight - i; // the wheel's five-high straight plays the ace low
            }
        }
        else if (trips >= 0)
        {
            Take(trips, 3, five);
            Kickers(1 << trips, five);
        }
        else if (secondPair >= 0)
        {
            Take(pair, 2, five);
            Take(secondPair, 2, five);
            Kickers(1 << pair | 1 << secondPair, five);
        }
        else if (pair >= 0)
        {
            Take(pair, 2, five);
            Kickers(1 << pair, five);
        }
        else
        {
            Kickers(0, five);
        }
        return FiveCardTables.NonFlush[Combinatorics.UnsortedPatternIndex(five[0], five[1], five[2], five[3], five[4])];
    }

    /// <summary>
    /// Omaha high value: the best hand using exactly two of the 4–6 hole cards and exactly three of the 3–5 board
    /// cards.
    /// </summary>
    public static HandValue OmahaHigh(ReadOnlySpan<Card> hole, ReadOnlySpan<Card> board)
    {
        CheckOmaha(hole, board);
        if (board.Length == 5)
        {
            return new HandValue(DirectOmaha.High(hole, board));
        }
        var best = 0;
        foreach (var five in OmahaCombinations(hole.ToArray(), board.ToArray()))
        {
            best = Math.Max(best, FiveCardTables.Evaluate5(five[0], five[1], five[2], five[3], five[4]));
        }
        return new HandValue((ushort)best);
    }

    /// <summary>
    /// Omaha eight-or-better low: five distinct ranks of eight or lower (ace low), exactly two from the hole and
    /// three from the board. <see cref="LowValue.None"/> when no low qualifies.
    /// </summary>
    public static LowValue OmahaLow(ReadOnlySpan<Card> hole, ReadOnlySpan<Card> board)
    {
        CheckOmaha(hole, board);
        var holeLow = 0;
        foreach (var card in hole)
        {
            holeLow |= LowTables.LowBit(card.Rank);
        }
        var boardLow = 0;
        foreach (var card in board)
        {
            boardLow |= LowTables.LowBit(card.Rank);
        }
        return new LowValue(LowTables.OmahaLow[boardLow << 8 | holeLow]);
    }

    /// <summary>Evaluates an Omaha hand on a board, naming the five cards of the high (and low) hand.</summary>
    public static HandEvaluation EvaluateOmaha(ReadOnlySpan<Card> hole, ReadOnlySpan<Card> board, bool hiLo)
    {
        CheckOmaha(hole, board);
        var best = 0;
        var bestLow = 0;
        Card[] bestFive = [];
        Card[] lowFive = [];
        foreach (var fiveArray in OmahaCombinations(hole.ToArray(), board.ToArray()))
        {
            var value = FiveCardTables.Evaluate5(fiveArray[0], fiveArray[1], fiveArray[2], fiveArray[3], fiveArray[4]);
            if (value > best)
            {
                best = value;
                bestFive = [.. fiveArray];
            }
            var low = LowOfFive(fiveArray);
            if (hiLo && low > bestLow)
            {
                bestLow = low;
                lowFive = [.. fiveArray];
            }
        }
        return new HandEvaluation(new HandValue((ushort)best), OrderForDisplay(bestFive, (ushort)best), new LowValue((ushort)bestLow),
            [.. lowFive.OrderByDescending(c => LowTables.LowBit(c.Rank))]);
    }

    /// <summary>Evaluates the best five of 5–7 cards, naming those five.</summary>
    public static HandEvaluation EvaluateHigh(ReadOnlySpan<Card> cards)
    {
        var value = High(cards);
        Card[] bestFive = [];
        foreach (var five in Subsets(cards.ToArray(), 5))
        {
            if (FiveCardTables.Evaluate5(five[0], five[1], five[2], five[3], five[4]) == value.Value)
            {
                bestFive = five;
                break;
            }
        }
        return new HandEvaluation(value, OrderForDisplay(bestFive, value.Value), LowValue.None, []);
    }

    // Low value of five specific cards: all distinct low ranks, else 0.
    private static int LowOfFive(ReadOnlySpan<Card> five)
    {
        var mask = 0;
        foreach (var card in five)
        {
            var bit = LowTables.LowBit(card.Rank);
            if (bit == 0 || (mask & bit) != 0)
            {
                return 0;
            }
            mask |= bit;
        }
        return 256 - mask;
    }

    // Cards of the made hand first (quads, trips, pairs), then kickers, high to low; wheel straights end on the ace.
    private static Card[] OrderForDisplay(Card[] five, ushort value)
    {
        var category = FiveCardTables.CategoryOf(value);
        var isWheel = category is HandCategory.Straight or HandCategory.StraightFlush
            && (FiveCardTables.KeyOfValue[value] >> 16 & 15) == 3;
        return [.. five
            .OrderByDescending(c => five.Count(o => o.Rank == c.Rank))
            .ThenByDescending(c => isWheel && c.Rank == 12 ? -1 : c.Rank)
            .ThenByDescending(c => c.Suit)];
    }

    private static void CheckOmaha(ReadOnlySpan<Card> hole, ReadOnlySpan<Card> board)
    {
        if (hole.Length is < 4 or > 6)
        {
            throw new ArgumentException($"an Omaha hand has 4 to 6 cards, got {hole.Length}", nameof(hole));
        }
        if (board.Length is < 3 or > 5)
        {
            throw new ArgumentException($"an Omaha board has 3 to 5 cards to evaluate on, got {board.Length}", nameof(board));
        }
        if ((Card.ToMask(hole) & Card.ToMask(board)) != 0 || BitOperations.PopCount(Card.ToMask(hole) | Card.ToMask(board)) != hole.Length + board.Length)
        {
            throw new ArgumentException("hand and board share a card");
        }
    }

    // Every hand of exactly two hole cards and three board cards.
    private static IEnumerable<Card[]> OmahaCombinations(Card[] hole, Card[] board)
    {
        foreach (var two in Subsets(hole, 2))
        {
            foreach (var three in Subsets(board, 3))
            {
                yield return [two[0], two[1], three[0], three[1], three[2]];
            }
        }
    }

    private static IEnumerable<Card[]> Subsets(Card[] cards, int k) =>
        Combinatorics.SubsetsOfSize(Card.ToMask(cards), k).Select(Card.FromMask);
}
