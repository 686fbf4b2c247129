namespace PloSolver.Engine.Tests;

/// <summary>Every pot is shared out completely: equities sum to 100% whatever the ties.</summary>
public sealed class EquitySumTests
{
    public static TheoryData<int, bool> PlayerCounts()
    {
        var data = new TheoryData<int, bool>();
        for (var players = 2; players <= 9; players++)
        {
            data.Add(players, false);
            data.Add(players, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PlayerCounts))]
    public void Equities_sum_to_100_on_random_flops_turns_and_preflop(int players, bool hiLo)
    {
        var random = new Random(players * 100 + (hiLo ? 1 : 0));
        foreach (var boardCards in new[] { 0, 3, 4 })
        {
            var spot = EquitySpots.Random(random, Game.Plo4, players, [boardCards], dead: 0, hiLo);
            AssertShared(spot.Exact(), hiLo, spot.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(PlayerCounts))]
    public void Equities_sum_to_100_on_double_boards(int players, bool hiLo)
    {
        var random = new Random(players * 100 + 50 + (hiLo ? 1 : 0));
        var spot = EquitySpots.Random(random, Game.Plo4, players, [3, 4], dead: 0, hiLo);
        AssertShared(spot.Exact(), hiLo, spot.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Nine_players_with_identical_rank_hands_in_different_suits_tie_exactly(bool hiLo)
    {
        // Four rainbow 2-3-4-5s, four rainbow 6-7-8-9s and the four tens: no hand can make a flush, and hands with
        // the same ranks always tie. The board comes from the 16 jacks to aces.
        var spot = EquitySpots.Spot(Game.Plo4,
            ["2c3d4h5s", "2d3h4s5c", "2h3s4c5d", "2s3c4d5h", "6c7d8h9s", "6d7h8s9c", "6h7s8c9d", "6s7c8d9h", "TcTdThTs"], [""], hiLo: hiLo);
        var result = spot.Exact();
        Assert.Equal(4368, result.Deals); // C(16, 5)
        AssertShared(result, hiLo, spot.ToString());
        for (var p = 1; p < 4; p++)
        {
            Assert.Equal(result.Players[0].Equity, result.Players[p].Equity, 9);
            Assert.Equal(result.Players[4].Equity, result.Players[4 + p].Equity, 9);
        }
        Assert.All(result.Players.Take(8), p => Assert.Equal(0, p.Win));
        EquitySpots.AssertMatches(spot.Slow(), result, hiLo, spot.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Many_players_tie_when_no_hand_improves_on_a_broadway_turn(bool hiLo)
    {
        var spot = EquitySpots.Spot(Game.Plo4,
            ["2c3c4c5c", "2d3d4d5d", "2h3h4h5h", "2s3s4s5s", "6c7c8c9c", "6d7d8d9d"], ["AsKdQhJc"], hiLo: hiLo);
        var result = spot.Exact();
        AssertShared(result, hiLo, spot.ToString());
        EquitySpots.AssertMatches(spot.Slow(), result, hiLo, spot.ToString());
        Assert.Equal(result.Players[0].Equity, result.Players[3].Equity, 9);
    }

    [Fact]
    public void Four_identical_hands_split_a_pot_four_ways()
    {
        var result = EquitySpots.Spot(Game.Plo4, ["2c3d4h5s", "2d3h4s5c", "2h3s4c5d", "2s3c4d5h"], ["AcKdQs"]).Exact();
        Assert.All(result.Players, p =>
        {
            Assert.Equal(25, p.Equity, 9);
            Assert.Equal(0, p.Win);
            Assert.Equal(100, p.Tie, 9);
        });
    }

    private static void AssertShared(EquityResult result, bool hiLo, string spot)
    {
        Assert.True(Math.Abs(100 - result.Players.Sum(p => p.Equity)) < 1e-9, $"{spot}: equities sum to {result.Players.Sum(p => p.Equity)}");
        Assert.True(result.Players.Sum(p => p.Win) <= 100 + 1e-9, $"{spot}: wins sum above 100");
        Assert.All(result.Players, p => Assert.True(p.Win + p.Tie <= 100 + 1e-9 && p.Win >= 0 && p.Tie >= 0, spot));
        for (var b = 0; b < result.Players[0].Boards.Count; b++)
        {
            var board = b;
            Assert.True(Math.Abs(100 - result.Players.Sum(p => p.Boards[board].Equity)) < 1e-9, $"{spot}: board {b + 1} equities");
            if (hiLo)
            {
                Assert.True(Math.Abs(100 - result.Players.Sum(p => p.Boards[board].Hi!.Value + p.Boards[board].Lo!.Value)) < 1e-9,
                    $"{spot}: board {b + 1} hi and lo shares");
                Assert.True(result.Players.Sum(p => p.Boards[board].Lo!.Value) <= 50 + 1e-9, $"{spot}: low shares above half the pot");
            }
        }
    }
}
