using static PloSolver.Engine.Tests.TestCards;

namespace PloSolver.Engine.Tests;

/// <summary>The reference evaluator is itself checked against hands whose order every player knows, so that
/// agreeing with it means something.</summary>
public sealed class SlowEvaluatorTests
{
    [Theory]
    [InlineData("AsKsQsJsTs", HandCategory.StraightFlush)]
    [InlineData("5d4d3d2dAd", HandCategory.StraightFlush)]
    [InlineData("9c9d9h9s2c", HandCategory.FourOfAKind)]
    [InlineData("9c9d9h2s2c", HandCategory.FullHouse)]
    [InlineData("Ah9h7h4h2h", HandCategory.Flush)]
    [InlineData("As2d3c4h5s", HandCategory.Straight)]
    [InlineData("TsJdQcKhAs", HandCategory.Straight)]
    [InlineData("7s7d7c2h5s", HandCategory.ThreeOfAKind)]
    [InlineData("7s7d5c2h5s", HandCategory.TwoPair)]
    [InlineData("7s7d5c2h9s", HandCategory.OnePair)]
    [InlineData("KsQdJcTh8s", HandCategory.HighCard)]
    [InlineData("QsKdAc2h3s", HandCategory.HighCard)]
    public void Classifies_categories(string cards, HandCategory expected) =>
        Assert.Equal(expected, SlowEvaluator.CategoryOf(SlowEvaluator.Key(C(cards))));

    [Theory]
    [InlineData("As2d3c4h5s", "2s3d4c5h6s")] // the wheel is the lowest straight
    [InlineData("5d4d3d2dAd", "6c5c4c3c2c")]
    [InlineData("KsKdKcKhAs", "AsAdAcAh2c")]
    [InlineData("3s3d3c3h2c", "3s3d3c3h4c")]
        [InlineData("QsQdQc2h2s", "KsKdKc2c2d")]
    [InlineData("KsKdKc2c2d", "KsKdKc3c3d")]
    [InlineData("Ah9h7h4h2h", "Ah9h7h4h3h")]
    [InlineData("KsQsJsTs8s", "Ah5h4h3h2h")]
    [InlineData("AsAdKcKhQs", "2s2d2c3h4s")]
    [InlineData("AsAdKcKh2s", "AsAdKcKhQs")]
    [InlineData("9s9d5c5h4s", "9s9dTcTh2s")]
    [InlineData("JsJd8c7h2s", "JsJd8c7h3s")]
    [InlineData("AsKdQcJh9s", "2s2d3c4h5s")]
    [InlineData("AsQdJcTh9s", "AsKd4c3h2s")]
    public void Orders_a_weaker_hand_below_a_stronger_one(string weaker, string stronger) =>
        Assert.True(SlowEvaluator.Key(C(weaker)) < SlowEvaluator.Key(C(stronger)), $"{weaker} should lose to {stronger}");

    [Theory]
    [InlineData("AsKdQcJh9s", "AhKcQdJs9h")]
    [InlineData("As2d3c4h5s", "Ah2c3d4s5h")]
    [InlineData("KsKdKc2c2d", "KhKdKc2s2d")]
    public void Gives_equal_keys_to_hands_differing_only_in_suits(string first, string second) =>
        Assert.Equal(SlowEvaluator.Key(C(first)), SlowEvaluator.Key(C(second)));

    [Fact]
    public void Has_exactly_7462_distinct_strengths() => Assert.Equal(7462, SlowEvaluator.AllDistinctKeys.Count);

    [Fact]
    public void Omaha_high_uses_exactly_two_hole_cards()
    {
        // Four spades on board and one in the hand: no flush; the best is ace high.
        var key = SlowEvaluator.OmahaHigh(C("AsKdQdJc"), C("9s7s4s2sTh"));
        Assert.Equal(HandCategory.HighCard, SlowEvaluator.CategoryOf(key));
    }

    [Theory]
    [InlineData("As2sKdKc", "3h4h5c9dTs", "5-4-3-2-A low")]
    [InlineData("As2sKdKc", "2h3h7cKsQs", null)]
    [InlineData("As4sKdKc", "2h3h7cKsQs", "7-4-3-2-A low")]
    [InlineData("8s7sKdKc", "6h5h4cKsQs", "8-7-6-5-4 low")]
    [InlineData("As2s3s4s", "9h9d9cKsQs", null)]
    public void Finds_eight_or_better_lows(string hole, string board, string? expected) =>
        Assert.Equal(expected, SlowEvaluator.OmahaLow(C(hole), C(board))?.Description);
}
