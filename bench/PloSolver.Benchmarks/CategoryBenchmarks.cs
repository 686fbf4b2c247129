using BenchmarkDotNet.Attributes;
using PloSolver.Engine;

namespace PloSolver.Benchmarks;

/// <summary>
/// A range breakdown's inner loop on one core: <see cref="HandClassifier.ForBoard"/> once, then 300,000 random
/// hands off the board classified (divide the mean by that for the time per hand).
/// </summary>
public class CategoryBenchmarks
{
    public const int Hands = 300_000;

    private Card[] _board = [];
    private Card[] _holes = [];
    private int _holeCards;

    [Params(Game.Plo4, Game.Plo6)]
    public Game Game { get; set; }

    [Params(3, 4, 5)]
    public int BoardCards { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _holeCards = Game.HoleCards();
        _board = CardParser.Parse("Ts9h4s2dKc")[..BoardCards];
        var random = new Random(7);
        var deck = Enumerable.Range(0, Card.DeckSize).Select(i => new Card(i))
            .Where(c => !_board.Contains(c)).ToArray();
        _holes = new Card[Hands * _holeCards];
        for (var h = 0; h < Hands; h++)
        {
            random.Shuffle(deck);
            deck.AsSpan(0, _holeCards).CopyTo(_holes.AsSpan(h * _holeCards));
        }
    }

    [Benchmark(OperationsPerInvoke = Hands)]
    public long ClassifyRange()
    {
        var classifier = HandClassifier.ForBoard(_board);
        var checksum = 0L;
        for (var h = 0; h < Hands; h++)
        {
            var hand = classifier.Classify(_holes.AsSpan(h * _holeCards, _holeCards));
            checksum += (int)hand.Made + (int)hand.Draws + hand.StraightOuts + (hand.IsNuts ? 1 : 0);
        }
        return checksum;
    }
}
