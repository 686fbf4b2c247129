using System.Numerics;
using PloSolver.Engine;

namespace PloSolver.Solver;

/// <summary>
/// A solved spot: how the solve went, and reports for any decision node (worked out on demand from the average
/// strategies, so a result holds no per-node copies beyond the solver's own state).
/// </summary>
public sealed class SolveResult
{
    private readonly PostflopGame _game;
    private readonly DcfrSolver _solver;

    internal SolveResult(PostflopGame game, DcfrSolver solver, TreeEstimate estimate, double exploitability, double elapsedMs, long peakMemoryBytes,
        IReadOnlyList<SolveProgress> history)
        : this(game, solver, solver.Iterations, solver.Threads, estimate, exploitability, elapsedMs, peakMemoryBytes, history)
    {
    }

    /// <summary>A result whose strategies were set from elsewhere (a stored solution): the solver's own
    /// iteration and thread counts are not the solve's.</summary>
    internal SolveResult(PostflopGame game, DcfrSolver solver, int iterations, int threads, TreeEstimate estimate, double exploitability,
        double elapsedMs, long peakMemoryBytes, IReadOnlyList<SolveProgress> history)
    {
        _game = game;
        _solver = solver;
        Iterations = iterations;
        Threads = threads;
        Estimate = estimate;
        ExploitabilityChips = exploitability;
        ElapsedMs = elapsedMs;
        PeakMemoryBytes = peakMemoryBytes;
        History = history;
        var half = game.Spot.Pot / 2;
        OopEv = solver.AverageValue(0) + half;
        IpEv = solver.AverageValue(1) + half;
    }

    /// <summary>The version of the stored solution format that <see cref="Write"/> writes and <see cref="Read"/>
    /// reads.</summary>
    public const int FormatVersion = SolutionFormat.Version;

    /// <summary>The spot that was solved.</summary>
    public Spot Spot => _game.Spot;

    /// <summary>Iterations run.</summary>
    public int Iterations { get; }

    /// <summary>Threads used.</summary>
    public int Threads { get; }

    /// <summary>Wall time of the solve, tree and tables included.</summary>
    public double ElapsedMs { get; }

    /// <summary>Exploitability of the average strategies: the mean of what each player gains by best-responding, in
    /// chips per hand dealt.</summary>
    public double ExploitabilityChips { get; }

    /// <summary><see cref="ExploitabilityChips"/> as a percentage of the starting pot.</summary>
    public double ExploitabilityPctPot => ExploitabilityChips / _game.Spot.Pot * 100;

    /// <summary>Peak working set of the process when the solve ended.</summary>
    public long PeakMemoryBytes { get; }

    /// <summary>The estimate made before solving (for a stored solution: made again when it was read).</summary>
    public TreeEstimate Estimate { get; }

    /// <summary>Every exploitability measurement, in order.</summary>
    public IReadOnlyList<SolveProgress> History { get; }

    /// <summary>OOP's expected share of the pot (chips won from the starting pot and later bets, less what OOP
    /// puts in after the start).</summary>
    public double OopEv { get; }

    /// <summary>IP's expected share of the pot; <see cref="OopEv"/> + <see cref="IpEv"/> = the starting pot.</summary>
    public double IpEv { get; }

    /// <summary>The first decision (OOP's).</summary>
    public NodeReport Root() => Report([]);

    /// <summary>
    /// The report of the decision reached by <paramref name="path"/>: at a decision, the index of the action taken;
    /// at a chance node, the card dealt (0–51, rank × 4 + suit).
    /// </summary>
    /// <exception cref="SolvePathException">The path leaves the tree or ends at a chance node or terminal.</exception>
    public NodeReport Report(IReadOnlyList<int> path) => NodeReporter.Report(_game, _solver, path);

    /// <summary>Where a path leads in the tree (a decision, a chance node or the end of the hand), the children of
    /// that node and how the path got there, without working out any strategy.</summary>
    /// <exception cref="SolvePathException">The path leaves the tree.</exception>
    public TreeNode Node(IReadOnlyList<int> path) => SolutionPaths.Node(_game, path);

