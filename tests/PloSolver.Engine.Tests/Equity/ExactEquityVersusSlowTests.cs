namespace PloSolver.Engine.Tests;

/// <summary>The engine's exact results (board counting, double-board inclusion–exclusion) against the slow
/// enumerator that visits every deal.</summary>
public sealed class ExactEquityVersusSlowTests
{
    [Theory]
    [InlineData(Game.Plo4, 3, false, 1101)]
    [InlineData(Game.Plo4, 3, true, 1102)]
    [InlineData(Game.Plo4, 4, false, 1103)]
    [InlineData(Game.Plo4, 4, true, 1104)]
    [InlineData(Game.Plo5, 3, false, 1105)]
    [InlineData(Game.Plo5, 3, true, 1106)]
    [InlineData(Game.Plo5, 4, false, 1107)]
    [InlineData(Game.Plo5, 4, true, 1108)]
    [InlineData(Game.Plo6, 3, false, 1109)]
    [InlineData(Game.Plo6, 3, true, 1110)]
    [InlineData(Game.Plo6, 4, false, 1111)]
    [InlineData(Game.Plo6, 4, true, 1112)]
    [InlineData(Game.Plo4, 5, true, 1113)]
    [InlineData(Game.Plo6, 5, false, 1114)]
    public void Single_board_matches_the_slow_enumerator_on_random_spots(Game game, int boardCards, bool hiLo, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 8; i++)
        {
            var spot = EquitySpots.Random(random, game, players: random.Next(2, 7), [boardCards], dead: random.Next(0, 5), hiLo);
            EquitySpots.AssertMatches(spot.Slow(), spot.Exact(), hiLo, spot.ToString());
        }
    }

    [Theory]
    [InlineData(Game.Plo4, 7, 3, false, 1501)]
    [InlineData(Game.Plo4, 8, 3, true, 1502)]
    [InlineData(Game.Plo4, 9, 3, false, 1503)]
    [InlineData(Game.Plo4, 9, 4, true, 1504)]
    [InlineData(Game.Plo5, 9, 3, true, 1505)]
    [InlineData(Game.Plo6, 7, 3, false, 1506)]
    [InlineData(Game.Plo6, 7, 4, true, 1507)]
    public void Single_board_matches_the_slow_enumerator_with_seven_to_nine_players(Game game, int players, int boardCards, bool hiLo, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 4; i++)
        {
            var spot = EquitySpots.Random(random, game, players, [boardCards], dead: 0, hiLo);
            EquitySpots.AssertMatches(spot.Slow(), spot.Exact(), hiLo, spot.ToString());
        }
    }

    [Theory]
    [InlineData(Game.Plo4, 8, 3, 3, true, 1601)]
    [InlineData(Game.Plo4, 9, 3, 4, false, 1602)]
    [InlineData(Game.Plo5, 7, 4, 3, true, 1603)]
    public void Double_board_matches_the_slow_enumerator_with_seven_to_nine_players(Game game, int players, int board1, int board2, bool hiLo, int seed)
    {
        var random = new Random(seed);
        var spot = EquitySpots.Random(random, game, players, [board1, board2], dead: 0, hiLo);
        EquitySpots.AssertMatches(spot.Slow(), spot.Exact(), hiLo, spot.ToString());
    }

    [Theory]
    [InlineData(Game.Plo4, 2, false, 1201)]
    [InlineData(Game.Plo4, 2, true, 1202)]
    [InlineData(Game.Plo4, 3, false, 1203)]
    [InlineData(Game.Plo5, 2, true, 1204)]
    [InlineData(Game.Plo6, 2, false, 1205)]
    [InlineData(Game.Plo6, 3, true, 1206)]
    public void Preflop_matches_the_slow_enumerator_when_dead_cards_shrink_the_deck(Game game, int players, bool hiLo, int seed)
    {
        // Dead cards leave 20 undealt cards: C(20, 5) = 15,504 boards for the slow enumerator.
        var random = new Random(seed);
        for (var i = 0; i < 2; i++)
        {
            var dead = 52 - 20 - players * game.HoleCards();
            var spot = EquitySpots.Random(random, game, players, [0], dead, hiLo);
            EquitySpots.AssertMatches(spot.Slow(), spot.Exact(), hiLo, spot.ToString());
        }
    }

    [Theory]
    [InlineData(Game.Plo4, 2, 3, 3, false, 1301)] // two flops: 442,890-ish joint deals
    [InlineData(Game.Plo4, 3, 3, 3, true, 1302)]
    [InlineData(Game.Plo5, 3, 3, 4, false, 1303)] // a flop and a turn
    [InlineData(Game.Plo6, 2, 4, 3, true, 1304)]
    [InlineData(Game.Plo4, 4, 4, 4, true, 1305)] // two turns
    [InlineData(Game.Plo6, 4, 4, 4, false, 1306)]
    [InlineData(Game.Plo4, 2, 5, 3, false, 1307)] // a river and a flop
    [InlineData(Game.Plo5, 3, 4, 5, true, 1308)]
    public void Double_board_matches_the_slow_enumerator(Game game, int players, int board1, int board2, bool hiLo, int seed)
    {
        var random = new Random(seed);
        var spot = EquitySpots.Random(random, game, players, [board1, board2], dead: random.Next(0, 3), hiLo);
        EquitySpots.AssertMatches(spot.Slow(), spot.Exact(), hiLo, spot.ToString());
    }

    [Theory]
    [InlineData(Game.Plo4, 2, 3, false, 1401)]
    [InlineData(Game.Plo4, 2, 4, true, 1402)]
    [InlineData(Game.Plo5, 2, 3, true, 1403)]
    [InlineData(Game.Plo6, 2, 5, true, 1404)] // an empty board and a complete one
    public void Double_board_with_one_empty_board_matches_the_slow_enumerator(Game game, int players, int otherBoard, bool hiLo, int seed)
    {
        // An empty board and a flop, turn or river, with dead cards leaving 21 undealt cards.
        var random = new Random(seed);
        var dead = 52 - 21 - players * game.HoleCards() - otherBoard;
        var spot = EquitySpots.Random(random, game, players, [0, otherBoard], dead, hiLo);
        EquitySpots.AssertMatches(spot.Slow(), spot.Exact(), hiLo, spot.ToString());
    }

    [Fact]
    public void Two_flops_heads_up_have_442890_joint_deals()
    {
        var spot = EquitySpots.Spot(Game.Plo4, ["AsKsQhJh", "7c8c9d6d"], ["2c3d4h", "Tc5s5d"]);
        var result = spot.Exact();
        Assert.Equal(442_890, result.Deals);
        EquitySpots.AssertMatches(spot.Slow(), result, hiLo: false, spot.ToString());
    }

    [Fact]
    public void Complete_boards_are_one_deal()
    {
        var spot = EquitySpots.Spot(Game.Plo4, ["AsKsQhJh", "7c8c9d6d"], ["2c3d4hTd5s"]);
        var result = spot.Exact();
        Assert.Equal(1, result.Deals);
        Assert.Equal(100, result.Players[1].Equity, 9); // 7c6d with 5-4-3: a seven-high straight against ace high
        EquitySpots.AssertMatches(spot.Slow(), result, hiLo: false, spot.ToString());

        var both = EquitySpots.Spot(Game.Plo4, ["AsKsQhJh", "7c8c9d6d"], ["2c3d4hTd5s", "KdQd2hJcTh"]);
        EquitySpots.AssertMatches(both.Slow(), both.Exact(), hiLo: false, both.ToString());
    }
}
