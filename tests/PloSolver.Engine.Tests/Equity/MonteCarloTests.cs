using System.Collections.Concurrent;
using System.Globalization;

namespace PloSolver.Engine.Tests;

/// <summary>Monte Carlo against exact answers, determinism, stopping rules, progress and cancellation.</summary>
public sealed class MonteCarloTests
{
    [Theory]
    [InlineData("plo4", new[] { "AsKsQhJh", "7c8c9d6d", "AcAdTh9h" }, "", false, 21)]
    [InlineData("plo4", new[] { "As2sKdQd", "7c8c9d6d" }, "", true, 22)]
    [InlineData("plo5", new[] { "AsKsQhJhTc", "7c8c9d6d5s", "2h2d3c4c5h" }, "Kd7h2c", false, 23)]
    [InlineData("plo6", new[] { "AsKsQhJhTc9c", "7c8c9d6d5s4s" }, "2d3d9h", true, 24)]
    public void Monte_Carlo_equity_is_within_three_standard_errors_of_exact(string game, string[] hands, string board, bool hiLo, long seed)
    {
        var input = EquitySpots.Input(game, hands, [board], hiLo: hiLo);
        var exact = EquityCalculator.Calculate(EquitySpots.Create(input with { Mode = "exact" }));
        var monteCarlo = EquityCalculator.Calculate(EquitySpots.Create(input with { Mode = "montecarlo", Trials = 300_000, Seed = seed }));
        Assert.True(exact.Exact);
        Assert.False(monteCarlo.Exact);
        Assert.Equal(300_000, monteCarlo.Deals);
        for (var p = 0; p < hands.Length; p++)
        {
            var e = exact.Players[p];
            var m = monteCarlo.Players[p];
            var stdErr = m.StdErr!.Value;
            Assert.InRange(stdErr, 0.01, 0.2); // about 50 / sqrt(300,000) points for a coin flip
            Assert.True(Math.Abs(e.Equity - m.Equity) <= 3 * stdErr, $"player {p + 1}: Monte Carlo {m.Equity} ± {stdErr}, exact {e.Equity}");
            // Win and tie rates are binomial proportions.
            AssertProportion(e.Win, m.Win, monteCarlo.Deals, $"player {p + 1} win");
            AssertProportion(e.Tie, m.Tie, monteCarlo.Deals, $"player {p + 1} tie");
            if (hiLo)
            {
                Assert.Equal(m.Win, m.Scoop);
                Assert.True(Math.Abs(e.Boards[0].Lo!.Value - m.Boards[0].Lo!.Value) <= 0.5, $"player {p + 1} lo share");
            }
        }
        Assert.True(Math.Abs(100 - monteCarlo.Players.Sum(p => p.Equity)) < 1e-9);
    }

    [Fact]
    public void Double_board_pot_share_from_empty_boards_equals_single_board_equity()
    {
        var hands = new[] { "AsKsQhJh", "7c8c9d6d" };
        var single = EquityCalculator.Calculate(EquitySpots.Create(EquitySpots.Input("plo4", hands, mode: "exact")));
        var twoBoards = EquityCalculator.Calculate(EquitySpots.Create(EquitySpots.Input("plo4", hands, ["", ""]) with { Trials = 300_000, Seed = 31 }));
        Assert.False(twoBoards.Exact); // two empty boards cannot be enumerated: auto falls back to Monte Carlo
        for (var p = 0; p < 2; p++)
        {
            var share = twoBoards.Players[p];
            Assert.Equal(2, share.Boards.Count);
            Assert.True(Math.Abs(single.Players[p].Equity - share.Equity) <= 3 * share.StdErr!.Value,
                $"player {p + 1}: double board {share.Equity} ± {share.StdErr}, single board {single.Players[p].Equity}");
            Assert.Equal((share.Boards[0].Equity + share.Boards[1].Equity) / 2, share.Equity, 9);
            Assert.Equal(share.Win, share.Scoop);
            // Each board on its own is a single-board deal: a looser binomial check of each board's equity.
            foreach (var board in share.Boards)
            {
                Assert.True(Math.Abs(single.Players[p].Equity - board.Equity) <= 0.5, $"board equity {board.Equity}");
            }
        }
    }