    /// <summary>
    /// Reads a path written as text: steps joined by <c>.</c> from the root, an action index at a decision
    /// (<c>0</c>, <c>1</c>) and the card dealt at a chance node (<c>Qs</c>); empty or null is the root.
    /// </summary>
    /// <exception cref="SolvePathException">A step does not fit the node it is taken at; the message names the step.</exception>
    public IReadOnlyList<int> ParsePath(string? text) => SolutionPaths.Parse(_game, text);

    /// <summary>Writes a path as <see cref="ParsePath"/> reads it (<c>0.0.Qs.1</c>).</summary>
    /// <exception cref="SolvePathException">The path leaves the tree.</exception>
    public string FormatPath(IReadOnlyList<int> path) => SolutionPaths.Format(_game, path);

    /// <summary>
    /// Writes the solution compactly (format <see cref="FormatVersion"/>): the spot and the average strategy of
    /// every decision, 16-bit per hand and action, compressed. <see cref="Read"/> gives back a result whose reports
    /// equal this one's within the quantisation (frequencies within 1e-5).
    /// </summary>
    public void Write(Stream stream) => SolutionFormat.Write(this, stream);

    /// <summary>Reads a solution written by <see cref="Write"/>: the tree is rebuilt from the stored spot and the
    /// stored strategies set, so reports, EVs and equities are worked out as for a live result.</summary>
    /// <param name="stream">The stored solution.</param>
    /// <param name="threads">Threads for the reports' tree walks (0: every core).</param>
    /// <exception cref="SolutionFormatException">The stream is not a solution, is of another format version, is
    /// truncated or corrupt.</exception>
    public static SolveResult Read(Stream stream, int threads = 0) => SolutionFormat.Read(stream, threads);

    /// <summary>The decision reached by a path, with each player's reach there (for tests).</summary>
    internal (ActionNode Node, float[][] Reach) Find(IReadOnlyList<int> path) => NodeReporter.Find(_game.SolverGame, path);

    internal PostflopGame Game => _game;

    internal DcfrSolver Solver => _solver;
}

/// <summary>A decision in a solved spot: the strategy overall, per hand and per hand category, with EVs and
/// equities. EVs are the chips the player expects to win from the pot from here on (what it already put in is
/// not subtracted).</summary>
/// <param name="Path">The path to the node (see <see cref="SolveResult.Report"/>).</param>
/// <param name="Player"><c>oop</c> or <c>ip</c>.</param>
/// <param name="Board">The board at this decision.</param>
/// <param name="Pot">Chips in the middle.</param>
/// <param name="Combos">Weighted combos of the acting player that reach this node.</param>
/// <param name="Ev">The acting player's mean EV here.</param>
/// <param name="Equity">The acting player's mean equity here (0–100) against the opponent's range here.</param>
/// <param name="Actions">Each action with its overall frequency (0–1) and mean EV.</param>
/// <param name="Categories">Frequencies, EV and equity by made-hand class (HandClassifier), strongest first.</param>
/// <param name="Hands">Every hand that reaches the node.</param>
public sealed record NodeReport(IReadOnlyList<int> Path, string Player, string Board, double Pot, double Combos, double Ev, double Equity,
    IReadOnlyList<ActionReport> Actions, IReadOnlyList<CategoryReport> Categories, IReadOnlyList<HandReport> Hands);

/// <summary>One action of a decision.</summary>
/// <param name="Action">Label: <c>check</c>, <c>bet 33</c>, <c>raise to 150</c>, <c>all-in 400</c>, <c>call</c>, <c>fold</c>.</param>
/// <param name="Amount">Chips: a bet's size, a raise's street total, a call's cost.</param>
/// <param name="Frequency">Share of the range (weighted by reach) taking it, 0–1.</param>
/// <param name="Ev">Mean EV of the hands when taking it.</param>
public sealed record ActionReport(string Action, double Amount, double Frequency, double Ev);

/// <summary>A hand category's play at a decision.</summary>
/// <param name="Name">Machine name (<c>topTwo</c>, <c>noMadeHand</c>).</param>
/// <param name="Label">Display label.</param>
/// <param name="Combos">Weighted combos reaching the node.</param>
/// <param name="Frequencies">Per action, 0–1.</param>
/// <param name="Ev">Mean EV.</param>
/// <param name="Equity">Mean equity, 0–100.</param>
public sealed record CategoryReport(string Name, string Label, double Combos, IReadOnlyList<double> Frequencies, double Ev, double Equity);

