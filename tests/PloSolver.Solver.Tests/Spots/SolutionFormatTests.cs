using PloSolver.Engine;

namespace PloSolver.Solver.Tests;

/// <summary>A solution written compactly and read back answers every report as the live result does.</summary>
public sealed class SolutionFormatTests
{
    private static Spot River() => new()
    {
        Board = "Kh9s6d4c2h",
        Pot = 100,
        EffectiveStack = 400,
        OopRange = "66,44,K9:ds,53:ds",
        IpRange = "KK,99,K6:ds,AK:ds",
        River = new StreetSizes { Bets = [0.5, 1], Raises = [1], MaxRaises = 1, AllIn = true },
        MaxIterations = 60,
        TargetExploitabilityPctPot = 0,
    };

    private static byte[] Bytes(SolveResult result)
    {
        using var stream = new MemoryStream();
        result.Write(stream);
        return stream.ToArray();
    }

    private static SolveResult ReadBack(byte[] bytes) => SolveResult.Read(new MemoryStream(bytes), threads: 2);

    private static int C(string card) => CardParser.ParseCard(card).Index;

    // Frequencies are stored to 1/65,535, so each is within ε = 7.7e-6 of the live average strategy. A hand's EV at a
    // node is Σ over opponent hands and runouts of (opponent reach × payoff) / Σ (opponent reach), and an opponent
    // hand's reach is the product of its frequencies along the path, so to first order the EV moves by at most
    // chips in play (pot + both stacks) × ε × (actions × decisions met, about 24 here) / the share of the opponent's
    // range that reaches the node. Rounding errors have both signs and mostly cancel; the test allows 8 ε of that
    // (plus 0.001 chips), which is 0.03 chips at the root of the turn spot, and fails on any real mismatch.
    private static double EvTolerance(SolveResult live, IReadOnlyList<int> path)
    {
        var (node, reach) = live.Find(path);
        var opp = 1 - node.Player;
        var share = reach[opp].Sum() / live.Game.SolverGame.Weights[opp].Sum();
        var chips = live.Spot.Pot + 2 * live.Spot.EffectiveStack;
        return 0.001 + 8 * (0.5 / 65535) * chips / share;
    }

    // An action's overall frequency at a node is its hands' frequencies weighted by their reach, and a reach is a
    // product of stored frequencies along the path: by the same argument as for EVs it moves by at most a few ε over
    // the share of the acting player's range that reaches the node. 1e-4 where most of the range gets there.
    private static double FrequencyTolerance(SolveResult live, IReadOnlyList<int> path)
    {
        var (node, reach) = live.Find(path);
        var share = reach[node.Player].Sum() / live.Game.SolverGame.Weights[node.Player].Sum();
        return Math.Max(1e-4, 8 * (0.5 / 65535) / share);
    }

    private static void AssertSameReport(SolveResult liveResult, SolveResult storedResult, IReadOnlyList<int> path)
    {
        var live = liveResult.Report(path);
        var stored = storedResult.Report(path);
        var tolerance = EvTolerance(liveResult, path);
        // Equity (0–100) is the same kind of ratio as an EV, with 100 in place of the chips in play.
        var equityTolerance = tolerance * 100 / (liveResult.Spot.Pot + 2 * liveResult.Spot.EffectiveStack);
        Assert.Equal(live.Path, stored.Path);
        Assert.Equal(live.Player, stored.Player);
        Assert.Equal(live.Board, stored.Board);
        Assert.Equal(live.Pot, stored.Pot);
        Assert.Equal(live.Combos, stored.Combos, 0.01);
        Assert.Equal(live.Ev, stored.Ev, tolerance);
        Assert.Equal(live.Equity, stored.Equity, equityTolerance);
        Assert.Equal(live.Actions.Select(a => a.Action), stored.Actions.Select(a => a.Action));
        for (var a = 0; a < live.Actions.Count; a++)
        {
            Assert.Equal(live.Actions[a].Frequency, stored.Actions[a].Frequency, FrequencyTolerance(liveResult, path));
            if (live.Actions[a].Frequency > 1e-3)
            {
                Assert.Equal(live.Actions[a].Ev, stored.Actions[a].Ev, tolerance);
            }
        }
        Assert.Equal(live.Categories.Select(c => c.Name), stored.Categories.Select(c => c.Name));
        var hands = stored.Hands.ToDictionary(h => h.Hand);
        var compared = 0;
        foreach (var hand in live.Hands)
        {
            // A hand the live strategy reaches with a weight under 1/65,535 may round to never reaching the node.
            if (!hands.TryGetValue(hand.Hand, out var other))
            {
                Assert.True(hand.Weight < 1e-4, $"{hand.Hand} (weight {hand.Weight}) is missing from the stored report");
                continue;
            }
            compared++;
            Assert.Equal(hand.Weight, other.Weight, 1e-4);
            Assert.Equal(1, other.Frequencies.Sum(), 6);
            for (var a = 0; a < hand.Frequencies.Count; a++)
            {
                Assert.Equal(hand.Frequencies[a], other.Frequencies[a], 1e-4);
                Assert.Equal(hand.ActionEvs[a], other.ActionEvs[a], tolerance);
            }
            Assert.Equal(hand.Ev, other.Ev, tolerance);
            Assert.Equal(hand.Equity, other.Equity, equityTolerance);
        }
        Assert.True(compared > 0);
    }

