namespace PloSolver.Solver.Tests;

/// <summary>When the solver measures exploitability: where the trend says the target falls, within bounds.</summary>
public sealed class CheckScheduleTests
{
    [Fact]
    public void The_next_check_is_where_a_power_law_through_the_last_two_reaches_the_target()
    {
        // 8% at 10 and 2% at 20: exploitability ∝ t^−2, so 0.5% is reached at iteration 40.
        Assert.Equal(40, PostflopSolver.NextCheck(new SolveProgress(10, 8, 0), new SolveProgress(20, 2, 0), 0.5));
    }

    [Fact]
    public void A_far_target_at_most_doubles_the_iterations_and_a_near_one_waits_a_twentieth()
    {
        Assert.Equal(40, PostflopSolver.NextCheck(new SolveProgress(10, 8, 0), new SolveProgress(20, 2, 0), 1e-6));
        Assert.Equal(105, PostflopSolver.NextCheck(new SolveProgress(90, 0.32, 0), new SolveProgress(100, 0.301, 0), 0.3));
    }

    [Fact]
    public void Without_a_falling_trend_the_iterations_double()
    {
        Assert.Equal(20, PostflopSolver.NextCheck(null, new SolveProgress(10, 5, 0), 0.3));
        Assert.Equal(40, PostflopSolver.NextCheck(new SolveProgress(10, 1, 0), new SolveProgress(20, 2, 0), 0.3));
    }
}