    [Fact]
    public void Double_board_Monte_Carlo_agrees_with_exact_double_board()
    {
        var input = EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d", "Ac2d3h4s"], ["2c3d4h", "Tc5s5d"], hiLo: true);
        var exact = EquityCalculator.Calculate(EquitySpots.Create(input with { Mode = "exact" }));
        var monteCarlo = EquityCalculator.Calculate(EquitySpots.Create(input with { Mode = "montecarlo", Trials = 200_000, Seed = 32 }));
        for (var p = 0; p < 3; p++)
        {
            var m = monteCarlo.Players[p];
            Assert.True(Math.Abs(exact.Players[p].Equity - m.Equity) <= 3 * m.StdErr!.Value,
                $"player {p + 1}: Monte Carlo {m.Equity} ± {m.StdErr}, exact {exact.Players[p].Equity}");
            AssertProportion(exact.Players[p].Win, m.Win, monteCarlo.Deals, $"player {p + 1} scoop");
        }
    }

    [Fact]
    public void Same_seed_gives_identical_results_on_one_and_two_threads()
    {
        var problem = EquitySpots.Create(EquitySpots.Input("plo5", ["AsKsQhJhTc", "7c8c9d6d5s", "2h2d3c4c5h"], ["", "Kd7h2c"], hiLo: true) with
        {
            Mode = "montecarlo", Trials = 150_000, Seed = 12345,
        });
        var one = EquityCalculator.Calculate(problem, new EquityLimits { Threads = 1 });
        var two = EquityCalculator.Calculate(problem, new EquityLimits { Threads = 2 });
        Assert.Equal(Fingerprint(one), Fingerprint(two));
        Assert.Equal(150_000, one.Deals);
    }