    [Fact]
    public void A_river_solution_read_back_gives_the_same_reports()
    {
        var live = PostflopSolver.Solve(River(), new SolveOptions { Threads = 2, CheckEvery = 20 });
        var bytes = Bytes(live);
        var stored = ReadBack(bytes);

        Assert.Equal(live.Iterations, stored.Iterations);
        Assert.Equal(live.Threads, stored.Threads);
        Assert.Equal(live.ExploitabilityChips, stored.ExploitabilityChips);
        Assert.Equal(live.ElapsedMs, stored.ElapsedMs);
        Assert.Equal(live.History, stored.History);
        Assert.Equal(live.OopEv, stored.OopEv, EvTolerance(live, []));
        Assert.Equal(live.IpEv, stored.IpEv, EvTolerance(live, []));
        Assert.Equal(live.Spot.OopRange, stored.Spot.OopRange);
        Assert.Equal(live.Estimate.DecisionNodes, stored.Estimate.DecisionNodes);

        int[][] paths = [[], [0], [1], [0, 1], [1, 2], [2, 2]];
        foreach (var path in paths)
        {
            AssertSameReport(live, stored, path);
        }
    }

    [Fact]
    public void A_turn_solution_read_back_gives_the_same_reports_after_a_chance_card()
    {
        var live = PostflopSolver.Solve(TestSpots.SmallTurn(), new SolveOptions { Threads = 2, CheckEvery = 20 });
        var stored = ReadBack(Bytes(live));
        int[][] paths = [[], [1], [0, 0, C("2s")], [0, 0, C("Ah"), 1], [1, 1, C("Td")], [0, 1, 1, C("9c"), 0]];
        foreach (var path in paths)
        {
            AssertSameReport(live, stored, path);
        }
        Assert.Equal(live.Spot.Pot, stored.OopEv + stored.IpEv, 1e-4);
    }

    [Fact]
    public void Stored_frequencies_sum_exactly_to_one_in_fixed_point()
    {
        var stored = ReadBack(Bytes(PostflopSolver.Solve(TestSpots.SmallTurn(), new SolveOptions { Threads = 2, MaxIterations = 7 })));
        var game = stored.Game.SolverGame;
        SolverGame.Visit(game.Root, node =>
        {
            if (node is not ActionNode a)
            {
                return;
            }
            var n = game.HandCount(a.Player);
            for (var h = 0; h < n; h++)
            {
                var sum = 0f;
                for (var k = 0; k < a.Actions.Length; k++)
                {
                    var q = a.StrategySum[k * n + h];
                    Assert.Equal(MathF.Round(q), q);
                    sum += q;
                }
                Assert.Equal(65535f, sum);
            }
        });
    }

    [Fact]
    public void Paths_read_and_write_as_text_and_describe_the_tree()
    {
        var result = PostflopSolver.Solve(TestSpots.SmallTurn(), new SolveOptions { Threads = 2, MaxIterations = 5 });
        var path = result.ParsePath("0.0.Qs.1");
        Assert.Equal([0, 0, C("Qs"), 1], path);
        Assert.Equal("0.0.Qs.1", result.FormatPath(path));
        Assert.Empty(result.ParsePath(""));

        var root = result.Node([]);
        Assert.Equal(NodeKind.Decision, root.Kind);
        Assert.Equal("oop", root.Player);
        Assert.Equal([200.0, 200.0], root.Stacks);
        Assert.Equal(NodeKind.Decision, root.Children[0].Kind);
        Assert.Equal([0], root.Children[0].Path);

        var afterChecks = result.Node([0]);
        Assert.Equal(NodeKind.Chance, afterChecks.Children[0].Kind);
        Assert.Equal(48, afterChecks.Children[0].Cards!.Count); // every card off the board
        var chance = result.Node([0, 0]);
        Assert.Equal(NodeKind.Chance, chance.Kind);
        Assert.DoesNotContain("Ks", chance.Cards);
        Assert.Equal([new LineStep("oop", "check", null), new LineStep("ip", "check", null), new LineStep(null, null, "Qs")], result.Node([0, 0, C("Qs")]).Line);

        var bet = result.Node([1]);
        Assert.Equal("ip", bet.Player);
        Assert.Equal(NodeKind.Terminal, bet.Children[0].Kind); // fold
        Assert.Equal([170.0, 200.0], bet.Stacks);
    }

