namespace PloSolver.Solver.Tests;

/// <summary>The pot-limit betting tree: minimum bets and raises.</summary>
public sealed class TreeBuilderTests
{
    private static ActionNode Root(double pot, double stack, StreetSizes river, double allInThreshold = 1) =>
        (ActionNode)PostflopGame.Create(new Spot
        {
            Board = "AsKsQd7c2h",
            Pot = pot,
            EffectiveStack = stack,
            OopRange = "JcTcJdTd",
            IpRange = "AcAd9c9d",
            River = river,
            AllInThreshold = allInThreshold,
        }).SolverGame.Root;

    private static string[] Labels(ActionNode node) => [.. node.Actions.Select(a => a.Label)];

    [Fact]
    public void A_raise_smaller_than_the_bet_it_faces_is_raised_to_the_minimum()
    {
        // Pot 100, bet 100: a 20%-of-the-pot raise would add 60 (20% of 300), less than the 100 bet, so it raises to 200.
        var root = Root(100, 1000, new StreetSizes { Bets = [1], Raises = [0.2, 1], MaxRaises = 2 });
        var facingBet = (ActionNode)root.Children[1];
        Assert.Equal(["fold", "call", "raise to 200", "raise to 400"], Labels(facingBet));
        // Facing the raise to 200 (it added 100), a re-raise must add at least 100 more: to 300, not 200 + 20% of 500 (the pot after calling); a pot raise goes to 700.
        var facingRaise = (ActionNode)facingBet.Children[2];
        Assert.Equal(["fold", "call", "raise to 300", "raise to 700"], Labels(facingRaise));
    }

    [Fact]
    public void A_bet_is_at_least_one_chip()
    {
        var root = Root(2, 100, new StreetSizes { Bets = [0.1, 1], MaxRaises = 0 });
        Assert.Equal(["check", "bet 1", "bet 2"], Labels(root));
    }

    [Fact]
    public void A_minimum_raise_the_stack_cannot_cover_becomes_all_in()
    {
        // Stack 100 after a 75 bet: a raise must go to at least 150, so the small raise is all-in for 100.
        var root = Root(100, 100, new StreetSizes { Bets = [0.75], Raises = [0.1], MaxRaises = 1 });
        var facingBet = (ActionNode)root.Children[1];
        Assert.Equal(["fold", "call", "all-in 100"], Labels(facingBet));
    }
}
