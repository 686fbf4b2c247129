namespace PloSolver.Solver.Tests;

/// <summary>Spots several test classes solve.</summary>
internal static class TestSpots
{
    /// <summary>A small turn spot (one bet and one raise size a street, a river all-in) that solves in a moment:
    /// with 40 iterations it runs to the limit, since its exploitability target is 0.</summary>
    public static Spot SmallTurn() => new()
    {
        Board = "Ks7d2c9h",
        Pot = 60,
        EffectiveStack = 200,
        OopRange = "AAKK,AAQQ,T8T8@50",
        IpRange = "QQJJ,JJTT,9988",
        Turn = new StreetSizes { Bets = [0.5], Raises = [1], MaxRaises = 1 },
        River = new StreetSizes { Bets = [0.75], Raises = [1], MaxRaises = 1, AllIn = true },
        MaxIterations = 40,
        TargetExploitabilityPctPot = 0,
    };
}
