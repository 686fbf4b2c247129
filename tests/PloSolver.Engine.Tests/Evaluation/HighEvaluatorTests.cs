using static PloSolver.Engine.Tests.TestCards;

namespace PloSolver.Engine.Tests;

/// <summary>HandEvaluator.High and EvaluateHigh on 5–7 cards, and hand descriptions.</summary>
public sealed class HighEvaluatorTests
{
    [Theory]
    [InlineData(6, 100_000, 601)]
    [InlineData(7, 100_000, 701)]
    public void Six_and_seven_cards_take_the_best_five_on_random_hands(int size, int hands, int seed) =>
        AssertBestFiveOnRandomHands(Deck(), size, hands, seed);

    [Theory]
    [InlineData(5, 20_000, 502)]
    [InlineData(6, 30_000, 602)]
    [InlineData(7, 30_000, 702)]
    public void Flush_heavy_hands_from_two_suits_take_the_best_five(int size, int hands, int seed) =>
        // Two suits only: most hands hold five to seven cards of one suit, often with straight flushes.
        AssertBestFiveOnRandomHands(DeckWhere(c => c.Suit >= 2), size, hands, seed);

    // The engine's value of random hands from the deck equals the slow reference's best five.
    private static void AssertBestFiveOnRandomHands(Card[] deck, int size, int hands, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < hands; i++)
        {
            var cards = Draw(random, deck, size);
            var expected = SlowEvaluator.ExpectedValue(SlowEvaluator.BestOf(cards));
            var actual = HandEvaluator.High(cards).Value;
            Assert.True(expected == actual, $"{Text(cards)}: {actual}, expected {expected}");
        }
    }

    [Theory]
    [InlineData("AsKsQsJs9s8s7s", "Flush, ace high")] // seven of a suit, no straight flush: the five highest
    [InlineData("9s8s7s6s5s4s3s", "Straight flush, nine high")] // seven in a row: the highest run
    [InlineData("As2s3s4s5s6s7s", "Straight flush, seven high")]
    [InlineData("As2s3s4s5sKdKc", "Straight flush, five high")]
    [InlineData("KsKdKcKh2s2d2c", "Four of a kind, kings")]
    [InlineData("KsKdKc2h2s3d3c", "Full house, kings full of threes")]
    [InlineData("KsKdKc2h2s2d3c", "Full house, kings full of deuces")]
    [InlineData("9s9d9c4h4s4d3c", "Full house, nines full of fours")]
    [InlineData("AsKd9c8h7s6d5c", "Straight, nine high")]
    [InlineData("AsKdQcJhTs9d8c", "Straight, ace high")]
    [InlineData("As2d3c4h5s9dTc", "Straight, five high")]
    [InlineData("As2d3c4h5s6dTc", "Straight, six high")]
    [InlineData("AsAdKcKhQsQdJc", "Two pair, aces and kings")]
    [InlineData("Ah9h7h4h2h3c3d", "Flush, ace high")]
    public void Seven_card_hands_have_the_expected_best_hand(string cards, string description) =>
        Assert.Equal(description, HandEvaluator.High(C(cards)).Description);

    [Theory]
    [InlineData("9s8h7d6c5s", "Straight, nine high")]
    [InlineData("As2d3c4h5s", "Straight, five high")]
    [InlineData("AsKdQcJhTs", "Straight, ace high")]
    [InlineData("KsKhKd5c5s", "Full house, kings full of fives")]
    [InlineData("6s6h6dTcTs", "Full house, sixes full of tens")]
    [InlineData("AsKsQsJsTs", "Royal flush")]
    [InlineData("9h8h7h6h5h", "Straight flush, nine high")]
    [InlineData("5s4s3s2sAs", "Straight flush, five high")]
    [InlineData("QsQhQdQc2s", "Four of a kind, queens")]
    [InlineData("2s2h2d2cAs", "Four of a kind, deuces")]
    [InlineData("AhJh8h4h2h", "Flush, ace high")]
    [InlineData("7s7h7dKc2s", "Three of a kind, sevens")]
    [InlineData("AsAhKdKc2s", "Two pair, aces and kings")]
    [InlineData("2s2h3d3c4s", "Two pair, threes and deuces")]
    [InlineData("JsJh9d4c2s", "Pair of jacks")]
    [InlineData("6s6h9d4c2s", "Pair of sixes")]
    [InlineData("AsJh8d4c2s", "High card, ace")]
    [InlineData("7s5h4d3c2s", "High card, seven")]
    public void Describes_hands_in_words(string cards, string description)
    {
        var value = HandEvaluator.High(C(cards));
        Assert.Equal(description, value.Description);
        Assert.Equal(description, value.ToString());
        Assert.Equal(description, HandEvaluator.EvaluateHigh(C(cards)).Description);
    }

    [Fact]
    public void High_on_every_five_card_hand_equals_the_five_card_table()
    {
        // High picks the best five from rank counts; on exactly five cards it must agree with the table for all
        // 2,598,960 hands (the table itself is checked against the slow reference elsewhere).
        Span<Card> hand = stackalloc Card[5];
        for (var a = 0; a < 52; a++)
        {
            for (var b = a + 1; b < 52; b++)
            {
                for (var c = b + 1; c < 52; c++)
                {
                    for (var d = c + 1; d < 52; d++)
                    {
                        for (var e = d + 1; e < 52; e++)
                        {
                            hand[0] = new Card(a);
                            hand[1] = new Card(b);
                            hand[2] = new Card(c);
                            hand[3] = new Card(d);
                            hand[4] = new Card(e);
                            var expected = FiveCardTables.Evaluate5(hand[0], hand[1], hand[2], hand[3], hand[4]);
                            if (HandEvaluator.High(hand).Value != expected)
                            {
                                Assert.Fail($"{Card.Format(hand)}: {HandEvaluator.High(hand).Value}, table says {expected}");
                            }
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void High_refuses_repeated_cards() =>
        Assert.Throws<ArgumentException>(() => HandEvaluator.High([.. C("AsKdQh2c"), new Card(12, 3)]));

    [Fact]
    public void A_value_outside_1_to_7462_describes_no_hand()
    {
        Assert.Equal("no hand", new HandValue(0).Description);
        Assert.Equal("no hand", new HandValue(7463).Description);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(8)]
    public void High_refuses_fewer_than_five_or_more_than_seven_cards(int count) =>
        Assert.Throws<ArgumentException>(() => HandEvaluator.High(Deck()[..count]));

    [Theory]
    [InlineData(5, 20_000, 511)]
    [InlineData(6, 20_000, 611)]
    [InlineData(7, 20_000, 711)]
    public void EvaluateHigh_names_five_of_the_given_cards_that_make_the_value(int size, int hands, int seed)
    {
        var random = new Random(seed);
        var deck = Deck();
        for (var i = 0; i < hands; i++)
        {
            // Every third hand from two suits, for flushes.
            var cards = Draw(random, i % 3 == 0 ? DeckWhere(c => c.Suit < 2) : deck, size);
            var evaluation = HandEvaluator.EvaluateHigh(cards);
            var five = evaluation.BestFive.ToArray();
            Assert.Equal(5, five.Distinct().Count());
            Assert.All(five, c => Assert.Contains(c, cards));
            Assert.Equal(SlowEvaluator.BestOf(cards), SlowEvaluator.Key(five));
            Assert.Equal(HandEvaluator.High(cards), evaluation.Value);
            Assert.Equal(HandEvaluator.High(five), evaluation.Value);
            Assert.Equal(LowValue.None, evaluation.Low);
            Assert.Empty(evaluation.LowFive);
        }
    }

    [Theory]
    [InlineData("KsKhKd5c5s2h3d", "KsKhKd5s5c")]
    [InlineData("As2d3c4h5s9dKc", "5s4h3c2dAs")]
    [InlineData("2s3s4s5sAsKsQs", "5s4s3s2sAs")]
    [InlineData("9c9d5h5sAs2d3c", "9d9c5s5hAs")]
    [InlineData("QsQhQdQc2s3s", "QsQhQdQc3s")]
    public void EvaluateHigh_lists_the_made_hand_first_then_kickers_high_to_low(string cards, string bestFive) =>
        Assert.Equal(bestFive, Card.Format([.. HandEvaluator.EvaluateHigh(C(cards)).BestFive]));

    [Fact]
    public void Hand_values_compare_by_strength()
    {
        var flush = HandEvaluator.High(C("Ah9h7h4h2h"));
        var straight = HandEvaluator.High(C("AsKdQcJhTs"));
        Assert.True(flush > straight);
        Assert.True(straight < flush);
        Assert.True(flush >= straight);
        Assert.True(straight <= flush);
        Assert.True(flush.CompareTo(straight) > 0);
        Assert.Equal(0, flush.CompareTo(HandEvaluator.High(C("Ad9d7d4d2d"))));
    }
}
