using static PloSolver.Engine.Tests.TestCards;

namespace PloSolver.Engine.Tests.Categories;

/// <summary>Hand categories on spots a player recognises, with the exact class, draws and outs.</summary>
public sealed class HandClassifierSpotTests
{
    private static HandClass Classify(string hole, string board) => HandClassifier.Classify(C(hole), C(board));

    [Fact]
    public void Top_set_on_a_dry_rainbow_flop_is_the_nuts_with_backdoor_draws()
    {
        var hand = Classify("AhAd7s6s", "Ac8s2d");
        Assert.Equal(MadeHandClass.Set, hand.Made);
        Assert.True(hand.IsNuts);
        Assert.True(hand.BlocksNuts); // the aces are the nut holding
        Assert.Equal(DrawKind.BackdoorFlushDraw | DrawKind.BackdoorStraightDraw, hand.Draws);
        Assert.Equal(0, hand.StraightOuts);
        Assert.False(hand.HoldsNutFlushBlocker); // a rainbow flop has no flush suit
        Assert.Equal("Set (nuts), backdoor flush draw, backdoor straight draw", hand.Describe());
    }

    [Fact]
    public void A_lower_set_is_not_the_nuts_while_a_higher_set_can_be_dealt()
    {
        var hand = Classify("8h8dAs3c", "Ac8s2d");
        Assert.Equal(MadeHandClass.Set, hand.Made);
        Assert.False(hand.IsNuts); // Ah Ad are still out there
        Assert.True(hand.BlocksNuts); // one ace fewer for the opponent's top set
    }

    [Theory]
    [InlineData("JsTh9dKc", "8c7d2h", 13, DrawKind.Wrap)]   // 9, T, J (3 each) and 6 (4)
    [InlineData("JsTh9d6c", "8c7d2h", 16, DrawKind.Wrap)]   // 5 (4) and 6, 9, T, J (3 each)
    [InlineData("Ts9h6dKc", "8c7d2h", 17, DrawKind.Wrap)]   // 5 and J (4 each), 6, 9, T (3 each)
    [InlineData("Ts9h6d5c", "8c7d2h", 20, DrawKind.Wrap)]   // 4 and J (4 each), 5, 6, 9, T (3 each)
    [InlineData("JsTh9d8c", "Qc8d2h", 9, DrawKind.Wrap)]    // 9, T, J (3 each): the fourth card pairs the board
    [InlineData("9s8hKd3c", "7h6d2c", 8, DrawKind.OpenEnded)] // 5 and T
    [InlineData("AsKd7c3h", "QhJc2d", 4, DrawKind.Gutshot)] // T
    public void Straight_draws_count_their_outs(string hole, string board, int outs, DrawKind kind)
    {
        var hand = Classify(hole, board);
        Assert.Equal(outs, hand.StraightOuts);
        Assert.Equal(kind, hand.Draws & (DrawKind.Gutshot | DrawKind.OpenEnded | DrawKind.Wrap));
    }

    [Fact]
    public void Wrap_description_names_its_outs()
    {
        Assert.Equal("No made hand, wrap (13 outs)", Classify("JsTh9dKc", "8c7d2h").Describe());
        Assert.Equal("Weak pair, wrap (17 outs)", Classify("Ts9h6d2c", "8c7d2h").Describe());
    }

    [Fact]
    public void Ace_of_the_suit_with_another_is_the_nut_flush_draw()
    {
        var hand = Classify("As5sQdJh", "Ks7s2d");
        Assert.Equal(DrawKind.FlushDraw | DrawKind.NutFlushDraw | DrawKind.BackdoorStraightDraw, hand.Draws);
        Assert.True(hand.HoldsNutFlushBlocker);
        Assert.Equal(MadeHandClass.NoMadeHand, hand.Made);
        Assert.Equal("No made hand, nut flush draw, backdoor straight draw", hand.Describe());
    }

    [Fact]
    public void Without_the_top_missing_card_a_flush_draw_is_not_the_nut_draw()
    {
        var hand = Classify("Qs8s3d3h", "Ks7s2d");
        Assert.Equal(DrawKind.FlushDraw, hand.Draws);
        Assert.Equal(MadeHandClass.WeakPair, hand.Made);
        Assert.False(hand.HoldsNutFlushBlocker);
    }

