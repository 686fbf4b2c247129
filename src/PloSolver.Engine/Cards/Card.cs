namespace PloSolver.Engine;

/// <summary>
/// A playing card stored as one byte, <c>rank * 4 + suit</c> (0..51). Ranks run from deuce (0) to ace (12);
/// suits are clubs, diamonds, hearts, spades (0..3). Sets of cards are <see cref="ulong"/> masks with bit
/// <see cref="Index"/> set.
/// </summary>
public readonly record struct Card
{
    /// <summary>Cards in a deck.</summary>
    public const int DeckSize = 52;

    internal const string RankChars = "23456789TJQKA";
    internal const string SuitChars = "cdhs";

    /// <summary>Creates the card with the given index (0..51).</summary>
    public Card(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, DeckSize);
        Index = (byte)index;
    }

    /// <summary>Creates a card from a rank (0 = deuce .. 12 = ace) and a suit (0 = clubs .. 3 = spades).</summary>
    public Card(int rank, int suit) : this(CheckedRank(rank) * 4 + CheckedSuit(suit))
    {
    }

    /// <summary>rank * 4 + suit.</summary>
    public byte Index { get; }

    /// <summary>0 = deuce .. 12 = ace.</summary>
    public int Rank => Index >> 2;

    /// <summary>0 = clubs, 1 = diamonds, 2 = hearts, 3 = spades.</summary>
    public int Suit => Index & 3;

    /// <summary>The card's bit in a card mask.</summary>
    public ulong Mask => 1UL << Index;

    /// <summary>Two characters, rank then suit: <c>As</c>, <c>Td</c>, <c>2c</c>.</summary>
    public override string ToString() => string.Create(2, this, static (span, card) =>
    {
        span[0] = RankChars[card.Rank];
        span[1] = SuitChars[card.Suit];
    });

    /// <summary>Writes cards as one string without separators (<c>AsKsQhJh</c>).</summary>
    public static string Format(ReadOnlySpan<Card> cards)
    {
        var chars = new char[cards.Length * 2];
        for (var i = 0; i < cards.Length; i++)
        {
            chars[2 * i] = RankChars[cards[i].Rank];
            chars[2 * i + 1] = SuitChars[cards[i].Suit];
        }
        return new string(chars);
    }

    /// <summary>The cards of a mask, lowest index first.</summary>
    public static Card[] FromMask(ulong mask)
    {
        var cards = new Card[System.Numerics.BitOperations.PopCount(mask)];
        for (var i = 0; mask != 0; i++, mask &= mask - 1)
        {
            cards[i] = new Card(System.Numerics.BitOperations.TrailingZeroCount(mask));
        }
        return cards;
    }

    /// <summary>The mask of a set of cards.</summary>
    public static ulong ToMask(ReadOnlySpan<Card> cards)
    {
        var mask = 0UL;
        foreach (var card in cards)
        {
            mask |= card.Mask;
        }
        return mask;
    }

    private static int CheckedRank(int rank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rank, 12);
        return rank;
    }

    private static int CheckedSuit(int suit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(suit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(suit, 3);
        return suit;
    }
}
