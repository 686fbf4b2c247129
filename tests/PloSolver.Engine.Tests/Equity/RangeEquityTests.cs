namespace PloSolver.Engine.Tests.Equity;

/// <summary>Equity with ranges, exact and Monte Carlo, against weighted averages of exact hand-versus-hand results.</summary>
public sealed class RangeEquityTests
{
    private static EquityProblem Problem(string hand, string range, string[]? boards = null, long trials = 400_000, long seed = 3) =>
        EquitySpots.Create(new EquityInput
        {
            Players = [new PlayerInput { Hand = hand }, new PlayerInput { Range = range }],
            Boards = boards ?? [],
            Mode = "montecarlo",
            Trials = trials,
            Seed = seed,
        });

    // The exact equity of the hand against every combo of the range, averaged by the combos' weights.
    private static double ExactAgainstRange(string hand, string range, string[] boards, bool hiLo = false)
    {
        var known = Card.ToMask(CardParser.Parse(hand));
        foreach (var board in boards)
        {
            known |= Card.ToMask(CardParser.Parse(board));
        }
        var parsed = RangeParser.Parse(range, Game.Plo4, known);
        double sum = 0, weights = 0;
        foreach (var (combo, weight) in parsed.Hands())
        {
            var exact = EquityCalculator.Calculate(EquitySpots.Create(EquitySpots.Input("plo4", [hand, Card.Format(combo)], boards, hiLo: hiLo)));
            sum += weight * exact.Players[0].Equity;
            weights += weight;
        }
        return sum / weights;
    }

    [Theory]
    [InlineData("AsKsQhJh", "AAKK:ds", new string[0])]
    [InlineData("AsKsQhJh", "AxAyKxKy,QQJJ", new[] { "2c7d9h" })]
    [InlineData("Ah2h3c4c", "AcAd@25,KK!KKK", new[] { "5d6d7s8s" })]
    public void Monte_Carlo_against_a_range_agrees_with_the_exact_average_over_its_hands(string hand, string range, string[] boards)
    {
        var exact = ExactAgainstRange(hand, range, boards);
        var result = EquityCalculator.Calculate(Problem(hand, range, boards));
        Assert.False(result.Exact);
        var stdErr = result.Players[0].StdErr!.Value;
        Assert.True(Math.Abs(result.Players[0].Equity - exact) <= 3 * stdErr + 1e-9, $"sampled {result.Players[0].Equity} ± {stdErr}, exact {exact}");
        Assert.Equal(100, result.Players.Sum(p => p.Equity), 9);
    }

    [Fact]
    public void Hands_of_a_range_that_share_a_card_with_a_known_hand_never_meet()
    {
        // Against AsAh, the only aces left are Ac and Ad: "AA" is exactly the 1,128 hands holding both.
        var exact = ExactAgainstRange("AsAhKsKh", "AA", []);
        var result = EquityCalculator.Calculate(Problem("AsAhKsKh", "AA"));
        Assert.True(Math.Abs(result.Players[0].Equity - exact) <= 3 * result.Players[0].StdErr!.Value + 1e-9);
    }

    [Fact]
    public void The_same_seed_gives_the_same_answer_on_any_number_of_threads()
    {
        var problem = Problem("AsKsQhJh", "AA,KK:ds", trials: 100_000);
        var one = EquityCalculator.Calculate(problem, new EquityLimits { Threads = 1 });
        var two = EquityCalculator.Calculate(problem, new EquityLimits { Threads = 2 });
        Assert.Equal(one.Players.Select(p => (p.Equity, p.Win, p.Tie)), two.Players.Select(p => (p.Equity, p.Win, p.Tie)));
    }

    [Fact]
    public void Two_ranges_against_each_other_sum_to_100_percent()
    {
        var problem = EquitySpots.Create(new EquityInput
        {
            Players = [new PlayerInput { Range = "AA" }, new PlayerInput { Range = "KK" }, new PlayerInput { Range = "RROO" }],
            Trials = 50_000,
        });
        var result = EquityCalculator.Calculate(problem);
        Assert.Equal(100, result.Players.Sum(p => p.Equity), 9);
        Assert.Equal(["AA", "KK", "RROO"], result.Players.Select(p => p.Input));
    }

    [Fact]
    public void Ranges_that_cannot_be_dealt_together_are_refused()
    {
        // Both players need the same four cards.
        var problem = EquitySpots.Create(new EquityInput
        {
            Players = [new PlayerInput { Range = "AsAhAdAc" }, new PlayerInput { Range = "AA" }],
            Trials = 1_000,
        });
        var error = Assert.Throws<EquityLimitException>(() => EquityCalculator.Calculate(problem));
        Assert.Equal("players", error.Field);
    }

