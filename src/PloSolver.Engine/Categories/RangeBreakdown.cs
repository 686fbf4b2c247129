namespace PloSolver.Engine;

/// <summary>One bucket of a range's breakdown on a board.</summary>
/// <param name="Name">Stable machine name (<c>topTwo</c>, <c>wrap</c>, <c>nuts</c>).</param>
/// <param name="Label">Player-facing label.</param>
/// <param name="Kind"><c>made</c> (each hand in exactly one), <c>draw</c> or <c>flag</c> (overlapping).</param>
/// <param name="Combos">Hands in the bucket, weighted (a hand at weight 50 counts one half).</param>
/// <param name="Percent">Share of the range's weighted hands, 0–100.</param>
/// <param name="Equity">The bucket's equity against the other players (0–100), when equity was asked for.</param>
/// <param name="StdErr">Standard error of <paramref name="Equity"/> in percentage points (Monte Carlo only).</param>
public sealed record CategoryShare(string Name, string Label, string Kind, double Combos, double Percent, double? Equity = null, double? StdErr = null);

/// <summary>One point of a range's equity distribution: the hands at <paramref name="Percentile"/> of the range
/// (0 = its strongest, by weight) have <paramref name="Equity"/> against the other players.</summary>
public sealed record EquityPoint(double Percentile, double Equity);

/// <summary>A range's breakdown by hand category, with equities against the other players.</summary>
/// <param name="Player">The player whose range is broken down (0-based).</param>
/// <param name="Categories">Buckets with hands, in display order: made classes, draws, flags.</param>
/// <param name="Distribution">The sorted equity curve: a sample of the range's hands, strongest first.</param>
/// <param name="Exact">Whether every equity was computed exactly.</param>
public sealed record RangeBreakdownResult(int Player, IReadOnlyList<CategoryShare> Categories, IReadOnlyList<EquityPoint> Distribution, bool Exact);

/// <summary>
/// Splits a range into the hand categories of <see cref="HandClassifier"/> on a flop, turn or river, and (for a
/// range in an equity problem) computes each bucket's equity and the range's equity distribution with the same
/// <see cref="EquityCalculator"/> as everything else: a bucket is asked as a sub-range against the same opponents,
/// a distribution point as one hand of the range against them.
/// </summary>
public static class RangeBreakdown
{
    /// <summary>Hands sampled for the distribution curve (all of them in smaller ranges).</summary>
    public const int DistributionPoints = 200;

    /// <summary>Monte Carlo trials per bucket when its equity is not computed exactly and the problem sets no
    /// trial count (about ±0.1 points); a distribution point gets a tenth of a bucket's trials.</summary>
    public const long BucketTrials = 200_000;

    // Exact hand-vs-range work allowed for one distribution point before it is sampled instead.
    private const double PointExactBudget = 2_000_000;

    private sealed record Bucket(string Name, string Label, string Kind, Func<HandClass, bool> Holds);

    private static readonly Bucket[] Buckets =
    [
        .. HandCategories.MadeClasses.Select(m => new Bucket(HandCategories.Name(m), HandCategories.Label(m), "made", c => c.Made == m)),
        .. HandCategories.DrawKinds.Select(d => new Bucket(HandCategories.Name(d), HandCategories.Label(d), "draw", c => c.Has(d))),
        new("nuts", "The nuts", "flag", c => c.IsNuts),
        new("blocksNuts", "Blocks the nuts", "flag", c => c.BlocksNuts),
    ];

