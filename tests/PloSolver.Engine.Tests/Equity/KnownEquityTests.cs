namespace PloSolver.Engine.Tests;

/// <summary>Spots whose answers are published or follow from the rules.</summary>
public sealed class KnownEquityTests
{
    [Fact]
    public void Aces_kings_double_suited_rundown_against_a_low_rundown_matches_the_published_preflop_equity()
    {
        var result = Exact(EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d"]));
        Assert.True(result.Exact);
        Assert.Equal(1_086_008, result.Deals); // C(44, 5)
        AssertPercent(55.7456, result.Players[0].Equity);
        AssertPercent(44.2544, result.Players[1].Equity);
        Assert.Equal("AsKsQhJh", result.Players[0].Input);
        Assert.Equal("7c8c9d6d", result.Players[1].Input);
    }

    [Fact]
    public void Double_suited_aces_and_kings_against_a_double_suited_rundown_matches_the_published_preflop_equity()
    {
        var result = Exact(EquitySpots.Input("plo4", ["AcAdKcKd", "JsTs9h8h"]));
        Assert.Equal(1_086_008, result.Deals);
        AssertPercent(61.4813, result.Players[0].Equity);
        AssertPercent(38.5187, result.Players[1].Equity);
    }

    [Fact]
    public void Hands_that_differ_only_by_swapping_two_suits_split_the_pot_exactly()
    {
        // Swapping hearts and diamonds maps each hand onto the other and the deck onto itself.
        var result = Exact(EquitySpots.Input("plo4", ["AhKhQdJd", "AdKdQhJh"]));
        Assert.Equal(50, result.Players[0].Equity, 9);
        Assert.Equal(50, result.Players[1].Equity, 9);
        Assert.Equal(result.Players[0].Win, result.Players[1].Win, 9);
        Assert.True(result.Players[0].Tie > 50, $"tie {result.Players[0].Tie}"); // mostly the same hand
    }

    [Fact]
    public void Two_players_with_the_same_low_and_one_winning_high_are_quartered()
    {
        // Both make 8-4-3-2-A; Ah2hKdQd also has trip kings against kings and nines.
        var result = Exact(EquitySpots.Input("plo4", ["Ah2hKdQd", "Ad2c9s9c"], ["3c4d8hKcKs"], hiLo: true));
        Assert.Equal(1, result.Deals);
        var (scooper, quartered) = (result.Players[0], result.Players[1]);
        Assert.Equal(75, scooper.Equity, 9);
        Assert.Equal(25, quartered.Equity, 9);
        Assert.Equal(50, scooper.Boards[0].Hi!.Value, 9);
        Assert.Equal(25, scooper.Boards[0].Lo!.Value, 9);
        Assert.Equal(0, quartered.Boards[0].Hi!.Value, 9);
        Assert.Equal(25, quartered.Boards[0].Lo!.Value, 9);
        Assert.Equal(0, scooper.Win);
        Assert.Equal(100, scooper.Tie);
        Assert.Equal(0, scooper.Scoop);
        Assert.Equal(100, quartered.Tie);
    }

    [Fact]
    public void Three_players_two_sharing_the_low_and_the_third_the_high()
    {
        // Ah2h and Ad2c share 8-4-3-2-A; the third player holds the other two kings for quads and no low.
        var result = Exact(EquitySpots.Input("plo4", ["Ah2hJdQd", "Ad2c9s9c", "KdKh7c7d"], ["3c4d8hKcKs"], hiLo: true));
        Assert.Equal(25, result.Players[0].Equity, 9);
        Assert.Equal(25, result.Players[1].Equity, 9);
        Assert.Equal(50, result.Players[2].Equity, 9);
        Assert.Equal(0, result.Players[2].Win);
    }

    [Fact]
    public void Without_a_qualifying_low_the_high_hand_scoops()
    {
        var result = Exact(EquitySpots.Input("plo4", ["AhAd2c3c", "KdQd4s5s"], ["9cTdJhKcKs"], hiLo: true));
        var winner = result.Players[1]; // K-Q with J-T-9: a king-high straight; no low card on the board
        Assert.Equal(100, winner.Equity, 9);
        Assert.Equal(100, winner.Win, 9);
        Assert.Equal(100, winner.Scoop!.Value, 9);
        Assert.Equal(100, winner.Boards[0].Hi!.Value, 9);
        Assert.Equal(0, winner.Boards[0].Lo!.Value, 9);
        Assert.Equal(0, result.Players[0].Equity, 9);
    }

    [Fact]
    public void A_low_hand_takes_half_when_it_qualifies_alone()
    {
        var result = Exact(EquitySpots.Input("plo4", ["As2sKdQd", "KhKc9c9d"], ["3c4d7hKsTs"], hiLo: true));
        Assert.Equal(50, result.Players[0].Equity, 9);
        Assert.Equal(50, result.Players[0].Boards[0].Lo!.Value, 9);
        Assert.Equal(50, result.Players[1].Boards[0].Hi!.Value, 9);
    }

    [Fact]
    public void The_same_hands_on_a_single_board_without_hilo_report_no_scoop_or_hi_lo()
    {
        var result = Exact(EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d"], ["2c3d4h"]));
        Assert.All(result.Players, p =>
        {
            Assert.Null(p.Scoop);
            Assert.Null(p.StdErr);
            Assert.Null(Assert.Single(p.Boards).Hi);
            Assert.Null(p.Boards[0].Lo);
            Assert.Equal(p.Equity, p.Boards[0].Equity);
        });
    }

    private static EquityResult Exact(EquityInput input) =>
        EquityCalculator.Calculate(EquitySpots.Create(input with { Mode = "exact" }));

    private static void AssertPercent(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) < 0.00005, $"{actual} is not {expected} to four decimals");
}