    [Fact]
    public void With_the_ace_on_board_the_king_makes_the_nut_flush_draw()
    {
        var hand = Classify("Ks5s9d4h", "As7s2d");
        Assert.True(hand.Has(DrawKind.NutFlushDraw));
        Assert.True(hand.HoldsNutFlushBlocker);
        Assert.Equal(MadeHandClass.NoMadeHand, hand.Made);
    }

    [Fact]
    public void The_nut_flush_card_alone_is_a_blocker_but_no_draw()
    {
        var hand = Classify("AsQdJh4c", "Ks7s2d");
        Assert.False(hand.Has(DrawKind.FlushDraw));
        Assert.True(hand.HoldsNutFlushBlocker);
    }

    [Fact]
    public void Four_board_cards_of_a_suit_and_one_hole_card_of_it_are_no_flush()
    {
        var hand = Classify("AsKdQdJc", "9s7s4s2s");
        Assert.Equal(MadeHandClass.NoMadeHand, hand.Made);
        Assert.Equal(HandCategory.HighCard, hand.Value.Category);
        Assert.False(hand.IsNuts);
        Assert.Equal(DrawKind.None, hand.Draws); // the board shows four spades, not two: no flush draw
        Assert.True(hand.HoldsNutFlushBlocker);  // the ace of spades is the nut flush card
    }

    [Fact]
    public void Two_suited_hole_cards_on_a_monotone_flop_make_a_flush_and_no_draws()
    {
        var hand = Classify("As5s9d8h", "Ks7s6s");
        Assert.Equal(MadeHandClass.Flush, hand.Made);
        Assert.True(hand.IsNuts);
        Assert.Equal(DrawKind.None, hand.Draws); // straight draws count below a straight only: 5 and T not counted
        Assert.Equal(0, hand.StraightOuts);
    }

    [Theory]
    [InlineData("AsKd7c3h", "AcKh6d", MadeHandClass.TopTwoPair)]
    [InlineData("As6s7c3h", "AcKh6d", MadeHandClass.TwoPair)]     // top and bottom
    [InlineData("Ks6s7c3h", "AcKh6d", MadeHandClass.TwoPair)]     // middle and bottom
    [InlineData("3s3hKc7h", "Qh8c3d", MadeHandClass.Set)]         // bottom set
    [InlineData("KsKd7c4h", "Qh8c3d", MadeHandClass.Overpair)]
    [InlineData("AsAdKcQh", "Qc8c3d", MadeHandClass.Overpair)]    // overpair beats the top pair it also has
    [InlineData("Qs9d7c4h", "Qh8c3d", MadeHandClass.TopPair)]
    [InlineData("8s9d7c4h", "Qh8c3d", MadeHandClass.SecondPair)]
    [InlineData("3s9d7c4h", "Qh8c3d", MadeHandClass.WeakPair)]    // bottom pair
    [InlineData("TsTd7c4h", "Qh8c3d", MadeHandClass.WeakPair)]    // pocket pair between the board cards
    [InlineData("2s2d7c4h", "Qh8c3d", MadeHandClass.WeakPair)]    // underpair
    [InlineData("As9d7c4h", "Qh8c3d", MadeHandClass.NoMadeHand)]
    [InlineData("9s7d6c4h", "Th8c2d", MadeHandClass.NoMadeHand)]  // 9-7 with T-8 needs a 6 or a J on the board
    [InlineData("9s7d5c4h", "Th8c6d", MadeHandClass.Straight)]
    public void Made_classes_follow_the_hole_cards_that_pair_the_board(string hole, string board, MadeHandClass expected)
    {
        Assert.Equal(expected, Classify(hole, board).Made);
    }

    [Theory]
    [InlineData("AsAh7c3d", MadeHandClass.Overpair)]   // AA KK 5: the board's pair is everybody's
    [InlineData("QsQh7c3d", MadeHandClass.WeakPair)]   // a pocket pair below the board's kings
    [InlineData("5s4h7c3d", MadeHandClass.SecondPair)] // pairs the 5, the second distinct rank
    [InlineData("Ks4h7c3d", MadeHandClass.Trips)]
    [InlineData("5s5c7c3d", MadeHandClass.FullHouse)]
    [InlineData("KsKh7c3d", MadeHandClass.Quads)]
    [InlineData("As4h7c3d", MadeHandClass.NoMadeHand)] // only the board pair
    public void On_a_paired_board_the_board_pair_is_shared(string hole, MadeHandClass expected)
    {
        Assert.Equal(expected, Classify(hole, "KcKd5h").Made);
    }

