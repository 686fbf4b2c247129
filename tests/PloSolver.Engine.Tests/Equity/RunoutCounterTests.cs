namespace PloSolver.Engine.Tests;

/// <summary>
/// The flop-to-river counter (each rank multiset of the missing cards once, flush runouts one by one) against the
/// slow enumerator on the spots where flushes decide most, and against the preflop board counter, an independent
/// algorithm over the same boards, on many random spots.
/// </summary>
public sealed class RunoutCounterTests
{
    [Theory]
    [InlineData("AhKh2c3d vs QhJhTs9s", "5h8h4s", false)] // monotone flop: every heart runout is a flush for both
    [InlineData("AhKh2c3d vs QhJhTs9s", "5h8h4s2h", false)] // four to a flush on the turn
    [InlineData("AhKhQcQd vs 7h6h5c5d", "QhQs5h", false)] // a paired flush flop: quads and boats against flushes
    [InlineData("9h8h2c2d vs AhKhQsJs", "7h6hKs", false)] // straight-flush draw against the nut flush draw
    [InlineData("AsKs2c3d vs QsJs4c4d", "5h8h4h", false)] // three hearts that nobody can use
    [InlineData("Ah2h3c4d vs KhQh5c6d vs As2s7c7d", "8h9hTs", true)] // hi-lo: flush draws and low draws, three-way
    [InlineData("Ah2h3cKd vs Ac2c4hQd", "5h6c7s", true)] // hi-lo: both make the wheel-side low, split lows
    [InlineData("AhKhQhJh2c vs Th9h8h7h3c", "2h3h4s", false)] // PLO5, four hearts each
    [InlineData("AhKh2c3d vs QhJhTs9s", "5h8h4s2hKc", false)] // a complete board: one deal
    public void Flush_heavy_spots_match_the_slow_enumerator(string hands, string board, bool hiLo)
    {
        var hole = hands.Split(" vs ");
        var game = (Game)CardParser.Parse(hole[0]).Length;
        var spot = EquitySpots.Spot(game, hole, [board], hiLo: hiLo);
        EquitySpots.AssertMatches(spot.Slow(), spot.Exact(), hiLo, spot.ToString());
    }

    [Theory]
    [InlineData(3, false, 2101)]
    [InlineData(3, true, 2102)]
    [InlineData(4, false, 2103)]
    [InlineData(4, true, 2104)]
    [InlineData(5, false, 2105)]
    [InlineData(5, true, 2106)]
    public void Agrees_with_the_board_counter_to_the_unit_on_random_spots(int boardCards, bool hiLo, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 150; i++)
        {
            var game = (Game)random.Next(4, 7);
            var players = random.Next(2, 10 - (int)game + 2);
            var spot = EquitySpots.Random(random, game, players, [boardCards], dead: random.Next(0, 6), hiLo);
            var hands = spot.Hands.Select(h => new PreparedHand(h)).ToArray();
            var dead = Card.ToMask(spot.Dead);
            var expected = BoardCounter.Count(hands, spot.Boards[0], dead, hiLo, new ParallelWork(1, CancellationToken.None));
            var actual = RunoutCounter.Count(hands, spot.Boards[0], dead, hiLo);
            Assert.True(expected.Deals == actual.Deals, $"{spot}: {actual.Deals} deals, expected {expected.Deals}");
            Assert.True(expected.Share.SequenceEqual(actual.Share), $"{spot}: shares differ");
            Assert.True(expected.Win.SequenceEqual(actual.Win), $"{spot}: wins differ");
            Assert.True(expected.Tie.SequenceEqual(actual.Tie), $"{spot}: ties differ");
            Assert.True(expected.Hi.SequenceEqual(actual.Hi), $"{spot}: high shares differ");
            Assert.True(expected.Lo.SequenceEqual(actual.Lo), $"{spot}: low shares differ");
        }
    }

    [Fact]
    public void Refuses_a_board_with_more_than_two_cards_to_come()
    {
        var hands = new[] { new PreparedHand(TestCards.C("AsKsQhJh")), new PreparedHand(TestCards.C("7c8c9d6d")) };
        Assert.Throws<ArgumentException>(() => RunoutCounter.Count(hands, [], 0, hiLo: false));
    }
}
