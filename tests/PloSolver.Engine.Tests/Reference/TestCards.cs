namespace PloSolver.Engine.Tests;

/// <summary>Card shorthand and seeded random deals for tests.</summary>
internal static class TestCards
{
    /// <summary>All 52 cards, index order.</summary>
    public static Card[] Deck() => [.. Enumerable.Range(0, Card.DeckSize).Select(i => new Card(i))];

    /// <summary>Parses card text, throwing on any error.</summary>
    public static Card[] C(string text) => CardParser.Parse(text);

    /// <summary>Draws <paramref name="count"/> distinct items from <paramref name="source"/> (partial shuffle in
    /// place).</summary>
    public static T[] Draw<T>(Random random, T[] source, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, source.Length);
            (source[i], source[j]) = (source[j], source[i]);
        }
        return source[..count];
    }

    /// <summary>A deck restricted to some suits (flush-heavy deals) or some ranks (low-heavy deals).</summary>
    public static Card[] DeckWhere(Func<Card, bool> keep) => [.. Deck().Where(keep)];

    /// <summary>Splits consecutive cards into a hole of <paramref name="holeCards"/> and a board.</summary>
    public static (Card[] Hole, Card[] Board) Split(Card[] cards, int holeCards) => (cards[..holeCards], cards[holeCards..]);

    public static string Text(IEnumerable<Card> cards) => Card.Format([.. cards]);
}
