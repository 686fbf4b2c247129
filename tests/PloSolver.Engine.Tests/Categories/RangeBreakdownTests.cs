namespace PloSolver.Engine.Tests.Categories;

/// <summary>A range split into hand categories, each category's equity and the range's equity curve.</summary>
public sealed class RangeBreakdownTests
{
    // Monte Carlo questions get 20,000 trials per bucket (2,000 per curve point) to keep the tests quick.
    private static EquityProblem Problem(string hero, string villain, string board, string mode = "auto")
    {
        var input = new EquityInput
        {
            Players = [new PlayerInput { Range = hero }, Player(villain)],
            Boards = [board],
            Mode = mode,
            Trials = mode == "exact" ? null : 20_000,
        };
        Assert.True(EquityProblem.TryCreate(input, out var problem, out var errors), string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
        return problem;
    }

    private static PlayerInput Player(string text) =>
        CardParser.TryParse(text, out var cards, out _) && cards.Length == 4 ? new PlayerInput { Hand = text } : new PlayerInput { Range = text };

    private static CategoryShare Row(IEnumerable<CategoryShare> rows, string name) => rows.Single(r => r.Name == name);

    [Fact]
    public void Made_classes_split_the_range_once_and_sum_to_the_whole()
    {
        var board = CardParser.Parse("Ks7h2d");
        var range = RangeParser.Parse("AA,KK,QQ", Game.Plo4, Card.ToMask(board));
        var rows = RangeBreakdown.Count(range, board);
        var made = rows.Where(r => r.Kind == "made").ToArray();
        Assert.Equal(range.Combos, made.Sum(r => r.Combos), 6);
        Assert.Equal(100, made.Sum(r => r.Percent), 6);
        // Every hand with two kings makes a set with the king on board.
        var kingsOnly = RangeParser.Parse("KK!AA!QQ", Game.Plo4, Card.ToMask(board));
        Assert.True(Row(rows, "set").Combos >= kingsOnly.Combos);
        Assert.Contains(made, r => r.Name == "overpair");
    }

    [Fact]
    public void Weighted_hands_count_by_weight()
    {
        var board = CardParser.Parse("Ks7h2d");
        var full = RangeBreakdown.Count(RangeParser.Parse("QQ", Game.Plo4, Card.ToMask(board)), board);
        var half = RangeBreakdown.Count(RangeParser.Parse("QQ@50", Game.Plo4, Card.ToMask(board)), board);
        foreach (var row in full)
        {
            Assert.Equal(row.Combos / 2, Row(half, row.Name).Combos, 6);
            Assert.Equal(row.Percent, Row(half, row.Name).Percent, 6);
        }
    }

    [Fact]
    public void A_category_s_equity_is_the_equity_of_its_hands_as_a_range()
    {
        // On a river every question is exact, so the bucket must equal the same hands asked directly.
        var problem = Problem("AA,KK", "QsQdJcTc", "Ks7h2d9c3s");
        var result = RangeBreakdown.Calculate(problem, 0);
        Assert.True(result.Exact);
        var set = Row(result.Categories, "set");
        // The sets: every hand with two kings, and aces with a pair of a board rank below.
        var direct = EquityCalculator.Calculate(Problem("KK,AA77,AA99,AA33,AA22", "QsQdJcTc", "Ks7h2d9c3s")).Players[0].Equity;
        Assert.Equal(direct, set.Equity!.Value, 9);
        Assert.Null(set.StdErr);
    }

    [Fact]
    public void The_distribution_is_sorted_strongest_first_and_matches_single_hands()
    {
        var problem = Problem("AA,KK", "QsQdJcTc", "Ks7h2d9c3s");
        var result = RangeBreakdown.Calculate(problem, 0);
        var equities = result.Distribution.Select(p => p.Equity).ToArray();
        Assert.Equal(equities.OrderByDescending(e => e), equities);
        var percentiles = result.Distribution.Select(p => p.Percentile).ToArray();
        Assert.Equal(percentiles.Order(), percentiles);
        Assert.InRange(percentiles[0], 0, 100);
        Assert.InRange(percentiles[^1], 0, 100);
        // A set of kings beats queens on this river every time; an overpair of aces loses to nothing either.
        Assert.Equal(100, equities[0], 9);
    }

    [Fact]
    public void Monte_carlo_buckets_carry_a_standard_error_and_agree_with_exact_ones()
    {
        var exact = RangeBreakdown.Calculate(Problem("AA,KK", "QsQdJcTc", "Ks7h2d9c"), 0);
        Assert.True(exact.Exact);
        var sampled = RangeBreakdown.Calculate(Problem("AA,KK", "QsQdJcTc", "Ks7h2d9c", "montecarlo"), 0);
        Assert.False(sampled.Exact);
        foreach (var row in sampled.Categories.Where(r => r.Combos > 100))
        {
            Assert.NotNull(row.StdErr);
            var reference = Row(exact.Categories, row.Name).Equity!.Value;
            Assert.InRange(row.Equity!.Value, reference - 3 * row.StdErr!.Value - 1e-9, reference + 3 * row.StdErr!.Value + 1e-9);
        }
    }

    [Fact]
    public void The_same_problem_gives_the_same_breakdown()
    {
        var problem = Problem("AA**:ds", "KK**", "Ks7h2d", "montecarlo");
        Assert.Equal(RangeBreakdown.Calculate(problem, 0).Categories, RangeBreakdown.Calculate(problem, 0).Categories);
    }

    [Fact]
    public void A_bucket_that_never_meets_the_opponent_has_no_equity()
    {
        // Aces with two kings (a set) leave the opponent's two kings no cards: those hands never meet KK.
        var result = RangeBreakdown.Calculate(Problem("AAKK,AAQQ", "KK**", "Ks7h2d", "montecarlo"), 0);
        var set = Row(result.Categories, "set");
        Assert.True(set.Combos > 0);
        Assert.Null(set.Equity);
        Assert.NotNull(Row(result.Categories, "overpair").Equity);
    }

    [Fact]
    public void A_player_without_a_range_or_a_double_board_is_refused()
    {
        var problem = Problem("AA", "QsQdJcTc", "Ks7h2d");
        Assert.Throws<ArgumentException>(() => RangeBreakdown.Calculate(problem, 1));
        var input = new EquityInput { Players = [new PlayerInput { Range = "AA" }, new PlayerInput { Range = "KK" }], Boards = ["Ks7h2d", "Qc8c3h"] };
        Assert.True(EquityProblem.TryCreate(input, out var doubleBoard, out _));
        Assert.Throws<ArgumentException>(() => RangeBreakdown.Calculate(doubleBoard, 0));
        Assert.Throws<ArgumentException>(() => RangeBreakdown.Count(RangeParser.Parse("AA", Game.Plo4), []));
    }

    [Fact]
    public void Cancellation_stops_the_breakdown()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => RangeBreakdown.Calculate(Problem("AA", "KK", "Ks7h2d"), 0, cancellationToken: cancel.Token));
    }
}
