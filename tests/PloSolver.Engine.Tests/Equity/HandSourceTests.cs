namespace PloSolver.Engine.Tests.Equity;

/// <summary>Drawing hands from ranges by weight: the alias table (ranges up to four million hands) and the
/// bit-set walk (larger ranges) must both draw each hand in proportion to its weight.</summary>
public sealed class HandSourceTests
{
    private static double Fraction(HandSource source, Func<ulong, bool> test, int draws, int seed)
    {
        var random = new Random(seed);
        var hits = 0;
        for (var i = 0; i < draws; i++)
        {
            hits += test(source.Draw((ulong)random.NextInt64() ^ (ulong)random.NextInt64() << 1)) ? 1 : 0;
        }
        return (double)hits / draws;
    }

    private static void AssertNear(double expected, double actual, int draws) =>
        Assert.True(Math.Abs(expected - actual) <= 4 * Math.Sqrt(expected * (1 - expected) / draws),
            $"drew {actual}, expected {expected}");

    [Fact]
    public void The_alias_table_draws_by_weight()
    {
        // AA@25 against KK at full weight: aces-without-kings hands weigh a quarter.
        var range = RangeParser.Parse("AA@25,KK", Game.Plo4);
        var source = new HandSource(range);
        var aces = 0.0;
        var total = 0.0;
        foreach (var (hand, weight) in range.Hands())
        {
            total += weight;
            aces += hand.Count(c => c.Rank == 12) >= 2 ? weight : 0;
        }
        const int draws = 200_000;
        AssertNear(aces / total, Fraction(source, mask => Card.FromMask(mask).Count(c => c.Rank == 12) >= 2, draws, 1), draws);
    }

    [Fact]
    public void The_bit_set_walk_draws_uniformly_from_a_large_range()
    {
        // Every PLO6 hand (20,358,520: too many for an alias table): each card is in 6/52 of them.
        var source = new HandSource(RangeParser.Parse("*", Game.Plo6));
        const int draws = 200_000;
        var aceOfSpades = new Card(12, 3).Mask;
        AssertNear(6.0 / 52, Fraction(source, mask => (mask & aceOfSpades) != 0, draws, 2), draws);
        Assert.Equal(6, System.Numerics.BitOperations.PopCount(source.Draw(12345)));
    }

    [Fact]
    public void The_bit_set_walk_respects_weights()
    {
        var range = RangeParser.Parse("AA@50,*", Game.Plo6);
        var source = new HandSource(range);
        var aces = RangeParser.Parse("AA", Game.Plo6).Combos;
        var expected = 0.5 * aces / (0.5 * aces + (range.Combos - aces));
        const int draws = 200_000;
        AssertNear(expected, Fraction(source, mask => Card.FromMask(mask).Count(c => c.Rank == 12) >= 2, draws, 3), draws);
    }
}
