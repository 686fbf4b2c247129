using static PloSolver.Engine.Tests.TestCards;

namespace PloSolver.Engine.Tests;

/// <summary>Omaha eight-or-better low: two hole cards and three board cards, five distinct ranks ace to eight.</summary>
public sealed class OmahaLowTests
{
    [Theory]
    // A2 is counterfeited by the board's deuce: with A and 2 from the hand, the board has only 3 and 7 left.
    [InlineData("As2dKhKc", "2c3h7dKsQh", null)]
    [InlineData("As2d4hKc", "2c3h7dKsQh", "7-4-3-2-A low")]
    [InlineData("As2d4h5c", "2c3h7dKsQh", "7-4-3-2-A low")]
    [InlineData("Ad4sJhJc", "2c3h7dKsQh", "7-4-3-2-A low")]
    [InlineData("4s5dJhJc", "2c3h7dKsQh", "7-5-4-3-2 low")]
    [InlineData("As3sKdKc", "3h4h5c9dTs", null)] // the hand's three is counterfeited
    [InlineData("As2sKdKc", "3h4h5c9dTs", "5-4-3-2-A low")]
    [InlineData("AsAd2s2d", "3h4h5c9dTs", "5-4-3-2-A low")]
    [InlineData("AsAdKsKd", "3h4h5c9dTs", null)] // a pair of aces is one low card
    [InlineData("As3sKdKc", "2h4h6c7d8s", "6-4-3-2-A low")] // the board's lowest three that the hand lacks
    [InlineData("As2sKdKc", "8h7h6c9dTs", "8-7-6-2-A low")]
    [InlineData("As2sKdKc", "9h7h6cTdJs", null)] // a nine is not low
    [InlineData("As2s3s8d", "4h5h6cKdQs", "6-5-4-2-A low")] // compared highest card first
    [InlineData("As2s3s4s", "6h6d5cKsQs", null)] // two distinct low board ranks
    [InlineData("As2s3s4s", "7h7d7cKsQs", null)]
    [InlineData("As2s3s4s5s6s", "7h8h8cKsQs", null)] // only 7 and 8 are low on the board
    [InlineData("As2s3s4s5s6s", "7h8h2c", "8-7-3-2-A low")] // a flop: all three board cards play
    public void Constructed_lows_match_the_reference_exactly(string hole, string board, string? expected)
    {
        var slow = SlowEvaluator.OmahaLow(C(hole), C(board));
        var low = HandEvaluator.OmahaLow(C(hole), C(board));
        Assert.Equal(slow?.Description ?? "no low", low.Description);
        Assert.Equal(slow is not null, low.Qualifies);
        Assert.Equal(expected ?? "no low", low.Description);
    }

    [Fact]
    public void Better_lows_have_higher_values()
    {
        var wheel = HandEvaluator.OmahaLow(C("As2sKdKc"), C("3h4h5c9dTs"));
        var sixLow = HandEvaluator.OmahaLow(C("As2sKdKc"), C("3h4h6c9dTs"));
        var eightLow = HandEvaluator.OmahaLow(C("4s5sKdKc"), C("6h7h8c9dTs"));
        Assert.True(wheel.CompareTo(sixLow) > 0);
        Assert.True(sixLow.CompareTo(eightLow) > 0);
        Assert.True(eightLow.CompareTo(LowValue.None) > 0);
        Assert.False(LowValue.None.Qualifies);
        Assert.Equal("no low", LowValue.None.ToString());
        Assert.Equal("5-4-3-2-A low", wheel.ToString());
    }

    [Theory]
    [InlineData(4, 3, 20_000, 71)]
    [InlineData(4, 4, 20_000, 72)]
    [InlineData(4, 5, 20_000, 73)]
    [InlineData(6, 5, 20_000, 74)]
    public void No_low_qualifies_with_fewer_than_three_distinct_low_board_ranks(int holeCards, int boardCards, int deals, int seed)
    {
        var random = new Random(seed);
        var lowRanks = new[] { 12, 0, 1, 2, 3, 4, 5, 6 };
        for (var i = 0; i < deals; i++)
        {
            // The board: cards of at most two low ranks and of the nine to the king; the hand: low cards only.
            var allowed = Draw(random, [.. lowRanks], 2);
            var board = Draw(random, DeckWhere(c => allowed.Contains(c.Rank) || c.Rank is >= 7 and <= 11), boardCards);
            var hole = Draw(random, DeckWhere(c => lowRanks.Contains(c.Rank) && !board.Contains(c)), holeCards);
            Assert.Null(SlowEvaluator.OmahaLow(hole, board));
            Assert.Equal(LowValue.None, HandEvaluator.OmahaLow(hole, board));
            if (boardCards == 5)
            {
                Assert.Equal(0, new PreparedHand(hole).Low(BoardSummary.Of(board).LowMask));
            }
        }
    }

    [Theory]
    [InlineData(Game.Plo4, 3, 40_000, 81)]
    [InlineData(Game.Plo4, 4, 40_000, 82)]
    [InlineData(Game.Plo4, 5, 60_000, 83)]
    [InlineData(Game.Plo5, 5, 40_000, 84)]
    [InlineData(Game.Plo6, 5, 40_000, 85)]
    [InlineData(Game.Plo6, 3, 20_000, 86)]
    public void OmahaLow_agrees_with_the_reference_on_random_deals(Game game, int boardCards, int deals, int seed)
    {
        var random = new Random(seed);
        var holes = game.HoleCards();
        var lowHeavy = DeckWhere(c => c.Rank is <= 6 or 12 or 7);
        var pairs = new List<(SlowLow? Slow, LowValue Engine)>(deals);
        for (var i = 0; i < deals; i++)
        {
            var (hole, board) = Split(Draw(random, i % 2 == 0 ? Deck() : lowHeavy, holes + boardCards), holes);
            var slow = SlowEvaluator.OmahaLow(hole, board);
            var low = HandEvaluator.OmahaLow(hole, board);
            Assert.True((slow?.Description ?? "no low") == low.Description,
                $"{Text(hole)} on {Text(board)}: {low.Description}, expected {slow?.Description ?? "no low"}");
            if (boardCards == 5)
            {
                Assert.Equal(low.Value, new PreparedHand(hole).Low(BoardSummary.Of(board).LowMask));
            }
            pairs.Add((slow, low));
        }
        AssertSameOrder(pairs);
    }

