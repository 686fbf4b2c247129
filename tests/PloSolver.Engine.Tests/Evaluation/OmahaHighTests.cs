using static PloSolver.Engine.Tests.TestCards;

namespace PloSolver.Engine.Tests;

/// <summary>Omaha high: exactly two hole cards and three board cards.</summary>
public sealed class OmahaHighTests
{
    [Fact]
    public void Four_suited_board_cards_and_one_suited_hole_card_is_not_a_flush()
    {
        var value = HandEvaluator.OmahaHigh(C("AsKdQdJc"), C("9s7s4s2sTh"));
        Assert.Equal(HandCategory.HighCard, value.Category);
        Assert.Equal(HandEvaluator.High(C("AsKdTh9s7s")), value);
    }

    [Fact]
    public void Two_suited_hole_cards_and_three_suited_board_cards_make_a_flush()
    {
        var value = HandEvaluator.OmahaHigh(C("AsKsQdJc"), C("9s7s4s2dTh"));
        Assert.Equal("Flush, ace high", value.Description);
        Assert.Equal(HandEvaluator.High(C("AsKs9s7s4s")), value);
    }

    [Fact]
    public void Five_suited_board_cards_and_one_suited_hole_card_is_not_a_flush()
    {
        var value = HandEvaluator.OmahaHigh(C("AsKdQdJc"), C("9s7s4s2s3s"));
        Assert.NotEqual(HandCategory.Flush, value.Category);
        Assert.Equal(HandEvaluator.High(C("AsKd9s7s4s")), value);
    }

    [Fact]
    public void A_board_straight_the_hand_cannot_use_is_not_a_straight()
    {
        var value = HandEvaluator.OmahaHigh(C("AcAdKhKs"), C("5s6h7d8c9s"));
        Assert.Equal("Pair of aces", value.Description);
        Assert.Equal(HandEvaluator.High(C("AcAd9s8c7d")), value);
    }

    [Fact]
    public void A_straight_needs_two_hole_cards_that_fit_with_three_board_cards()
    {
        var value = HandEvaluator.OmahaHigh(C("Tc4dKhKs"), C("5s6h7d8c2s"));
        Assert.NotEqual(HandCategory.Straight, value.Category);
        Assert.Equal("Straight, ten high", HandEvaluator.OmahaHigh(C("Tc9dKhKs"), C("5s6h7d8c2s")).Description);
    }

    [Fact]
    public void Board_trips_and_a_pocket_pair_make_a_full_house_only_through_two_plus_three()
    {
        Assert.Equal("Full house, kings full of sevens", HandEvaluator.OmahaHigh(C("7h7dAcQc"), C("KsKhKd9c2s")).Description);
        // One hole card of a board pair's rank is no full house: two of the board's trips are all it can use.
        Assert.Equal("Three of a kind, kings", HandEvaluator.OmahaHigh(C("7hAdQcJc"), C("KsKhKd7c2s")).Description);
    }

    [Fact]
    public void Quads_on_board_play_as_a_full_house_at_most()
    {
        Assert.Equal("Full house, kings full of aces", HandEvaluator.OmahaHigh(C("AsAdQhQc"), C("KsKhKdKc2s")).Description);
        Assert.Equal("Three of a kind, kings", HandEvaluator.OmahaHigh(C("AsJdQhTc"), C("KsKhKdKc2s")).Description);
    }

    [Fact]
    public void Four_of_a_kind_in_the_hole_plays_as_one_pair()
    {
        Assert.Equal("Pair of aces", HandEvaluator.OmahaHigh(C("AsAdAhAc"), C("KsQh4d3c2s")).Description);
    }

    [Fact]
    public void A_board_pair_and_one_matching_hole_card_make_trips()
    {
        Assert.Equal("Three of a kind, nines", HandEvaluator.OmahaHigh(C("9dAh4c3c"), C("9s9hKdJc2s")).Description);
    }

    [Fact]
    public void A_pocket_pair_matching_a_board_pair_is_four_of_a_kind()
    {
        Assert.Equal("Four of a kind, nines", HandEvaluator.OmahaHigh(C("9d9cKh3c"), C("9s9hAdJc2s")).Description);
    }

    [Theory]
    [InlineData(Game.Plo4, 200_000, 41)]
    [InlineData(Game.Plo5, 200_000, 51)]
    [InlineData(Game.Plo6, 200_000, 61)]
    public void Every_evaluator_agrees_with_the_reference_on_random_five_card_boards(Game game, int deals, int seed) =>
        CheckRandomDeals(game, deals, seed, Deck());

    [Theory]
    [InlineData(Game.Plo4, 60_000, 42)]
    [InlineData(Game.Plo5, 40_000, 52)]
    [InlineData(Game.Plo6, 30_000, 62)]
    public void Every_evaluator_agrees_with_the_reference_on_flush_heavy_deals(Game game, int deals, int seed) =>
        CheckRandomDeals(game, deals, seed, DeckWhere(c => c.Suit != 1));