    [Fact]
    public void Same_seed_and_precision_target_give_identical_results_on_one_and_two_threads()
    {
        var problem = EquitySpots.Create(EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d"], mode: "montecarlo") with { TargetStdErr = 0.05, Seed = 77 });
        var one = EquityCalculator.Calculate(problem, new EquityLimits { Threads = 1 });
        var two = EquityCalculator.Calculate(problem, new EquityLimits { Threads = 2 });
        Assert.Equal(Fingerprint(one), Fingerprint(two));
    }

    [Fact]
    public void Different_seeds_give_different_results()
    {
        var input = EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d"], mode: "montecarlo") with { Trials = 50_000 };
        var first = EquityCalculator.Calculate(EquitySpots.Create(input with { Seed = 1 }));
        var second = EquityCalculator.Calculate(EquitySpots.Create(input with { Seed = 2 }));
        var again = EquityCalculator.Calculate(EquitySpots.Create(input with { Seed = 1 }));
        Assert.NotEqual(Fingerprint(first), Fingerprint(second));
        Assert.Equal(Fingerprint(first), Fingerprint(again));
    }

    [Fact]
    public void A_time_limit_stops_a_long_run_early()
    {
        // Six PLO6 hands (the deck's first 36 cards), hi-lo, preflop: a slow spot to sample.
        var hands = Enumerable.Range(0, 6).Select(i => Card.Format(TestCards.Deck()[(i * 6)..(i * 6 + 6)])).ToArray();
        var problem = EquitySpots.Create(EquitySpots.Input("plo6", hands, hiLo: true) with
        {
            Mode = "montecarlo", Trials = 10_000_000_000, TimeLimitMs = 1,
        });
        var result = EquityCalculator.Calculate(problem);
        Assert.False(result.Exact);
        Assert.True(result.Deals > 0);
        Assert.True(result.Deals < 10_000_000_000, $"{result.Deals} trials ran");
        Assert.True(Math.Abs(100 - result.Players.Sum(p => p.Equity)) < 1e-9);
    }

    [Fact]
    public void A_time_limit_without_a_trial_count_stops_before_the_trial_ceiling()
    {
        var problem = EquitySpots.Create(EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d"], mode: "montecarlo") with { TimeLimitMs = 1 });
        var result = EquityCalculator.Calculate(problem);
        Assert.False(result.Exact);
        Assert.InRange(result.Deals, 1, EquityProblem.MaxTrials - 1);
    }

    [Fact]
    public void The_caller_s_time_limit_stops_a_long_run_early()
    {
        var problem = EquitySpots.Create(EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d"], mode: "montecarlo") with { Trials = 10_000_000_000 });
        var result = EquityCalculator.Calculate(problem, new EquityLimits { MaxTime = TimeSpan.FromMilliseconds(1) });
        Assert.InRange(result.Deals, 1, 10_000_000_000 - 1);
    }

    [Fact]
    public void A_one_trial_run_reports_only_finite_numbers()
    {
        // Results are the JSON shape of the API and the CLI, and JSON has no infinities.
        var problem = EquitySpots.Create(EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d"], mode: "montecarlo") with { Trials = 1, Seed = 4 });
        var result = EquityCalculator.Calculate(problem);
        Assert.Equal(1, result.Deals);
        Assert.Equal(100, result.Players.Sum(p => p.Equity), 9);
        Assert.All(result.Players, p => Assert.True(p.StdErr is null || double.IsFinite(p.StdErr.Value), $"std err {p.StdErr}"));
    }

    [Fact]
    public void The_caller_s_trial_ceiling_caps_the_request()
    {
        var problem = EquitySpots.Create(EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d"], mode: "montecarlo") with { Trials = 10_000_000 });
        var result = EquityCalculator.Calculate(problem, new EquityLimits { MaxTrials = 40_000 });
        Assert.Equal(40_000, result.Deals);
    }

    [Fact]
    public void Monte_Carlo_without_limits_runs_the_default_trials()
    {
        var problem = EquitySpots.Create(EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d"], mode: "montecarlo"));
        Assert.Equal(EquityProblem.DefaultTrials, EquityCalculator.Calculate(problem).Deals);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.1)]
    public void A_precision_target_stops_early_with_every_standard_error_at_or_below_it(double target)
    {
        var problem = EquitySpots.Create(EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d", "AcAdTh9h"], ["Kd7h2c"], mode: "montecarlo") with
        {
            TargetStdErr = target, Seed = 5,
        });
        var result = EquityCalculator.Calculate(problem);
        Assert.False(result.Exact);
        Assert.True(result.Deals < 100_000_000, $"{result.Deals} trials ran");
        Assert.All(result.Players, p => Assert.True(p.StdErr <= target, $"std err {p.StdErr} above {target}"));
    }

    [Fact]
    public void A_precision_target_with_a_trial_ceiling_stops_at_whichever_comes_first()
    {
        var problem = EquitySpots.Create(EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d"], mode: "montecarlo") with { TargetStdErr = 0.2, Trials = 5_000_000, Seed = 6 });
        var result = EquityCalculator.Calculate(problem);
        Assert.True(result.Deals < 5_000_000, $"{result.Deals} trials ran");
        Assert.All(result.Players, p => Assert.True(p.StdErr <= 0.2));
    }

    [Theory]
    [InlineData("montecarlo", new[] { "" })]
    [InlineData("exact", new[] { "" })]
    [InlineData("exact", new[] { "2c3d4h", "Tc5s5d" })]
    public void A_cancelled_token_throws(string mode, string[] boards)
    {
        var problem = EquitySpots.Create(EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d"], boards, mode: mode));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => EquityCalculator.Calculate(problem, cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Monte_Carlo_progress_rises_to_one()
    {
        var progress = new Recorder();
        var problem = EquitySpots.Create(EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d"], mode: "montecarlo") with { Trials = 1_000_000 });
        var result = EquityCalculator.Calculate(problem, new EquityLimits { Threads = 2 }, progress);
        var reports = progress.Reports.ToArray();
        Assert.True(reports.Length >= 3, $"{reports.Length} reports");
        Assert.Equal(1, reports[^1].Fraction);
        Assert.Equal(result.Deals, reports[^1].Deals);
        for (var i = 1; i < reports.Length; i++)
        {
            Assert.True(reports[i].Fraction >= reports[i - 1].Fraction && reports[i].Deals >= reports[i - 1].Deals);
        }
        Assert.All(reports, r => Assert.InRange(r.Fraction, 0, 1));
    }

    [Fact]
    public void Exact_progress_ends_at_one_with_every_deal()
    {
        var progress = new Recorder();
        var problem = EquitySpots.Create(EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d"], ["2c3d4h"]));
        var result = EquityCalculator.Calculate(problem, progress: progress);
        Assert.Equal(new EquityProgress(1, result.Deals), progress.Reports.Last());
        Assert.Equal(820, result.Deals); // C(41, 2)
    }

    [Fact]
    public void Exact_double_board_progress_rises_through_the_enumeration_to_one()
    {
        var progress = new Recorder();
        var problem = EquitySpots.Create(EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d"], ["2c3d4h", "Tc5s5d"]));
        var result = EquityCalculator.Calculate(problem, new EquityLimits { Threads = 2 }, progress);
        var reports = progress.Reports.ToArray();
        Assert.True(reports.Length >= 20, $"{reports.Length} reports");
        for (var i = 1; i < reports.Length; i++)
        {
            Assert.True(reports[i].Fraction >= reports[i - 1].Fraction, $"report {i}: {reports[i].Fraction} after {reports[i - 1].Fraction}");
        }
        Assert.Equal(new EquityProgress(1, result.Deals), reports[^1]);
    }

    [Fact]
    public void Auto_mode_is_exact_for_one_board_and_for_a_double_board_within_budget()
    {
        Assert.True(EquityCalculator.Calculate(EquitySpots.Create(EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d"]))).Exact);
        Assert.True(EquityCalculator.Calculate(EquitySpots.Create(EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d"], ["2c3d4h", "Tc5s5d"]))).Exact);
    }

    [Fact]
    public void Auto_mode_falls_back_to_Monte_Carlo_over_the_exact_budget_and_exact_mode_is_refused()
    {
        var input = EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d"], ["", "Tc5s5d"]);
        var limits = new EquityLimits { ExactVisitBudget = 1000 };
        var auto = EquityCalculator.Calculate(EquitySpots.Create(input with { Trials = 50_000 }), limits);
        Assert.False(auto.Exact);
        var error = Assert.Throws<EquityLimitException>(() => EquityCalculator.Calculate(EquitySpots.Create(input with { Mode = "exact" }), limits));
        Assert.Equal("mode", error.Field);
        // Within the default budget the same spot is exact.
        Assert.True(EquityCalculator.Calculate(EquitySpots.Create(input with { Mode = "exact" })).Exact);
    }

    // Everything but the elapsed time, at full precision.
    private static string Fingerprint(EquityResult result) => string.Join("\n",
        result.Players.Select(p => string.Join(" ", new double?[] { p.Equity, p.Win, p.Tie, p.Scoop, p.StdErr }
            .Concat(p.Boards.SelectMany(b => new[] { b.Equity, b.Win, b.Tie, b.Hi, b.Lo }))
            .Select(v => v?.ToString("R", CultureInfo.InvariantCulture) ?? "-"))).Prepend($"{result.Exact} {result.Deals}"));

    private static void AssertProportion(double exactPercent, double sampledPercent, long trials, string what)
    {
        var p = exactPercent / 100;
        var stdErr = 100 * Math.Sqrt(Math.Max(p * (1 - p), 1e-12) / trials);
        Assert.True(Math.Abs(exactPercent - sampledPercent) <= 4 * stdErr + 1e-9, $"{what}: sampled {sampledPercent}, exact {exactPercent} (std err {stdErr})");
    }

    /// <summary>Records reports synchronously, unlike <see cref="Progress{T}"/>, which posts them.</summary>
    private sealed class Recorder : IProgress<EquityProgress>
    {
        public ConcurrentQueue<EquityProgress> Reports { get; } = new();

        public void Report(EquityProgress value) => Reports.Enqueue(value);
    }
}
