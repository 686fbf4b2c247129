namespace PloSolver.Engine.Tests.Tables;

public sealed class CombinatoricsTests
{
    [Fact]
    public void Colex_weight_tables_are_the_binomial_coefficients()
    {
        for (var n = 0; n < 18; n++)
        {
            Assert.Equal(Combinatorics.Choose(n, 2), Combinatorics.Tri[n]);
            Assert.Equal(Combinatorics.Choose(n, 3), Combinatorics.Tet[n]);
            Assert.Equal(Combinatorics.Choose(n, 4), Combinatorics.Pent4[n]);
            Assert.Equal(Combinatorics.Choose(n, 5), Combinatorics.Pent5[n]);
        }
    }

    [Fact]
    public void Pattern_index_numbers_every_rank_multiset_once_in_any_order()
    {
        var seen = new HashSet<int>();
        for (var a = 0; a < 13; a++)
        {
            for (var b = a; b < 13; b++)
            {
                for (var c = b; c < 13; c++)
                {
                    for (var d = c; d < 13; d++)
                    {
                        for (var e = d; e < 13; e++)
                        {
                            var index = Combinatorics.PatternIndex(a, b, c, d, e);
                            Assert.InRange(index, 0, Combinatorics.RankPatterns5 - 1);
                            Assert.True(seen.Add(index));
                            // Every order of the same ranks gives the same index.
                            Assert.Equal(index, Combinatorics.UnsortedPatternIndex(e, c, a, d, b));
                            Assert.Equal(index, Combinatorics.UnsortedPatternIndex(d, e, b, a, c));
                            Assert.Equal(index, Combinatorics.PackedPatternIndex(c | e << 4 | b << 8 | a << 12 | d << 16));
                        }
                    }
                }
            }
        }
        Assert.Equal(Combinatorics.RankPatterns5, seen.Count);
    }

    [Fact]
    public void Bit_compression_packs_the_masked_bits_in_order()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var mask = random.Next(1 << 13);
            var bits = random.Next(1 << 13) & mask;
            var expected = 0;
            var position = 0;
            for (var bit = 0; bit < 13; bit++)
            {
                if ((mask >> bit & 1) != 0)
                {
                    expected |= (bits >> bit & 1) << position++;
                }
            }
            Assert.Equal(expected, Combinatorics.CompressBitsPortable(bits, mask));
            Assert.Equal(expected, Combinatorics.CompressBits(bits, mask));
        }
    }
}
