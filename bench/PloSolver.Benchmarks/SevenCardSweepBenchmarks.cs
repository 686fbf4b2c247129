using BenchmarkDotNet.Attributes;
using PloSolver.Engine;

namespace PloSolver.Benchmarks;

/// <summary>
/// Evaluates all 133,784,560 seven-card hands and checks the count in every category against the published
/// totals: the exhaustive seven-card check, too slow for the test suite, kept here and timed.
/// </summary>
public class SevenCardSweepBenchmarks
{
    // Hands per category, high card first (the standard seven-card distribution).
    private static readonly long[] Expected =
        [23_294_460, 58_627_800, 31_433_400, 6_461_620, 6_180_020, 4_047_644, 3_473_184, 224_848, 41_584];

    [Benchmark(OperationsPerInvoke = 133_784_560)]
    public long AllSevenCardHands()
    {
        var counts = new long[9];
        Span<Card> hand = stackalloc Card[7];
        for (var a = 0; a < 52; a++)
        {
            hand[0] = new Card(a);
            for (var b = a + 1; b < 52; b++)
            {
                hand[1] = new Card(b);
                for (var c = b + 1; c < 52; c++)
                {
                    hand[2] = new Card(c);
                    for (var d = c + 1; d < 52; d++)
                    {
                        hand[3] = new Card(d);
                        for (var e = d + 1; e < 52; e++)
                        {
                            hand[4] = new Card(e);
                            for (var f = e + 1; f < 52; f++)
                            {
                                hand[5] = new Card(f);
                                for (var g = f + 1; g < 52; g++)
                                {
                                    hand[6] = new Card(g);
                                    counts[(int)HandEvaluator.High(hand).Category]++;
                                }
                            }
                        }
                    }
                }
            }
        }
        for (var category = 0; category < counts.Length; category++)
        {
            if (counts[category] != Expected[category])
            {
                throw new InvalidOperationException($"{(HandCategory)category}: {counts[category]} hands, expected {Expected[category]}");
            }
        }
        return counts.Sum();
    }
}
