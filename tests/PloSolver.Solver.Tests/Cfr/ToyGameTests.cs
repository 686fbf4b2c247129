namespace PloSolver.Solver.Tests;

/// <summary>DCFR on games whose solutions are known: Kuhn poker and Leduc hold'em.</summary>
public sealed class ToyGameTests
{
    [Fact]
    public void Kuhn_converges_to_the_game_value_of_minus_one_eighteenth()
    {
        var solver = new DcfrSolver(ToyGames.Kuhn(), threads: 1);
        for (var i = 0; i < 2000; i++)
        {
            solver.Iterate();
        }
        Assert.InRange(solver.Exploitability(), 0, 1e-3);
        Assert.Equal(-1.0 / 18, solver.AverageValue(0), 3);
        Assert.Equal(1.0 / 18, solver.AverageValue(1), 3);
    }

    [Fact]
    public void Kuhn_first_player_never_bets_a_queen_and_calls_with_a_king()
    {
        var game = ToyGames.Kuhn();
        var solver = new DcfrSolver(game, threads: 1);
        for (var i = 0; i < 2000; i++)
        {
            solver.Iterate();
        }
        var root = (ActionNode)game.Root;
        var strategy = new float[2 * 3];
        DcfrSolver.Strategy(root, average: true, 3, strategy);
        // Hands: J = 0, Q = 1, K = 2; actions: check, bet. Player 0 bets a jack with α ≤ 1/3 and a king with 3α.
        Assert.True(strategy[3 + 1] < 0.01, $"queen bets {strategy[4]}");
        var alpha = strategy[3 + 0];
        Assert.InRange(alpha, 0, 1.0 / 3 + 0.01);
        Assert.Equal(3 * alpha, strategy[3 + 2], 1);
    }

    [Fact]
    public void Exploitability_is_never_negative_and_falls()
    {
        var solver = new DcfrSolver(ToyGames.Leduc(), threads: 1);
        var history = new List<double>();
        for (var i = 1; i <= 300; i++)
        {
            solver.Iterate();
            if (i % 30 == 0)
            {
                history.Add(solver.Exploitability());
            }
        }
        Assert.All(history, e => Assert.True(e >= 0, $"exploitability {e}"));
        Assert.True(history[^1] < history[0] / 5, string.Join(", ", history));
    }

    [Fact]
    public void Leduc_converges_to_its_game_value()
    {
        var solver = new DcfrSolver(ToyGames.Leduc(), threads: 2);
        for (var i = 0; i < 500; i++)
        {
            solver.Iterate();
        }
        Assert.InRange(solver.Exploitability(), 0, 0.005);
        Assert.Equal(-0.0856, solver.AverageValue(0), 2);
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var one = new DcfrSolver(ToyGames.Leduc(), threads: 1);
        var two = new DcfrSolver(ToyGames.Leduc(), threads: 2, forkWork: 1);
        for (var i = 0; i < 50; i++)
        {
            one.Iterate();
            two.Iterate();
        }
        Assert.Equal(one.Exploitability(), two.Exploitability());
    }
}
