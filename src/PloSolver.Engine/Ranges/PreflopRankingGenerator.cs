using System.Diagnostics;

namespace PloSolver.Engine;

/// <summary>
/// Builds the preflop ranking resource: for every suit-isomorphism class of a game (in ascending key order), the
/// equity of one of its hands against one random hand, by the engine's Monte Carlo sampler with a fixed seed per
/// class. Run by scripts/generate-tables.sh; the result depends only on the trial count.
/// </summary>
internal static class PreflopRankingGenerator
{
    /// <summary>Trials per class used for the shipped resources: a standard error of about 0.16 points (PLO4)
    /// and 0.5 points (PLO5) per hand, far below the gaps that matter when a range takes the top N%.</summary>
    public static long TrialsFor(Game game) => game switch
    {
        Game.Plo4 => 100_000,
        Game.Plo5 => 10_000,
        _ => 5_000,
    };

    /// <summary>The equity of every class (or of the listed classes only; the others stay 0).</summary>
    public static ushort[] Generate(Game game, long trialsPerClass, int threads, IReadOnlyList<int>? classes = null,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var (_, representatives, _) = PreflopRanking.Classes(game);
        var equities = new ushort[representatives.Length];
        var holeCards = game.HoleCards();
        var parallel = new ParallelWork(threads, cancellationToken);
        var empty = new[] { Array.Empty<Card>() };
        classes ??= Enumerable.Range(0, representatives.Length).ToArray();
        for (var done = 0; done < classes.Count; done++)
        {
            var c = classes[done];
            var hand = Card.FromMask(representatives[c]);
            HandSource[] players = [new HandSource(hand), HandSource.AnyHand(holeCards, 0)];
            var limits = new MonteCarloLimits(trialsPerClass, null, null, (ulong)c);
            var totals = MonteCarloSampler.RunRanges(players, holeCards, empty, 0, false, limits, parallel, null, Stopwatch.StartNew());
            var fraction = (double)totals.Share[0] / (totals.Trials * totals.PotUnits);
            equities[c] = (ushort)Math.Round(fraction * ushort.MaxValue);
            if (done % 1000 == 999)
            {
                progress?.Report(done + 1);
            }
        }
        return equities;
    }
}