/// <summary>One hand at a decision.</summary>
/// <param name="Hand">Its cards.</param>
/// <param name="Weight">Its reach here (prior weight × the player's own action probabilities so far).</param>
/// <param name="Frequencies">Per action, 0–1 (sum to 1).</param>
/// <param name="Ev">EV of the hand.</param>
/// <param name="ActionEvs">EV of each action for the hand.</param>
/// <param name="Equity">Equity against the opponent's range here, 0–100.</param>
public sealed record HandReport(string Hand, double Weight, IReadOnlyList<double> Frequencies, double Ev, IReadOnlyList<double> ActionEvs, double Equity);

/// <summary>Works out node reports from the average strategies.</summary>
internal static class NodeReporter
{
    public static (ActionNode Node, float[][] Reach) Find(SolverGame g, IReadOnlyList<int> path)
    {
        var nodes = SolutionPaths.Walk(g, path);
        if (nodes[^1] is not ActionNode found)
        {
            throw SolutionPaths.NotADecision(nodes[^1]);
        }
        float[][] reach = [[.. g.Weights[0]], [.. g.Weights[1]]];
        for (var i = 0; i < path.Count; i++)
        {
            var step = path[i];
            switch (nodes[i])
            {
                case ActionNode a:
                    var n = g.HandCount(a.Player);
                    var strategy = new float[a.Actions.Length * n];
                    DcfrSolver.Strategy(a, average: true, n, strategy);
                    VectorMath.Multiply(reach[a.Player], strategy.AsSpan(step * n, n), reach[a.Player]);
                    break;
                case ChanceNode:
                    for (var p = 0; p < 2; p++)
                    {
                        foreach (var h in g.HandsWithCard[p][step])
                        {
                            reach[p][h] = 0;
                        }
                    }
                    break;
            }
        }
        return (found, reach);
    }

    public static NodeReport Report(PostflopGame game, DcfrSolver solver, IReadOnlyList<int> path)
    {
        var g = game.SolverGame;
        var (node, reach) = Find(g, path);
        var p = node.Player;
        var opp = 1 - p;
        var n = g.HandCount(p);
        var actions = node.Actions.Length;
        var strategy = new float[actions * n];
        DcfrSolver.Strategy(node, average: true, n, strategy);

        var compatible = new float[n];
        Terminals.Fold(g, p, reach[opp], compatible, 1, new double[g.Removal.IdCount]);
        var offset = g.StartingPot / 2 + node.Invested;
        var actionEv = new double[actions][];
        for (var a = 0; a < actions; a++)
        {
            var cfv = new float[n];
            solver.Walk(node.Children[a], WalkMode.Average, p, reach[p], reach[opp], cfv, CancellationToken.None);
            actionEv[a] = new double[n];
            for (var h = 0; h < n; h++)
            {
                actionEv[a][h] = compatible[h] > 0 ? cfv[h] / (double)compatible[h] + offset : 0;
            }
        }
        var equity = Equities(game, node.Board, p, reach[opp]);

        // The spot's board as written, then the cards dealt since.
        Card[] boardCards = [.. game.Board, .. Card.FromMask(node.Board & ~Card.ToMask(game.Board))];
        var classifier = HandClassifier.ForBoard(boardCards);
        var byClass = new Dictionary<MadeHandClass, Accumulator>();
        var total = new Accumulator(actions);
        var hands = new List<HandReport>();
        for (var h = 0; h < n; h++)
        {
            var r = reach[p][h];
            if (r <= 0 || compatible[h] <= 0)
            {
                continue;
            }
            var frequencies = new double[actions];
            var evs = new double[actions];
            var ev = 0.0;
            for (var a = 0; a < actions; a++)
            {
                frequencies[a] = strategy[a * n + h];
                evs[a] = actionEv[a][h];
                ev += frequencies[a] * evs[a];
            }
            var cards = game.Cards[p][h];
            hands.Add(new HandReport(Card.Format(cards), r, frequencies, ev, evs, equity[h] * 100));
            // A hand's share of the node: its reach times the opponent reach it can meet.
            var weight = (double)r * compatible[h];
            total.Add(r, weight, frequencies, evs, ev, equity[h]);
            var made = classifier.Classify(cards).Made;
            if (!byClass.TryGetValue(made, out var acc))
            {
                byClass[made] = acc = new Accumulator(actions);
            }
            acc.Add(r, weight, frequencies, evs, ev, equity[h]);
        }
        var actionReports = node.Actions.Select((action, a) =>
            new ActionReport(action.Label, action.Amount, total.Frequency(a), total.ActionEv(a))).ToArray();
        var categories = HandCategories.MadeClasses.Where(byClass.ContainsKey).Select(made =>
        {
            var acc = byClass[made];
            return new CategoryReport(HandCategories.Name(made), HandCategories.Label(made), acc.Combos,
                [.. Enumerable.Range(0, actions).Select(acc.Frequency)], acc.Ev, acc.Equity * 100);
        }).ToArray();
        return new NodeReport([.. path], SolutionPaths.PlayerName(p), Card.Format(boardCards), node.Pot, total.Combos, total.Ev, total.Equity * 100,
            actionReports, categories, hands);
    }