    [Fact]
    public void Low_table_agrees_with_the_reference_for_every_board_and_hand_rank_set()
    {
        // Every set of 3–5 low board ranks with every set of up to six low hole ranks: the cases the table serves.
        var pairs = new List<(SlowLow? Slow, LowValue Engine)>();
        for (var boardMask = 0; boardMask < 256; boardMask++)
        {
            var boardLows = Bits(boardMask);
            if (boardLows.Length is < 3 or > 5)
            {
                continue;
            }
            // Board: one heart of each low rank, padded with high hearts to five cards.
            var board = boardLows.Select(r => new Card(r, 2)).Concat(new[] { 11, 10 }.Select(r => new Card(r, 2))).Take(5).ToArray();
            for (var holeMask = 0; holeMask < 256; holeMask++)
            {
                var holeLows = Bits(holeMask);
                if (holeLows.Length > 6)
                {
                    continue;
                }
                // Hole: one diamond of each low rank, padded with high clubs to at least four cards.
                var hole = holeLows.Select(r => new Card(r, 1)).Concat(new[] { 11, 10, 9, 8 }.Select(r => new Card(r, 0)))
                    .Take(Math.Max(4, holeLows.Length)).ToArray();
                var slow = SlowEvaluator.OmahaLow(hole, board);
                var low = HandEvaluator.OmahaLow(hole, board);
                Assert.True((slow?.Description ?? "no low") == low.Description,
                    $"{Text(hole)} on {Text(board)}: {low.Description}, expected {slow?.Description ?? "no low"}");
                pairs.Add((slow, low));
            }
        }
        AssertSameOrder(pairs);
    }

    [Theory]
    [InlineData(Game.Plo4, 20_000, 91)]
    [InlineData(Game.Plo6, 10_000, 92)]
    public void EvaluateOmaha_with_hilo_names_two_hole_and_three_board_cards_that_make_the_low(Game game, int deals, int seed)
    {
        var random = new Random(seed);
        var holes = game.HoleCards();
        var lowHeavy = DeckWhere(c => c.Rank is <= 6 or 12 or 11);
        var lows = 0;
        for (var i = 0; i < deals; i++)
        {
            var boardCards = 3 + i % 3;
            var (hole, board) = Split(Draw(random, lowHeavy, holes + boardCards), holes);
            var evaluation = HandEvaluator.EvaluateOmaha(hole, board, hiLo: true);
            var slow = SlowEvaluator.OmahaLow(hole, board);
            Assert.Equal(HandEvaluator.OmahaLow(hole, board), evaluation.Low);
            Assert.Equal(HandEvaluator.OmahaHigh(hole, board), evaluation.Value);
            if (slow is null)
            {
                Assert.Empty(evaluation.LowFive);
                continue;
            }
            lows++;
            var five = evaluation.LowFive.ToArray();
            Assert.Equal(5, five.Distinct().Count());
            Assert.Equal(2, five.Count(c => hole.Contains(c)));
            Assert.Equal(3, five.Count(c => board.Contains(c)));
            Assert.Equal(slow, SlowLow.From([.. five.Select(SlowEvaluator.LowRank)]));
        }
        Assert.True(lows > deals / 4, $"only {lows} deals had a low");
    }

    [Fact]
    public void EvaluateOmaha_lists_the_low_highest_card_first()
    {
        var evaluation = HandEvaluator.EvaluateOmaha(C("As2dKhKc"), C("3c4h5dKsQh"), hiLo: true);
        Assert.Equal("5-4-3-2-A low", evaluation.Low.Description);
        Assert.Equal("5d4h3c2dAs", Card.Format([.. evaluation.LowFive]));
    }

    // Engine values must rank lows exactly as the reference does: one value per reference low, better lows
    // higher, no low as 0.
    private static void AssertSameOrder(List<(SlowLow? Slow, LowValue Engine)> pairs)
    {
        var byKey = new Dictionary<long, ushort>();
        foreach (var (slow, engine) in pairs)
        {
            if (slow is null)
            {
                Assert.Equal(0, engine.Value);
                continue;
            }
            if (byKey.TryGetValue(slow.Value.Key, out var seen))
            {
                Assert.Equal(seen, engine.Value);
            }
            byKey[slow.Value.Key] = engine.Value;
        }
        var ordered = byKey.OrderBy(e => e.Key).Select(e => e.Value).ToArray();
        Assert.True(ordered.Length > 20, $"only {ordered.Length} distinct lows seen");
        for (var i = 1; i < ordered.Length; i++)
        {
            Assert.True(ordered[i] < ordered[i - 1], "a worse low has a value at least as high as a better one");
        }
        Assert.All(ordered, v => Assert.True(v > 0));
    }

    // Low bit b (ace = 0, deuce = 1 .. eight = 7) as an engine rank.
    private static int[] Bits(int mask) =>
        [.. Enumerable.Range(0, 8).Where(b => (mask >> b & 1) != 0).Select(b => b == 0 ? 12 : b - 1)];
}
