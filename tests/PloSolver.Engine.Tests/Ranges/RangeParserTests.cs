namespace PloSolver.Engine.Tests.Ranges;

/// <summary>Combo counts that can be proved by counting, and every error with its position.</summary>
public sealed class RangeParserTests
{
    private static HandRange Parse(string text, Game game = Game.Plo4, string dead = "") =>
        RangeParser.Parse(text, game, dead.Length == 0 ? 0 : Card.ToMask(CardParser.Parse(dead)));

    [Theory]
    [InlineData("****", 270_725)]                 // C(52, 4)
    [InlineData("*", 270_725)]                    // a short pattern leaves the other cards free
    [InlineData("AsKhJd2c", 1)]
    [InlineData("AAKK", 36)]                      // C(4,2)²
    [InlineData("AA", 6_961)]                     // at least two aces: 6·C(48,2) + 4·48 + 1
    [InlineData("AA!AAA", 6_768)]                 // exactly two aces: 6·C(48,2)
    [InlineData("AxAyKxKy", 6)]                   // double-suited aces and kings: a pair of suits
    [InlineData("AAKK:$ds", 6)]
    [InlineData("AAKK:ds", 6)]
    [InlineData("$ds", 36_504)]                   // C(4,2)·C(13,2)²
    [InlineData("$ss", 158_184)]                  // 4·C(13,2)·3·13²
    [InlineData("$rb", 28_561)]                   // 13⁴
    [InlineData("rainbow", 28_561)]
    [InlineData("$mono", 2_860)]                  // 4·C(13,4)
    [InlineData("RRON", 82_368)]                  // exactly one pair: 13·6·C(12,2)·4²
    [InlineData("RROO", 2_808)]                   // two pair: C(13,2)·6²
    [InlineData("AA-QQ", 20_775)]                 // 3·6961 − 3·36 (hands holding two of the pairs)
    [InlineData("TT+", 34_445)]                   // TT..AA: 5·6961 − C(5,2)·36
    [InlineData("[AK][AK]", 29_022)]              // two or more of the 8 aces and kings: 28·C(44,2) + 56·44 + 70
    [InlineData("sshh", 6_084)]                   // two spades and two hearts: C(13,2)²
    [InlineData("(AA,KK):$ds", 1_722)]            // 2·(6 suit pairs · 12 · 12) − 6 double-suited AAKK
    [InlineData("SS", 87_685)]                    // upper case is a rank variable: a pair (13·6961 − 78·36 + …)
    [InlineData("$SS", 158_184)]                  // after '$' a qualifier in any case
    [InlineData("[10]", 76_145)]                  // "10" is a ten in a list too
    [InlineData("[T]", 76_145)]
    public void Counts_hands_that_can_be_proved_by_counting(string range, long combos) =>
        Assert.Equal(combos, Parse(range).Combos);

    [Fact]
    public void Hands_sharing_a_dead_card_are_left_out() =>
        Assert.Equal(3 * 1_128 + 48, Parse("AA", dead: "As").Combos); // two or three of the other aces

    [Fact]
    public void Five_and_six_card_ranges_count_their_own_hands()
    {
        Assert.Equal(2_598_960, Parse("*", Game.Plo5).Combos);
        Assert.Equal(Combinatorics.Choose(4, 2) * Combinatorics.Choose(48, 3) + 4 * Combinatorics.Choose(48, 2) + 48, Parse("AA", Game.Plo5).Combos);
    }

    [Fact]
    public void Wide_six_card_lists_count_every_hand_once()
    {
        // At least three of the 48 cards ace..three in six cards: Σ_{j≥3} C(48, j)·C(4, 6 − j).
        long expected = 0;
        for (var j = 3; j <= 6; j++)
        {
            expected += Combinatorics.Choose(48, j) * Combinatorics.Choose(4, 6 - j);
        }
        Assert.Equal(expected, Parse("[A-3][A-3][A-3]", Game.Plo6).Combos);
    }

    [Fact]
    public void The_first_term_holding_a_hand_gives_its_weight()
    {
        var range = Parse("AA@50, *");
        Assert.Equal(270_725, range.Combos);
        Assert.Equal(270_725 - 6_961 * 0.5, range.WeightedCombos, 6);
        Assert.Equal(50, range.WeightOf(CardParser.Parse("AsAhKd2c")));
        Assert.Equal(100, range.WeightOf(CardParser.Parse("KsQhKd2c")));
    }

    [Fact]
    public void Membership_ignores_card_order()
    {
        var range = Parse("AxAyKxKy");
        Assert.True(range.Contains(CardParser.Parse("KdAsAdKs")));
        Assert.False(range.Contains(CardParser.Parse("KdAsAhKs")));
    }

    [Theory]
    [InlineData("AAKKQ", 5, "plo4 hand has 4 cards")]
    [InlineData("A#", 2, "unexpected '#'")]
    [InlineData("(AA", 4, "expected ')' to close the '(' at position 1")]
    [InlineData("AA@0", 4, "weight from 1 to 100")]
    [InlineData("AA@", 4, "weight from 1 to 100")]
    [InlineData("[AK", 1, "'[' is never closed")]
    [InlineData("[A#]", 3, "'#' is not a rank")]
    [InlineData("AA:$dx", 4, "unknown qualifier '$dx'")]
    [InlineData("AA,", 4, "unexpected end")]
    [InlineData("AA KK", 4, "unexpected 'K'")]
    [InlineData("AA-KKK", 4, "same length")]
    [InlineData("AK-QQ", 4, "same number of steps")]
    [InlineData("**+", 1, "need a pattern with explicit ranks")]
    [InlineData("AA:KKKK", 1, "matches no hand")]
    [InlineData("  ", 1, "the range is empty")]
    [InlineData("((((((((((((((((((((((((((((((((((AA))))))))))))))))))))))))))))))))))", 33, "parentheses nest more than 32 deep")]
    public void Errors_point_at_the_character_and_say_what_was_expected(string range, int position, string message)
    {
        Assert.False(RangeParser.TryParse(range, Game.Plo4, 0, out _, out var error));
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlong_ranges_are_refused_before_parsing()
    {
        Assert.False(RangeParser.TryParse(string.Join(',', Enumerable.Repeat("AA", 1001)), Game.Plo4, 0, out _, out var error));
        Assert.Equal(RangeParser.MaxLength + 1, error.Position);
    }

    [Fact]
    public void Dead_cards_can_empty_a_range() =>
        Assert.Contains("once the known cards (board, dead cards, other hands) are removed",
            Assert.Throws<FormatException>(() => Parse("AsKsQsJs", dead: "As")).Message, StringComparison.Ordinal);
}