    [Theory]
    [InlineData(Game.Plo4, 3, 50_000, 43)]
    [InlineData(Game.Plo4, 4, 50_000, 44)]
    [InlineData(Game.Plo5, 3, 30_000, 53)]
    [InlineData(Game.Plo5, 4, 30_000, 54)]
    [InlineData(Game.Plo6, 3, 20_000, 63)]
    [InlineData(Game.Plo6, 4, 20_000, 64)]
    public void OmahaHigh_agrees_with_the_reference_on_flops_and_turns(Game game, int boardCards, int deals, int seed)
    {
        var random = new Random(seed);
        var holes = game.HoleCards();
        for (var i = 0; i < deals; i++)
        {
            var deck = i % 2 == 0 ? Deck() : DeckWhere(c => c.Suit < 3);
            var (hole, board) = Split(Draw(random, deck, holes + boardCards), holes);
            var expected = SlowEvaluator.ExpectedValue(SlowEvaluator.OmahaHigh(hole, board));
            var actual = HandEvaluator.OmahaHigh(hole, board).Value;
            Assert.True(expected == actual, $"{Text(hole)} on {Text(board)}: {actual}, expected {expected}");
        }
    }

    [Theory]
    [InlineData(Game.Plo4, 20_000, 45)]
    [InlineData(Game.Plo6, 10_000, 65)]
    public void EvaluateOmaha_names_two_hole_and_three_board_cards_that_make_the_value(Game game, int deals, int seed)
    {
        var random = new Random(seed);
        var holes = game.HoleCards();
        for (var i = 0; i < deals; i++)
        {
            var boardCards = 3 + i % 3;
            var (hole, board) = Split(Draw(random, i % 2 == 0 ? Deck() : DeckWhere(c => c.Suit < 2), holes + boardCards), holes);
            var evaluation = HandEvaluator.EvaluateOmaha(hole, board, hiLo: false);
            var five = evaluation.BestFive.ToArray();
            Assert.Equal(5, five.Distinct().Count());
            Assert.Equal(2, five.Count(c => hole.Contains(c)));
            Assert.Equal(3, five.Count(c => board.Contains(c)));
            Assert.Equal(SlowEvaluator.OmahaHigh(hole, board), SlowEvaluator.Key(five));
            Assert.Equal(HandEvaluator.OmahaHigh(hole, board), evaluation.Value);
            Assert.Equal(HandEvaluator.High(five), evaluation.Value);
            Assert.Equal(LowValue.None, evaluation.Low);
            Assert.Empty(evaluation.LowFive);
        }
    }

    [Fact]
    public void EvaluateOmaha_describes_the_hand()
    {
        var evaluation = HandEvaluator.EvaluateOmaha(C("AsKsQdJc"), C("9s7s4s2dTh"), hiLo: false);
        Assert.Equal("Flush, ace high", evaluation.Description);
        Assert.Equal(HandCategory.Flush, evaluation.Category);
        Assert.Equal("AsKs9s7s4s", Card.Format([.. evaluation.BestFive]));
    }

    [Theory]
    [InlineData("AsKsQd", "9s7s4s2d")] // three hole cards
    [InlineData("AsKsQdJcTc9c8c", "9s7s4s")] // seven hole cards
    [InlineData("AsKsQdJc", "9s7s")] // two board cards
    [InlineData("AsKsQdJc", "9s7s4s2d3d5d")] // six board cards
    [InlineData("AsKsQdJc", "As7s4s")] // shared card
    public void Omaha_evaluation_refuses_impossible_deals(string hole, string board)
    {
        Assert.Throws<ArgumentException>(() => HandEvaluator.OmahaHigh(C(hole), C(board)));
        Assert.Throws<ArgumentException>(() => HandEvaluator.OmahaLow(C(hole), C(board)));
        Assert.Throws<ArgumentException>(() => HandEvaluator.EvaluateOmaha(C(hole), C(board), hiLo: true));
    }

    private static void CheckRandomDeals(Game game, int deals, int seed, Card[] deck)
    {
        var random = new Random(seed);
        var holes = game.HoleCards();
        for (var i = 0; i < deals; i++)
        {
            var (hole, board) = Split(Draw(random, deck, holes + 5), holes);
            var expected = SlowEvaluator.ExpectedValue(SlowEvaluator.OmahaHigh(hole, board));
            var viaApi = HandEvaluator.OmahaHigh(hole, board).Value;
            var direct = DirectOmaha.High(hole, board);
            var prepared = new PreparedHand(hole).High(BoardSummary.Of(board));
            Assert.True(expected == viaApi && expected == direct && expected == prepared,
                $"{Text(hole)} on {Text(board)}: OmahaHigh {viaApi}, DirectOmaha {direct}, PreparedHand {prepared}, expected {expected}");
        }
    }
}
