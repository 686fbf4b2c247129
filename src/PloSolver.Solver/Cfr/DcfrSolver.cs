using System.Buffers;

namespace PloSolver.Solver;

/// <summary>How a traversal picks the strategies it plays.</summary>
internal enum WalkMode
{
    /// <summary>A CFR iteration: both players play their current (regret-matched) strategies and the traverser's
    /// regrets and strategy sums are updated.</summary>
    Cfr,

    /// <summary>The traverser best-responds (max over actions per hand) to the opponent's average strategy.</summary>
    BestResponse,

    /// <summary>Both players play their average strategies: the values of the solution.</summary>
    Average,
}

/// <summary>
/// Discounted CFR (Brown &amp; Sandholm, "Solving Imperfect-Information Games via Discounted Regret
/// Minimization", AAAI 2019) with alternating updates, over whole vectors of hands: a traversal for player p carries
/// p's reach and the opponent's reach as arrays over hands and returns p's counterfactual values for every hand at
/// once. On iteration t, positive regrets are multiplied by t^α/(t^α+1), negative ones by t^β/(t^β+1), and the
/// average strategy weighs iteration t by t^γ.
/// <para>
/// Parallelism: children of a node whose subtree is large run on separate threads. Every child writes its own
/// buffer and the parent combines them in child order, and each node's state belongs to one subtree, so results
/// are identical for any thread count.
/// </para>
/// </summary>
internal sealed class DcfrSolver
{
    private readonly SolverGame _game;
    private readonly ParallelOptions _parallel;
    private readonly long _forkWork;
    private readonly double _alpha;
    private readonly double _beta;
    private readonly double _gamma;
    private float _positive;
    private float _negative;
    private float _decay;