    [Theory]
    [InlineData("5", "step 1: the decision has 2 actions (0–1), not '5'")]
    [InlineData("Qs", "step 1: the decision has 2 actions (0–1), not 'Qs'")]
    [InlineData("0..1", "step 2: the decision has 2 actions (0–1), not an empty step")]
    [InlineData("0.0.Ks", "step 3: card Ks cannot be dealt here (it is on the board)")]
    [InlineData("0.0.1", "step 3: '1' is not a card: a card is dealt here (2d, 2h, 2s, …)")]
    [InlineData("1.0.0", "step 3: the hand is over after step 2 (a fold or a showdown)")]
    public void A_bad_path_names_the_step(string path, string message)
    {
        var result = PostflopSolver.Solve(TestSpots.SmallTurn(), new SolveOptions { Threads = 1, MaxIterations = 1 });
        var error = Assert.Throws<SolvePathException>(() => result.ParsePath(path));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_report_of_a_chance_node_or_terminal_says_so()
    {
        var result = PostflopSolver.Solve(TestSpots.SmallTurn(), new SolveOptions { Threads = 1, MaxIterations = 1 });
        Assert.StartsWith("the path ends at a chance node: add the card dealt, one of 2d, 2h, 2s, 3c", Assert.Throws<SolvePathException>(() => result.Report([0, 0])).Message);
        Assert.Equal("the path ends where the hand ends (a fold or a showdown), not at a decision", Assert.Throws<SolvePathException>(() => result.Report([1, 0])).Message);
        Assert.Equal("step 2: the decision has 3 actions (0–2), not 7", Assert.Throws<SolvePathException>(() => result.Report([1, 7])).Message);
    }

    [Fact]
    public void Empty_foreign_other_version_truncated_and_corrupt_streams_are_refused_clearly()
    {
        var bytes = Bytes(PostflopSolver.Solve(TestSpots.SmallTurn(), new SolveOptions { Threads = 2, MaxIterations = 3 }));
        string Error(byte[] data) => Assert.Throws<SolutionFormatException>(() => ReadBack(data)).Message;

        Assert.Equal("not a PLOSolver solution: it is empty", Error([]));
        Assert.Equal("not a PLOSolver solution: the header does not match", Error("{\"board\": \"Ks7d2c\"}"u8.ToArray()));
        Assert.Equal("not a PLOSolver solution: the header does not match", Error(bytes[..5]));
        var otherVersion = bytes.ToArray();
        otherVersion[8] = 2;
        Assert.Equal("the solution is in format version 2; this build reads version 1", Error(otherVersion));
        foreach (var length in new[] { 12, 20, 30, bytes.Length / 2, bytes.Length - 1 })
        {
            Assert.Equal("the solution is truncated", Error(bytes[..length]));
        }
        // Anywhere in the compressed body, the last bytes (zlib's Adler-32 check) included.
        foreach (var at in Enumerable.Range(0, 12).Select(k => 20 + k * (bytes.Length - 21) / 11))
        {
            var flipped = bytes.ToArray();
            flipped[at] ^= 0x5a;
            Assert.StartsWith("the solution is corrupt", Error(flipped));
        }
        Assert.Equal("the solution is corrupt: data follows its end", Error([.. bytes, 0]));
    }

    [Fact]
    public void Spot_errors_name_their_field()
    {
        Assert.Equal("board", new SpotException("board: As appears twice").Field);
        Assert.Equal("oopRange", new SpotException("oopRange, position 3: no such rank").Field);
        Assert.Equal("river.bets", new SpotException("river.bets: sizes are fractions").Field);
        Assert.Equal("river.bet", new SpotException("not a valid spot file: unknown field 'river.bet' (fields: bets)").Field);
        Assert.Equal("effectiveStack", new SpotException("not a valid spot file: the field 'effectiveStack' is missing (required: …)").Field);
        Assert.Equal("pot", new SpotException("not a valid spot file: pot (line 1) has the wrong type of value").Field);
        Assert.Null(new SpotException("ranges: no pair of hands can meet").Field);
        Assert.Null(new SpotException("the tree has more than 5,000,000 nodes: use fewer bet sizes").Field);
        Assert.Null(new SpotException("not a valid spot file: malformed JSON at line 1, byte 3").Field);
    }
}
