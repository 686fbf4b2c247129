namespace PloSolver.Engine.Tests;

public sealed class CardParserTests
{
    [Theory]
    [InlineData("As", 12, 3)]
    [InlineData("as", 12, 3)]
    [InlineData("AS", 12, 3)]
    [InlineData("Th", 8, 2)]
    [InlineData("th", 8, 2)]
    [InlineData("10h", 8, 2)]
    [InlineData("2c", 0, 0)]
    [InlineData("9d", 7, 1)]
    [InlineData("Jd", 9, 1)]
    [InlineData("Qc", 10, 0)]
    [InlineData("Ks", 11, 3)]
    [InlineData("A♠", 12, 3)]
    [InlineData("K♥", 11, 2)]
    [InlineData("Q♦", 10, 1)]
    [InlineData("J♣", 9, 0)]
    [InlineData("A♤", 12, 3)]
    [InlineData("K♡", 11, 2)]
    [InlineData("Q♢", 10, 1)]
    [InlineData("J♧", 9, 0)]
    [InlineData(" 7h ", 5, 2)]
    public void Parses_one_card(string text, int rank, int suit)
    {
        var card = CardParser.ParseCard(text);
        Assert.Equal(rank, card.Rank);
        Assert.Equal(suit, card.Suit);
        Assert.Equal(rank * 4 + suit, card.Index);
    }

    [Theory]
    [InlineData("AsKsQhJh", "AsKsQhJh")]
    [InlineData("as ks qh jh", "AsKsQhJh")]
    [InlineData("A♠K♥Q♦J♣", "AsKhQdJc")]
    [InlineData("10h 10s\t9d\n2c", "ThTs9d2c")]
    [InlineData("10h10s", "ThTs")]
    [InlineData("  Ad  ", "Ad")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Parses_lists_in_the_order_written(string text, string formatted)
    {
        Assert.True(CardParser.TryParse(text, out var cards, out var error), error);
        Assert.Equal(formatted, Card.Format(cards));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("Xs", "'X' at position 1 is not a rank")]
    [InlineData("AsXs", "'X' at position 3 is not a rank")]
    [InlineData("As 1s", "'1' at position 4 is not a rank")]
    [InlineData("As Ks 0h", "'0' at position 7 is not a rank")]
    [InlineData("Ax", "'x' at position 2 is not a suit")]
    [InlineData("AsKsQhJz", "'z' at position 8 is not a suit")]
    [InlineData("10x", "'x' at position 3 is not a suit")]
    [InlineData("AsK", "'K' at position 3 has no suit")]
    [InlineData("As K Qh", "'K' at position 4 has no suit")]
    [InlineData("10", "'10' at position 1 has no suit")]
    [InlineData("As Kd as", "As at position 7 is a duplicate (already at position 1)")]
    [InlineData("AsKdQcKd", "Kd at position 7 is a duplicate (already at position 3)")]
    [InlineData("10h Th", "Th at position 5 is a duplicate (already at position 1)")]
    [InlineData("A♠as", "As at position 3 is a duplicate (already at position 1)")]
    public void Errors_name_the_token_and_its_1_based_position(string text, string expected)
    {
        Assert.False(CardParser.TryParse(text, out var cards, out var error));
        Assert.Empty(cards);
        Assert.NotNull(error);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        var thrown = Assert.Throws<FormatException>(() => CardParser.Parse(text));
        Assert.Equal(error, thrown.Message);
    }

    [Fact]
    public void Null_text_is_an_error()
    {
        Assert.False(CardParser.TryParse(null, out var cards, out var error));
        Assert.Empty(cards);
        Assert.Equal("no cards given", error);
    }

    [Theory]
    [InlineData("AsKs")]
    [InlineData("")]
    public void ParseCard_wants_exactly_one_card(string text)
    {
        var error = Assert.Throws<FormatException>(() => CardParser.ParseCard(text));
        Assert.Contains("expected one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_card_parses_back_from_its_text()
    {
        foreach (var card in TestCards.Deck())
        {
            Assert.Equal(card, CardParser.ParseCard(card.ToString()));
            Assert.Equal(card, CardParser.ParseCard(card.ToString().ToLowerInvariant()));
        }
        var all = CardParser.Parse(string.Concat(TestCards.Deck().Select(c => c.ToString())));
        Assert.Equal(52, all.Length);
        Assert.Equal(52, all.Distinct().Count());
    }
}
