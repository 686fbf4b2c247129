using BenchmarkDotNet.Attributes;
using PloSolver.Engine;

namespace PloSolver.Benchmarks;

/// <summary>
/// Random (hole, board) Omaha evaluations with no per-hand preparation, one core: each operation evaluates
/// 65,536 pre-dealt random deals (divide the mean by that for the time per evaluation).
/// </summary>
public class EvaluatorBenchmarks
{
    public const int Deals = 1 << 16;

    private Card[] _cards = [];
    private int _holes;

    [Params(Game.Plo4, Game.Plo5, Game.Plo6)]
    public Game Game { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _holes = Game.HoleCards();
        _cards = RandomDeals(_holes, Deals, 42);
    }

    [Benchmark(OperationsPerInvoke = Deals)]
    public long OmahaHighRandomDeals()
    {
        var checksum = 0L;
        var size = _holes + 5;
        for (var d = 0; d < Deals; d++)
        {
            var deal = _cards.AsSpan(d * size, size);
            checksum += HandEvaluator.OmahaHigh(deal[.._holes], deal[_holes..]).Value;
        }
        return checksum;
    }

    internal static Card[] RandomDeals(int holes, int deals, int seed)
    {
        var random = new Random(seed);
        var deck = Enumerable.Range(0, Card.DeckSize).Select(i => new Card(i)).ToArray();
        var cards = new Card[deals * (holes + 5)];
        for (var d = 0; d < deals; d++)
        {
            random.Shuffle(deck);
            deck.AsSpan(0, holes + 5).CopyTo(cards.AsSpan(d * (holes + 5)));
        }
        return cards;
    }
}