    /// <param name="game">The game; its decisions get their regret and strategy arrays here.</param>
    /// <param name="threads">Threads to use (0: all cores).</param>
    /// <param name="alpha">Discount exponent of positive regrets.</param>
    /// <param name="beta">Discount exponent of negative regrets.</param>
    /// <param name="gamma">Weight exponent of the average strategy. 3 rather than the paper's 2: on the example
    /// PLO spots it reaches a given exploitability in about 10% fewer iterations (river-10k: 0.28% of the pot at
    /// iteration 80 against 0.32%).</param>
    /// <param name="forkWork">Subtrees with at least this much work run their children in parallel (tests force
    /// forking with a small value; by default a share of the whole tree).</param>
    public DcfrSolver(SolverGame game, int threads = 0, double alpha = 1.5, double beta = 0, double gamma = 3, long forkWork = 0)
    {
        _game = game;
        _alpha = alpha;
        _beta = beta;
        _gamma = gamma;
        Threads = threads > 0 ? threads : Environment.ProcessorCount;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Threads };
        // Fork only where a subtree is a sizeable share of the whole: small forks cost more than they save.
        _forkWork = Threads <= 1 ? long.MaxValue : forkWork > 0 ? forkWork : Math.Max(game.Root.Work / (Threads * 32), 20_000);
        SolverGame.Visit(game.Root, node =>
        {
            if (node is ActionNode a)
            {
                a.Regrets = new float[a.Actions.Length * game.HandCount(a.Player)];
                a.StrategySum = new float[a.Regrets.Length];
            }
        });
        var compatible = new float[game.HandCount(0)];
        var sums = new double[game.Removal.IdCount];
        Terminals.Fold(game, 0, game.Weights[1], compatible, 1, sums);
        for (var h = 0; h < compatible.Length; h++)
        {
            PairWeight += game.Weights[0][h] * (double)compatible[h];
        }
        if (PairWeight <= 0)
        {
            throw new InvalidOperationException("no pair of hands can meet: every hand of one player shares a card with every hand of the other");
        }
    }

    public SolverGame Game => _game;

    public int Threads { get; }

    public int Iterations { get; private set; }

    /// <summary>Σ over pairs of hands sharing no card of the product of the prior weights: the normaliser that
    /// turns summed counterfactual values into values per hand dealt.</summary>
    public double PairWeight { get; }

    /// <summary>Runs one DCFR iteration (a traversal for each player).</summary>
    public void Iterate(CancellationToken cancellationToken = default)
    {
        var t = ++Iterations;
        var ta = Math.Pow(t, _alpha);
        var tb = Math.Pow(t, _beta);
        _positive = (float)(ta / (ta + 1));
        _negative = (float)(tb / (tb + 1));
        _decay = (float)Math.Pow((t - 1) / (double)t, _gamma);
        for (var p = 0; p < 2; p++)
        {
            var cfv = new float[_game.HandCount(p)];
            Walk(_game.Root, WalkMode.Cfr, p, _game.Weights[p], _game.Weights[1 - p], cfv, cancellationToken);
        }
    }

    /// <summary>Each player's value (chips per hand dealt) when best-responding to the other's average strategy.</summary>
    public (double Player0, double Player1) BestResponseValues(CancellationToken cancellationToken = default) =>
        (RootValue(0, WalkMode.BestResponse, cancellationToken), RootValue(1, WalkMode.BestResponse, cancellationToken));

    /// <summary>Mean of the two best-response values, in chips per hand: 0 exactly at an equilibrium, never negative.</summary>
    public double Exploitability(CancellationToken cancellationToken = default)
    {
        var (br0, br1) = BestResponseValues(cancellationToken);
        return (br0 + br1) / 2;
    }

    /// <summary>A player's value (chips per hand dealt, zero-sum) when both play their average strategies.</summary>
    public double AverageValue(int player, CancellationToken cancellationToken = default) => RootValue(player, WalkMode.Average, cancellationToken);

    private double RootValue(int p, WalkMode mode, CancellationToken cancellationToken)
    {
        var cfv = new float[_game.HandCount(p)];
        Walk(_game.Root, mode, p, _game.Weights[p], _game.Weights[1 - p], cfv, cancellationToken);
        var value = 0.0;
        for (var h = 0; h < cfv.Length; h++)
        {
            value += _game.Weights[p][h] * (double)cfv[h];
        }
        return value / PairWeight;
    }

    /// <summary>
    /// Counterfactual values of player <paramref name="p"/>'s hands at <paramref name="node"/>, given both reach
    /// vectors: Σ over opponent hands (sharing no card) and chance of opponent reach × chance probability × payoff.
    /// </summary>
    public void Walk(Node node, WalkMode mode, int p, float[] myReach, float[] oppReach, float[] cfv, CancellationToken cancellationToken) =>
        Walk(node, mode, p, myReach, oppReach, cfv, 0, cancellationToken);

    // forks: how many enclosing nodes already run their children in parallel. Nested parallel loops block pool
    // threads while they wait, so forking stops after MaxForkDepth levels.
    private void Walk(Node node, WalkMode mode, int p, float[] myReach, float[] oppReach, float[] cfv, int forks, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case TerminalNode terminal:
                Terminals.Evaluate(_game, terminal, p, oppReach, cfv, null);
                break;
            case ChanceNode chance:
                WalkChance(chance, mode, p, myReach, oppReach, cfv, forks, cancellationToken);
                break;
            case ActionNode action when action.Player == p:
                WalkMine(action, mode, p, myReach, oppReach, cfv, forks, cancellationToken);
                break;
            case ActionNode action:
                WalkOpponent(action, mode, p, myReach, oppReach, cfv, forks, cancellationToken);
                break;
        }
    }

    /// <summary>The strategy a node's player plays in a mode: current (regret matching) or average.</summary>
    public static void Strategy(ActionNode node, bool average, int hands, Span<float> strategy) =>
        VectorMath.Normalise(average ? node.StrategySum : node.Regrets, strategy, node.Actions.Length, hands);

    private void WalkMine(ActionNode node, WalkMode mode, int p, float[] myReach, float[] oppReach, float[] cfv, int forks, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var n = _game.HandCount(p);
        var actions = node.Actions.Length;
        var strategy = Rent(actions * n);
        var children = new float[actions][];
        var compatible = Compatible(node, p, oppReach);
        try
        {
            if (mode != WalkMode.BestResponse)
            {
                Strategy(node, mode == WalkMode.Average, n, strategy.AsSpan(0, actions * n));
            }
            var fork = Fork(node, forks);
            var below = fork ? forks + 1 : forks;
            ForEach(actions, fork, a =>
            {
                children[a] = Rent(n);
                if (node.Children[a] is TerminalNode terminal)
                {
                    // Terminals do not depend on my reach; they share one C.
                    Terminals.Evaluate(_game, terminal, p, oppReach, children[a], compatible);
                }
                else if (mode == WalkMode.Cfr)
                {
                    var reach = Rent(n);
                    VectorMath.Multiply(myReach.AsSpan(0, n), strategy.AsSpan(a * n, n), reach);
                    Walk(node.Children[a], mode, p, reach, oppReach, children[a], below, cancellationToken);
                    Return(reach);
                }
                else
                {
                    Walk(node.Children[a], mode, p, myReach, oppReach, children[a], below, cancellationToken);
                }
            });
            var value = cfv.AsSpan(0, n);
            if (mode == WalkMode.BestResponse)
            {
                children[0].AsSpan(0, n).CopyTo(value);
                for (var a = 1; a < actions; a++)
                {
                    VectorMath.Max(children[a].AsSpan(0, n), value);
                }
                return;
            }
            value.Clear();
            for (var a = 0; a < actions; a++)
            {
                VectorMath.MultiplyAdd(strategy.AsSpan(a * n, n), children[a].AsSpan(0, n), value);
            }
            if (mode == WalkMode.Cfr)
            {
                for (var a = 0; a < actions; a++)
                {
                    VectorMath.UpdateRegrets(node.Regrets.AsSpan(a * n, n), children[a].AsSpan(0, n), value, _positive, _negative);
                    VectorMath.UpdateStrategySum(node.StrategySum.AsSpan(a * n, n), myReach.AsSpan(0, n), strategy.AsSpan(a * n, n), _decay);
                }
            }
        }
        finally
        {
            Return(strategy);
            if (compatible is not null)
            {
                ArrayPool<double>.Shared.Return(compatible);
            }
            foreach (var child in children)
            {
                if (child is not null)
                {
                    Return(child);
                }
            }
        }
    }

    // The traverser's terminal children (a fold, a check-back or call to showdown) all see the opponent's reach at
    // this node, so each hand's compatible opponent reach (C) is worked out once here for all of them.
    private double[]? Compatible(ActionNode node, int p, float[] oppReach)
    {
        if (!node.Children.Any(c => c is TerminalNode))
        {
            return null;
        }
        var compatible = ArrayPool<double>.Shared.Rent(_game.HandCount(p));
        var sums = ArrayPool<double>.Shared.Rent(_game.Removal.IdCount);
        Terminals.Compatible(_game, p, oppReach, compatible, sums);
        ArrayPool<double>.Shared.Return(sums);
        return compatible;
    }

    private void WalkOpponent(ActionNode node, WalkMode mode, int p, float[] myReach, float[] oppReach, float[] cfv, int forks, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var n = _game.HandCount(p);
        var m = _game.HandCount(1 - p);
        var actions = node.Actions.Length;
        var strategy = Rent(actions * m);
        var children = new float[actions][];
        try
        {
            Strategy(node, mode != WalkMode.Cfr, m, strategy.AsSpan(0, actions * m));
            var fork = Fork(node, forks);
            var below = fork ? forks + 1 : forks;
            ForEach(actions, fork, a =>
            {
                var reach = Rent(m);
                VectorMath.Multiply(oppReach.AsSpan(0, m), strategy.AsSpan(a * m, m), reach);
                // Even where the opponent never goes, the traverser's decisions below are walked: their values are
                // 0 but DCFR's discounts and the average strategy must advance on every iteration.
                children[a] = Rent(n);
                Walk(node.Children[a], mode, p, myReach, reach, children[a], below, cancellationToken);
                Return(reach);
            });
            var value = cfv.AsSpan(0, n);
            value.Clear();
            foreach (var child in children)
            {
                if (child is not null)
                {
                    VectorMath.Add(child.AsSpan(0, n), value);
                }
            }
        }
        finally
        {
            Return(strategy);
            foreach (var child in children)
            {
                if (child is not null)
                {
                    Return(child);
                }
            }
        }
    }

    private void WalkChance(ChanceNode node, WalkMode mode, int p, float[] myReach, float[] oppReach, float[] cfv, int forks, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var opp = 1 - p;
        var n = _game.HandCount(p);
        var m = _game.HandCount(opp);
        var children = new float[node.Children.Length][];
        try
        {
            var fork = Fork(node, forks);
            var below = fork ? forks + 1 : forks;
            ForEach(node.Children.Length, fork, k =>
            {
                var card = node.Cards[k];
                var mine = Rent(n);
                var theirs = Rent(m);
                myReach.AsSpan(0, n).CopyTo(mine);
                oppReach.AsSpan(0, m).CopyTo(theirs);
                foreach (var h in _game.HandsWithCard[p][card])
                {
                    mine[h] = 0;
                }
                foreach (var h in _game.HandsWithCard[opp][card])
                {
                    theirs[h] = 0;
                }
                children[k] = Rent(n);
                Walk(node.Children[k], mode, p, mine, theirs, children[k], below, cancellationToken);
                // A hand holding the dealt card never sees this branch.
                foreach (var h in _game.HandsWithCard[p][card])
                {
                    children[k][h] = 0;
                }
                Return(mine);
                Return(theirs);
            });
            var value = cfv.AsSpan(0, n);
            value.Clear();
            foreach (var child in children)
            {
                VectorMath.Add(child.AsSpan(0, n), value);
            }
            var probability = node.Probability;
            foreach (ref var v in value)
            {
                v *= probability;
            }
        }
        finally
        {
            foreach (var child in children)
            {
                if (child is not null)
                {
                    Return(child);
                }
            }
        }
    }

    private const int MaxForkDepth = 2;

    private bool Fork(Node node, int forks) => forks < MaxForkDepth && node.Work >= _forkWork;

    private void ForEach(int count, bool fork, Action<int> body)
    {
        if (fork && count > 1)
        {
            try
            {
                Parallel.For(0, count, _parallel, body);
            }
            catch (AggregateException e) when (e.InnerExceptions.OfType<OperationCanceledException>().FirstOrDefault() is { } cancelled)
            {
                throw cancelled;
            }
            return;
        }
        for (var i = 0; i < count; i++)
        {
            body(i);
        }
    }

    private static float[] Rent(int length) => ArrayPool<float>.Shared.Rent(Math.Max(length, 1));

    private static void Return(float[] array) => ArrayPool<float>.Shared.Return(array);
}