    [Fact]
    public void A_board_pair_with_a_hole_pair_is_two_pair_to_the_evaluator_but_classed_by_the_pocket_pair()
    {
        var hand = Classify("AsAh7c3d", "KcKd5h");
        Assert.Equal(HandCategory.TwoPair, hand.Value.Category);
        Assert.Equal(MadeHandClass.Overpair, hand.Made);
    }

    [Theory]
    [InlineData("AsKd9c8c", MadeHandClass.NoMadeHand)] // the board's trips alone
    [InlineData("As8d9c4c", MadeHandClass.NoMadeHand)] // one 8: no full house with three board cards
    [InlineData("AsAd9c4c", MadeHandClass.FullHouse)]
    [InlineData("7sKd9c4c", MadeHandClass.Quads)]
    public void On_a_trips_board_only_full_houses_and_quads_are_made(string hole, MadeHandClass expected)
    {
        Assert.Equal(expected, Classify(hole, "7c7d7h8s").Made);
    }

    [Fact]
    public void Card_removal_makes_a_full_house_the_effective_nuts_under_blocked_quads()
    {
        var hand = Classify("Kh7c4d3s", "KcKd7h7s");
        Assert.Equal(MadeHandClass.FullHouse, hand.Made);
        Assert.True(hand.IsNuts);     // both quads need a card the hand holds; Ks 7d only ties
        Assert.True(hand.BlocksNuts);
        Assert.Equal(HandCategory.FourOfAKind, HandClassifier.ForBoard(C("KcKd7h7s")).NutValue.Category);

        var unblocked = Classify("Ah7c4d3s", "KcKd7h7s");
        Assert.False(unblocked.IsNuts); // Kh Ks is out there
        Assert.False(unblocked.BlocksNuts); // the 7c blocks only the second-best quads
        Assert.True(Classify("Ks6c4d3s", "KcKd7h7s").BlocksNuts);
    }

    [Fact]
    public void Rivers_have_no_draws()
    {
        var hand = Classify("JsTh9dKc", "8c7d2h3s4s");
        Assert.Equal(DrawKind.None, hand.Draws);
        Assert.Equal(0, hand.StraightOuts);
    }

    [Fact]
    public void Turns_have_straight_and_flush_draws_but_no_backdoors()
    {
        var hand = Classify("JhTh9dKc", "8c7d2h3h");
        Assert.Equal(DrawKind.FlushDraw | DrawKind.Wrap, hand.Draws);
        Assert.Equal(13, hand.StraightOuts);
    }

    [Fact]
    public void Six_card_hands_use_exactly_two_hole_cards()
    {
        // Four spades in the hand and two on the flop: still only a flush draw, never a flush.
        var hand = Classify("AsKsQsJs9h8d", "Ts5s2c");
        Assert.Equal(MadeHandClass.NoMadeHand, hand.Made);
        // T, 5 and 2 are too far apart for any one card to make a straight; runner-runner J-Q (with A-K) does.
        Assert.Equal(DrawKind.FlushDraw | DrawKind.NutFlushDraw | DrawKind.BackdoorStraightDraw, hand.Draws);
        Assert.Equal(0, hand.StraightOuts);
        Assert.Equal(HandEvaluator.OmahaHigh(C("AsKsQsJs9h8d"), C("Ts5s2c")), hand.Value);
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Classify("AsKsQs", "Ts5s2c"));
        Assert.Throws<ArgumentException>(() => Classify("AsKsQsJs", "Ts5sAs"));
        Assert.Throws<ArgumentException>(() => HandClassifier.ForBoard(C("Ts5s")));
        Assert.Throws<ArgumentException>(() => HandClassifier.ForBoard(C("Ts5s2c3c4c6c")));
        var classifier = HandClassifier.ForBoard(C("Ts5s2c"));
        Assert.Throws<ArgumentException>(() => classifier.Classify([.. C("AsKsQs"), new Card(0)]));
        Assert.Throws<ArgumentException>(() => classifier.Classify([new Card(51), new Card(50), new Card(49), new Card(51)]));
    }
}
