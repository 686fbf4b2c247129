namespace PloSolver.Engine.Tests.Ranges;

/// <summary><c>N%</c> and <c>A%-B%</c>: slices of the shipped preflop ranking.</summary>
public sealed class PercentRangeTests
{
    private static HandRange Parse(string text, Game game = Game.Plo4, string dead = "") =>
        RangeParser.Parse(text, game, dead.Length == 0 ? 0 : Card.ToMask(CardParser.Parse(dead)));

    private static RangeError Error(string text, Game game = Game.Plo4)
    {
        Assert.False(RangeParser.TryParse(text, game, 0, out _, out var error));
        return error;
    }

    [Theory]
    [InlineData(Game.Plo4, 270_725)]
    [InlineData(Game.Plo5, 2_598_960)]
    public void All_hundred_percent_is_every_hand(Game game, long combos)
    {
        Assert.Equal(combos, Parse("100%", game).Combos);
        Assert.Equal(combos, Parse("0%-100%", game).Combos);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(25.5)]
    [InlineData(60)]
    public void The_top_n_percent_holds_n_percent_of_hands_give_or_take_one_class(double percent)
    {
        // A class is in when fewer than N% of hands rank above it, so the slice overshoots by less than one
        // class (at most 24 hands: the suit permutations of one hand).
        var combos = Parse(FormattableString.Invariant($"{percent}%")).Combos;
        var target = percent / 100 * 270_725;
        Assert.InRange(combos, target, target + 24);
    }

    [Theory]
    [InlineData("10%", 27_078)]
    [InlineData("10%-20%", 27_082)]
    [InlineData("5%:$ds", 3_054)]
    [InlineData("30%!AA", 74_268)]
    public void The_counts_in_the_docs_hold(string range, long combos) => Assert.Equal(combos, Parse(range).Combos);

    [Fact]
    public void Slices_tile_the_ranking()
    {
        var top = Parse("10%");
        var next = Parse("10%-20%");
        var both = Parse("20%");
        Assert.Equal(both.Combos, top.Combos + next.Combos);
        Assert.Equal(both.Combos, Parse("10%,10%-20%").Combos);
        Assert.Contains("matches no hand", Error("10%:10%-20%").Message, StringComparison.Ordinal); // disjoint
    }

    [Fact]
    public void The_best_hands_are_at_the_top_and_the_worst_at_the_bottom()
    {
        var top = Parse("1%");
        Assert.True(top.Contains(CardParser.Parse("AsAhKsKh")));
        Assert.True(top.Contains(CardParser.Parse("AsAhJsTh")));
        Assert.False(top.Contains(CardParser.Parse("7s6h3d2c")));
        Assert.True(Parse("90%-100%").Contains(CardParser.Parse("7s6h3d2c")));
        Assert.True(Parse("1%", Game.Plo5).Contains(CardParser.Parse("AsAhKsKhQd")));
        Assert.False(Parse("50%", Game.Plo5).Contains(CardParser.Parse("7s6h3d2c2h")));
        Assert.True(Parse("5%").Contains(CardParser.Parse("AcAdKcKd")));
    }

    [Fact]
    public void Suit_variants_of_a_hand_rank_together()
    {
        var range = Parse("3%");
        Assert.Equal(range.Contains(CardParser.Parse("AsAhKsKh")), range.Contains(CardParser.Parse("AcAdKcKd")));
        Assert.Equal(range.Contains(CardParser.Parse("QsJsTh9h")), range.Contains(CardParser.Parse("QdJdTc9c")));
    }

    [Fact]
    public void Percentages_combine_with_the_rest_of_the_language()
    {
        Assert.Equal(6, Parse("AAKK:ds:5%").Combos);
        Assert.True(Parse("10%@50").IsWeighted);
        Assert.Equal(Parse("20%").Combos - Parse("20%:AA").Combos, Parse("20%!AA").Combos);
    }

    [Fact]
    public void Dead_cards_leave_hands_out_of_a_percentage()
    {
        var all = Parse("10%");
        var withoutAce = Parse("10%", dead: "As");
        Assert.True(withoutAce.Combos < all.Combos);
        Assert.All(withoutAce.Hands(), h => Assert.DoesNotContain(CardParser.ParseCard("As"), h.Hand));
    }

    [Theory]
    [InlineData("101%", 1, "a percentage is a number from 0 to 100")]
    [InlineData("AA,1.2.3%", 4, "a percentage is a number from 0 to 100")]
    [InlineData("20%-10%", 5, "needs A below B")]
    [InlineData("10%-", 5, "expected a percentage such as 20%")]
    [InlineData("10%-20", 5, "expected a percentage such as 20%")]
    [InlineData("0%", 1, "matches no hand")]
    public void Bad_percentages_point_at_the_character(string text, int position, string message)
    {
        var error = Error(text);
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_game_without_a_ranking_says_which_games_have_one()
    {
        var error = Error("AA,10%", Game.Plo6);
        Assert.Equal(4, error.Position);
        Assert.Contains("exists for plo4 and plo5, not plo6", error.Message, StringComparison.Ordinal);
    }
}