    /// <summary>
    /// Each hand's equity (0–1, ties count half) against the opponent's reach, over every runout of the board:
    /// Σ (W + T/2) / Σ C over final boards, with the card-removal sweep of the showdowns.
    /// </summary>
    public static double[] Equities(PostflopGame game, ulong board, int p, float[] oppReach)
    {
        var g = game.SolverGame;
        var n = g.HandCount(p);
        var won = new double[n];
        var met = new double[n];
        var sums = new double[g.Removal.IdCount];
        var theirs = new float[g.HandCount(1 - p)];
        foreach (var final in Runouts(board))
        {
            var table = game.BoardFor(final);
            oppReach.AsSpan(0, theirs.Length).CopyTo(theirs);
            for (var m = final & ~board; m != 0; m &= m - 1)
            {
                foreach (var h in g.HandsWithCard[1 - p][BitOperations.TrailingZeroCount(m)])
                {
                    theirs[h] = 0;
                }
            }
            var (win, winOrTie, compatible, length) = Terminals.Sweep(g.Removal, table, p, theirs, sums);
            var order = table.Order[p];
            for (var i = 0; i < length; i++)
            {
                won[order[i]] += (win[i] + winOrTie[i]) / 2;
                met[order[i]] += compatible[i];
            }
            System.Buffers.ArrayPool<double>.Shared.Return(win);
            System.Buffers.ArrayPool<double>.Shared.Return(winOrTie);
            System.Buffers.ArrayPool<double>.Shared.Return(compatible);
        }
        for (var h = 0; h < n; h++)
        {
            won[h] = met[h] > 0 ? won[h] / met[h] : 0;
        }
        return won;
    }

    private static IEnumerable<ulong> Runouts(ulong board)
    {
        var missing = 5 - BitOperations.PopCount(board);
        if (missing == 0)
        {
            yield return board;
            yield break;
        }
        for (var a = 0; a < 52; a++)
        {
            if ((board >> a & 1) != 0)
            {
                continue;
            }
            if (missing == 1)
            {
                yield return board | 1UL << a;
                continue;
            }
            for (var b = a + 1; b < 52; b++)
            {
                if ((board >> b & 1) == 0)
                {
                    yield return board | 1UL << a | 1UL << b;
                }
            }
        }
    }

    private sealed class Accumulator(int actions)
    {
        private readonly double[] _frequency = new double[actions];
        private readonly double[] _actionEv = new double[actions];
        private double _weight;
        private double _ev;
        private double _equity;

        public double Combos { get; private set; }

        public void Add(double reach, double weight, double[] frequencies, double[] evs, double ev, double equity)
        {
            Combos += reach;
            _weight += weight;
            _ev += weight * ev;
            _equity += weight * equity;
            for (var a = 0; a < frequencies.Length; a++)
            {
                _frequency[a] += weight * frequencies[a];
                _actionEv[a] += weight * frequencies[a] * evs[a];
            }
        }

        public double Frequency(int a) => _weight > 0 ? _frequency[a] / _weight : 0;

        public double ActionEv(int a) => _frequency[a] > 0 ? _actionEv[a] / _frequency[a] : 0;

        public double Ev => _weight > 0 ? _ev / _weight : 0;

        public double Equity => _weight > 0 ? _equity / _weight : 0;
    }
}