    [Theory]
    [InlineData("AA", "AA#", "players[1].range", "position 3: unexpected '#'")]
    [InlineData("AsKsQhJh", "AsAhAdAc:KKKK", "players[1].range", "matches no hand")]
    public void A_bad_range_is_reported_on_its_field(string hand, string range, string field, string message)
    {
        Assert.False(EquityProblem.TryCreate(new EquityInput { Players = [new PlayerInput { Hand = hand == "AA" ? "AsKsQhJh" : hand }, new PlayerInput { Range = range }] },
            out _, out var errors));
        Assert.Contains(errors[field], m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_range_emptied_by_the_known_cards_is_refused()
    {
        Assert.False(EquityProblem.TryCreate(new EquityInput
        {
            Players = [new PlayerInput { Hand = "AsAhKsKh" }, new PlayerInput { Range = "AAA" }],
            Boards = ["Ad2c3c"],
        }, out _, out var errors));
        Assert.Contains("once the known cards (board, dead cards, other hands) are removed", errors["players[1].range"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_player_gives_a_hand_or_a_range_not_both()
    {
        Assert.False(EquityProblem.TryCreate(new EquityInput
        {
            Players = [new PlayerInput { Hand = "AsKsQhJh", Range = "AA" }, new PlayerInput { Hand = "7c8c9d6d" }],
        }, out _, out var errors));
        Assert.Equal(["give a hand or a range, not both"], errors["players[0]"]);
    }

    [Theory]
    [InlineData("AsKsQhJh", "AAKK:ds", new[] { "2c7d9h" }, false)]
    [InlineData("AsKsQhJh", "AxAyxy@30,QQJJ", new[] { "2c7d9hTd" }, false)]
    [InlineData("Ah2h3c4c", "AcAd@25,KK!KKK", new[] { "5d6d7s8s" }, true)]
    [InlineData("AsKsQhJh", "****", new[] { "2c7d9hTs3s" }, false)]
    public void Exact_equity_against_a_range_is_the_weighted_average_over_its_hands(string hand, string range, string[] boards, bool hiLo)
    {
        var problem = EquitySpots.Create(new EquityInput
        {
            Players = [new PlayerInput { Hand = hand }, new PlayerInput { Range = range }],
            Boards = boards,
            HiLo = hiLo,
            Mode = "exact",
        });
        var result = EquityCalculator.Calculate(problem);
        Assert.True(result.Exact);
        Assert.Equal(ExactAgainstRange(hand, range, boards, hiLo), result.Players[0].Equity, 9);
        Assert.Equal(100, result.Players.Sum(p => p.Equity), 9);
    }

    [Fact]
    public void Exact_range_against_range_is_the_average_over_every_pair_of_hands_that_share_no_card()
    {
        string[] board = ["2c7d9hTd"];
        var known = Card.ToMask(CardParser.Parse(board[0]));
        var first = RangeParser.Parse("AAKK:ds", Game.Plo4, known).Hands().ToArray();
        var second = RangeParser.Parse("QxQyJxJy,AsAh**", Game.Plo4, known).Hands().ToArray();
        double sum = 0, weights = 0;
        foreach (var (a, wa) in first)
        {
            foreach (var (b, wb) in second)
            {
                if ((Card.ToMask(a) & Card.ToMask(b)) != 0)
                {
                    continue;
                }
                var exact = EquityCalculator.Calculate(EquitySpots.Create(EquitySpots.Input("plo4", [Card.Format(a), Card.Format(b)], board)));
                sum += wa * wb * exact.Players[0].Equity;
                weights += wa * wb;
            }
        }
        var problem = EquitySpots.Create(new EquityInput
        {
            Players = [new PlayerInput { Range = "AAKK:ds" }, new PlayerInput { Range = "QxQyJxJy,AsAh**" }],
            Boards = board,
            Mode = "exact",
        });
        Assert.Equal(sum / weights, EquityCalculator.Calculate(problem).Players[0].Equity, 9);
    }

    [Theory]
    [InlineData("AsAhKsKh:ds", "AA")]      // a range of one hand still shares the deck with the other range
    [InlineData("AsKsQhJh@50", "KdKc8h8d")] // a weight on a one-hand range changes nothing
    public void A_range_of_one_hand_gives_the_same_equity_as_that_hand(string rangeOfOne, string other)
    {
        var hand = rangeOfOne[..8];
        PlayerInput Other() => other.Length == 8 && CardParser.TryParse(other, out _, out _) ? new PlayerInput { Hand = other } : new PlayerInput { Range = other };
        var asRange = EquityCalculator.Calculate(EquitySpots.Create(new EquityInput { Players = [new PlayerInput { Range = rangeOfOne }, Other()], Boards = ["2c7d9h"] }));
        var asHand = EquityCalculator.Calculate(EquitySpots.Create(new EquityInput { Players = [new PlayerInput { Hand = hand }, Other()], Boards = ["2c7d9h"] }));
        Assert.True(asRange.Exact);
        Assert.Equal(asHand.Players[0].Equity, asRange.Players[0].Equity, 9);
        Assert.Equal(asHand.Players[0].Win, asRange.Players[0].Win, 9);
    }

    [Fact]
    public void Exact_equity_of_ranges_that_can_never_meet_is_refused()
    {
        var problem = EquitySpots.Create(new EquityInput { Players = [new PlayerInput { Range = "AAAA" }, new PlayerInput { Range = "AAA*" }], Boards = ["2c7d9hTs"] });
        Assert.Equal("players", Assert.Throws<EquityLimitException>(() => EquityCalculator.Calculate(problem)).Field);
    }

    [Fact]
    public void Exact_mode_refuses_ranges_over_the_work_budget_and_auto_samples_them()
    {
        var input = new EquityInput
        {
            Players = [new PlayerInput { Hand = "AsKsQhJh" }, new PlayerInput { Range = "****" }],
            Boards = ["2c7d9h"],
            Trials = 20_000,
        };
        var sampled = EquityCalculator.Calculate(EquitySpots.Create(input));
        Assert.False(sampled.Exact);
        var error = Assert.Throws<EquityLimitException>(() => EquityCalculator.Calculate(EquitySpots.Create(input with { Trials = null, Mode = "exact" })));
        Assert.Equal("mode", error.Field);
        Assert.Contains("over the budget", error.Message, StringComparison.Ordinal);
    }
}
