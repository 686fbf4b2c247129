namespace PloSolver.Engine.Tests;

public sealed class CardTests
{
    [Theory]
    [InlineData(0, "2c")]
    [InlineData(1, "2d")]
    [InlineData(2, "2h")]
    [InlineData(3, "2s")]
    [InlineData(4, "3c")]
    [InlineData(32, "Tc")]
    [InlineData(51, "As")]
    public void Index_is_rank_times_four_plus_suit(int index, string text)
    {
        var card = new Card(index);
        Assert.Equal(text, card.ToString());
        Assert.Equal(index / 4, card.Rank);
        Assert.Equal(index % 4, card.Suit);
        Assert.Equal(1UL << index, card.Mask);
        Assert.Equal(card, new Card(index / 4, index % 4));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(52)]
    public void Index_outside_the_deck_is_refused(int index) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Card(index));

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(13, 0)]
    [InlineData(0, -1)]
    [InlineData(0, 4)]
    public void Rank_or_suit_outside_its_range_is_refused(int rank, int suit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Card(rank, suit));

    [Fact]
    public void Format_writes_cards_without_separators() =>
        Assert.Equal("AsKsQhJh", Card.Format([new Card(12, 3), new Card(11, 3), new Card(10, 2), new Card(9, 2)]));

    [Fact]
    public void Masks_round_trip_lowest_index_first()
    {
        var cards = CardParser.Parse("As 2c Td 7h");
        var mask = Card.ToMask(cards);
        Assert.Equal(1UL << 51 | 1UL << 0 | 1UL << 33 | 1UL << 22, mask);
        Assert.Equal("2c7hTdAs", Card.Format(Card.FromMask(mask)));
        Assert.Empty(Card.FromMask(0));
        Assert.Equal(52, Card.FromMask((1UL << 52) - 1).Length);
    }
}
