using PloSolver.Engine;

namespace PloSolver.Solver.Tests;

/// <summary>PLO river spots whose equilibrium is known in closed form, and properties of any solved spot.</summary>
public sealed class RiverSpotTests
{
    // No flush, no pair on the board: broadway (J-T in the hand) is the nuts; 3-4-5-6 hands make nothing; a set
    // of aces beats those and loses to broadway.
    private const string Board = "AsKsQd7c2h";
    private static readonly string[] Nuts = ["JcTcJdTd", "JhThJsTs"];
    private static readonly string[] Air = ["3c4c5c6c", "3d4d5d6d", "3h4h5h6h", "3s4s5s6s"];

    private static bool Same(string a, string b) => Card.ToMask(CardParser.Parse(a)) == Card.ToMask(CardParser.Parse(b));

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Nuts_or_air_against_a_bluff_catcher_bluffs_and_calls_at_the_closed_form_frequencies(double size)
    {
        var spot = new Spot
        {
            Board = Board,
            Pot = 100,
            EffectiveStack = 1000,
            OopRange = string.Join(',', Nuts.Concat(Air)),
            IpRange = "AcAd9c9d",
            River = new StreetSizes { Bets = [size], MaxRaises = 0 },
            TargetExploitabilityPctPot = 0.01,
            MaxIterations = 3000,
        };
        var result = PostflopSolver.Solve(spot, new SolveOptions { Threads = 1 });
        Assert.True(result.ExploitabilityPctPot <= 0.05, string.Join(", ", result.History.Select(h => $"{h.Iterations}: {h.ExploitabilityPctPot}")));

        var root = result.Root();
        Assert.Equal(["check", $"bet {size * 100:0}"], root.Actions.Select(a => a.Action));
        double nutBets = 0, airBets = 0;
        foreach (var hand in root.Hands)
        {
            var bet = hand.Frequencies[1] * hand.Weight;
            if (Nuts.Any(nut => Same(nut, hand.Hand)))
            {
                nutBets += bet;
            }
            else
            {
                airBets += bet;
            }
        }
        Assert.Equal(Nuts.Length, nutBets, 2);
        Assert.Equal(size / (1 + 2 * size), airBets / (airBets + nutBets), 2);

        var facingBet = result.Report([1]);
        Assert.Equal("ip", facingBet.Player);
        Assert.Equal(["fold", "call"], facingBet.Actions.Select(a => a.Action));
        Assert.Equal(1 / (1 + size), facingBet.Actions[1].Frequency, 2);
        // The bluff-catcher is indifferent: calling and folding are worth the same.
        Assert.Equal(facingBet.Hands[0].ActionEvs[0], facingBet.Hands[0].ActionEvs[1], 0);
        Assert.Equal(100, result.OopEv + result.IpEv, 3);
    }

    [Fact]
    public void Strategies_sum_to_one_at_every_decision_for_every_hand_and_reports_are_consistent()
    {
        var spot = TestSpots.SmallTurn();
        var result = PostflopSolver.Solve(spot, new SolveOptions { Threads = 2, CheckEvery = 20 });
        Assert.Equal(40, result.Iterations);
        Assert.All(result.History, h => Assert.True(h.ExploitabilityPctPot >= 0));
        Assert.True(result.History[^1].ExploitabilityPctPot < result.History[0].ExploitabilityPctPot);

        var game = result.Game.SolverGame;
        var decisions = 0;
        SolverGame.Visit(game.Root, node =>
        {
            if (node is not ActionNode a)
            {
                return;
            }
            decisions++;
            var n = game.HandCount(a.Player);
            var strategy = new float[a.Actions.Length * n];
            DcfrSolver.Strategy(a, average: true, n, strategy);
            for (var h = 0; h < n; h++)
            {
                var sum = 0.0;
                for (var k = 0; k < a.Actions.Length; k++)
                {
                    Assert.True(strategy[k * n + h] >= 0 && float.IsFinite(strategy[k * n + h]));
                    sum += strategy[k * n + h];
                }
                Assert.Equal(1, sum, 5);
            }
        });
        Assert.True(decisions > 100);

        var root = result.Root();
        Assert.Equal(1, root.Actions.Sum(a => a.Frequency), 5);
        Assert.All(root.Hands, h => Assert.Equal(1, h.Frequencies.Sum(), 5));
        Assert.All(root.Categories, c => Assert.Equal(1, c.Frequencies.Sum(), 5));
        Assert.Equal(root.Combos, root.Categories.Sum(c => c.Combos), 3);
        Assert.All(root.Hands, h => Assert.InRange(h.Equity, 0, 100));
        // A river decision below the river card 2s (rank 0, suit 3) after check, check.
        var river = result.Report([0, 0, new Card(0, 3).Index]);
        Assert.Equal("Ks7d2c9h2s", river.Board);
        Assert.Equal("oop", river.Player);
    }

    [Fact]
    public void Equity_on_the_river_matches_the_evaluator()
    {
        var spot = new Spot { Board = Board, Pot = 10, EffectiveStack = 10, OopRange = "JcTcJdTd,3c4c5c6c", IpRange = "AcAd9c9d,KcKd8c8d" };
        var result = PostflopSolver.Solve(spot, new SolveOptions { MaxIterations = 1 });
        var root = result.Root();
        Assert.Equal(100, root.Hands.Single(h => Same(h.Hand, "JcTcJdTd")).Equity, 6);
        Assert.Equal(0, root.Hands.Single(h => Same(h.Hand, "3c4c5c6c")).Equity, 6);
    }
}