    /// <summary>How a range's hands split into categories on a board of 3 to 5 cards (buckets without hands are
    /// left out).</summary>
    public static IReadOnlyList<CategoryShare> Count(HandRange range, IReadOnlyList<Card> board)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(board);
        var (weights, total, _) = Classify(range, board);
        return [.. Shares(weights, total, null)];
    }

    /// <summary>
    /// Breaks down one player's range in an equity problem with one board of 3 to 5 cards: each bucket's share
    /// and equity against the other players, and the range's equity distribution.
    /// </summary>
    /// <exception cref="ArgumentException">The player holds no range, or the board is not a flop, turn or river.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static RangeBreakdownResult Calculate(EquityProblem problem, int player, EquityLimits? limits = null,
        IProgress<EquityProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (player < 0 || player >= problem.Inputs.Count || problem.Ranges[player] is not { } range)
        {
            throw new ArgumentException($"player {player} holds no range", nameof(player));
        }
        if (problem.Boards.Count != 1)
        {
            throw new ArgumentException("a breakdown takes one board", nameof(problem));
        }
        limits ??= new EquityLimits();
        var (weights, total, members) = Classify(range, problem.Boards[0]);
        var present = Enumerable.Range(0, Buckets.Length).Where(b => weights[b] > 0).ToArray();
        var hands = range.Flat;
        var sample = DistributionSample(hands);
        var steps = present.Length + sample.Length;
        var done = 0;
        var exact = true;

        EquityResult? TryAsk(EquityProblem question, EquityLimits questionLimits)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var result = EquityCalculator.Calculate(question, questionLimits, null, cancellationToken);
                exact &= result.Exact;
                return result;
            }
            catch (EquityLimitException e) when (e.Field == "players")
            {
                return null;
            }
            finally
            {
                progress?.Report(new EquityProgress((double)++done / steps, done));
            }
        }

        // A bucket (or hand) whose hands can never be dealt beside the opponents' has no equity to report.
        var bucketTrials = problem.Trials ?? BucketTrials;
        var mode = problem.Mode == EquityMode.Exact ? EquityMode.Auto : problem.Mode;
        var equities = new (double Equity, double? StdErr)?[Buckets.Length];
        foreach (var b in present)
        {
            var sub = new HandRange(range.Game, members[b], range.Weights);
            var question = problem.WithPlayer(player, [], sub, Buckets[b].Name, mode, bucketTrials, problem.Seed + (ulong)b);
            if (TryAsk(question, limits) is { } answer)
            {
                equities[b] = (answer.Players[player].Equity, answer.Players[player].StdErr);
            }
        }

        var pointLimits = limits with { ExactRangeBudget = Math.Min(limits.ExactRangeBudget, PointExactBudget) };
        var points = new List<(double Equity, double Weight)>(sample.Length);
        foreach (var (i, weight) in sample)
        {
            var hand = hands.Cards.AsSpan(i * hands.HoleCards, hands.HoleCards).ToArray();
            var question = problem.WithPlayer(player, hand, null, Card.Format(hand), mode, Math.Max(1, bucketTrials / 10), problem.Seed + (ulong)i);
            if (TryAsk(question, pointLimits) is { } answer)
            {
                points.Add((answer.Players[player].Equity, weight));
            }
        }
        return new RangeBreakdownResult(player, [.. Shares(weights, total, equities)], Curve(points), exact);
    }

    // The weight of each bucket, the range's total weight, and each bucket's hands as a bit set.
    private static (double[] Weights, double Total, ulong[][] Members) Classify(HandRange range, IReadOnlyList<Card> board)
    {
        if (board.Count is < 3 or > 5)
        {
            throw new ArgumentException("hand categories need a flop, turn or river", nameof(board));
        }
        var classifier = HandClassifier.ForBoard(board.ToArray());
        var weights = new double[Buckets.Length];
        var members = new ulong[Buckets.Length][];
        for (var b = 0; b < members.Length; b++)
        {
            members[b] = new ulong[range.Bits.Length];
        }
        var total = 0.0;
        var holeCards = range.Game.HoleCards();
        Span<Card> hole = stackalloc Card[holeCards];
        var bits = range.Bits;
        for (var w = 0; w < bits.Length; w++)
        {
            for (var word = bits[w]; word != 0; word &= word - 1)
            {
                var index = w << 6 | System.Numerics.BitOperations.TrailingZeroCount(word);
                var mask = ComboIndex.Unrank(index, holeCards);
                var c = 0;
                for (var m = mask; m != 0; m &= m - 1)
                {
                    hole[c++] = new Card(System.Numerics.BitOperations.TrailingZeroCount(m));
                }
                var weight = (range.Weights?[index] ?? 100) / 100.0;
                total += weight;
                var category = classifier.Classify(hole);
                for (var b = 0; b < Buckets.Length; b++)
                {
                    if (Buckets[b].Holds(category))
                    {
                        weights[b] += weight;
                        members[b][w] |= 1UL << index;
                    }
                }
            }
        }
        return (weights, total, members);
    }

    private static IEnumerable<CategoryShare> Shares(double[] weights, double total, (double Equity, double? StdErr)?[]? equities)
    {
        for (var b = 0; b < Buckets.Length; b++)
        {
            if (weights[b] > 0)
            {
                var bucket = Buckets[b];
                yield return new CategoryShare(bucket.Name, bucket.Label, bucket.Kind, weights[b], 100 * weights[b] / total,
                    equities?[b]?.Equity, equities?[b]?.StdErr);
            }
        }
    }

    // Hands for the curve with the weight each stands for: all of a small range at their own weights, else one
    // hand per equal slice of the cumulative weight (deterministic), each standing for its slice.
    private static (int Index, double Weight)[] DistributionSample(PlayerHands hands)
    {
        if (hands.Count <= DistributionPoints)
        {
            return [.. Enumerable.Range(0, hands.Count).Select(i => (i, (double)hands.Weights[i]))];
        }
        var total = 0L;
        foreach (var weight in hands.Weights)
        {
            total += weight;
        }
        var sample = new List<(int, double)>(DistributionPoints);
        var step = (double)total / DistributionPoints;
        var next = step / 2;
        var running = 0L;
        for (var i = 0; i < hands.Count && sample.Count < DistributionPoints; i++)
        {
            running += hands.Weights[i];
            if (running > next)
            {
                sample.Add((i, 1.0));
                next += step;
            }
        }
        return [.. sample];
    }

    // Strongest first; each point sits at the middle of the weight it stands for.
    private static EquityPoint[] Curve(List<(double Equity, double Weight)> points)
    {
        points.Sort((a, b) => b.Equity.CompareTo(a.Equity));
        var total = points.Sum(p => p.Weight);
        var curve = new EquityPoint[points.Count];
        var before = 0.0;
        for (var i = 0; i < points.Count; i++)
        {
            curve[i] = new EquityPoint(100 * (before + points[i].Weight / 2) / total, points[i].Equity);
            before += points[i].Weight;
        }
        return curve;
    }
}
