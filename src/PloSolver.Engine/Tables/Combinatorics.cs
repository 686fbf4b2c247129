using System.Runtime.CompilerServices;

namespace PloSolver.Engine;

/// <summary>Binomial coefficients and the colex index of rank multisets, shared by every table.</summary>
internal static class Combinatorics
{
    /// <summary>Distinct multisets of 5 ranks out of 13 with at most 4 of a rank, plus the 13 impossible
    /// five-of-a-kinds that the colex index also numbers: C(17, 5).</summary>
    public const int RankPatterns5 = 6188;

    /// <summary>Multisets of 2 ranks: the 91 rank pairs a pair of hole cards can have.</summary>
    public const int RankPairs = 91;

    private const int BinomialRows = 64;
    private static readonly long[] Binomials = BuildBinomials(BinomialRows);

    /// <summary>C(n, k), 0 when k is out of range.</summary>
    public static long Choose(int n, int k) => k < 0 || k > n || n < 0 ? 0 : Binomials[n * BinomialRows + k];

    /// <summary>Colex index of a sorted (ascending) rank multiset of size 5, in [0, 6188).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PatternIndex(int r0, int r1, int r2, int r3, int r4) =>
        r0 + Tri[r1 + 1] + Tet[r2 + 2] + Pent4[r3 + 3] + Pent5[r4 + 4];

    /// <summary>The bits of <paramref name="bits"/> at the positions set in <paramref name="mask"/>, packed together
    /// (the x86 PEXT instruction, with a portable fallback).</summary>
    public static int CompressBits(int bits, int mask) => System.Runtime.Intrinsics.X86.Bmi2.IsSupported
        ? (int)System.Runtime.Intrinsics.X86.Bmi2.ParallelBitExtract((uint)bits, (uint)mask)
        : CompressBitsPortable(bits, mask);

    internal static int CompressBitsPortable(int bits, int mask)
    {
        var result = 0;
        var position = 0;
        for (var m = mask; m != 0; m &= m - 1, position++)
        {
            result |= (bits & m & -m) != 0 ? 1 << position : 0;
        }
        return result;
    }

    /// <summary>Every subset of <paramref name="size"/> bits of <paramref name="set"/> (cards of a card mask, ranks of
    /// a rank mask), as masks: the one way the engine enumerates combinations.</summary>
    public static IEnumerable<ulong> SubsetsOfSize(ulong set, int size)
    {
        var positions = new int[System.Numerics.BitOperations.PopCount(set)];
        var n = 0;
        for (var m = set; m != 0; m &= m - 1)
        {
            positions[n++] = System.Numerics.BitOperations.TrailingZeroCount(m);
        }
        if (size > n || size < 0)
        {
            yield break;
        }
        var chosen = new int[size];
        for (var i = 0; i < size; i++)
        {
            chosen[i] = i;
        }
        while (true)
        {
            var subset = 0UL;
            foreach (var i in chosen)
            {
                subset |= 1UL << positions[i];
            }
            yield return subset;
            var pos = size - 1;
            while (pos >= 0 && chosen[pos] == n - size + pos)
            {
                pos--;
            }
            if (pos < 0)
            {
                yield break;
            }
            chosen[pos]++;
            for (var i = pos + 1; i < size; i++)
            {
                chosen[i] = chosen[i - 1] + 1;
            }
        }
    }

    /// <summary>Colex index of a rank pair a &lt;= b, in [0, 91).</summary>
    public static int PairIndex(int a, int b) => a + Tri[b + 1];

    /// <summary>Colex index of the multiset of ranks in <paramref name="ranks"/> (5 values, any order).</summary>
    public static int PatternIndex(ReadOnlySpan<int> ranks) => UnsortedPatternIndex(ranks[0], ranks[1], ranks[2], ranks[3], ranks[4]);

    /// <summary>Colex index of five ranks packed 4 bits each, in any order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PackedPatternIndex(int packed) =>
        UnsortedPatternIndex(packed & 15, (packed >> 4) & 15, (packed >> 8) & 15, (packed >> 12) & 15, (packed >> 16) & 15);

    /// <summary>Colex index of five ranks in any order: sorts them with the optimal 9-comparator network.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int UnsortedPatternIndex(int r0, int r1, int r2, int r3, int r4)
    {
        // Branch-free compare-exchanges: random ranks would mispredict a branch half the time, and the JIT does not
        // reliably turn Math.Min/Max into conditional moves.
        Exchange(ref r0, ref r1);
        Exchange(ref r3, ref r4);
        Exchange(ref r2, ref r4);
        Exchange(ref r2, ref r3);
        Exchange(ref r1, ref r4);
        Exchange(ref r0, ref r3);
        Exchange(ref r0, ref r2);
        Exchange(ref r1, ref r3);
        Exchange(ref r1, ref r2);
        return PatternIndex(r0, r1, r2, r3, r4);
    }

    /// <summary>Puts the smaller of two ranks in <paramref name="a"/>, without a branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Exchange(ref int a, ref int b)
    {
        var difference = b - a;
        var swap = difference & (difference >> 31); // b - a when b < a, else 0
        a += swap;
        b -= swap;
    }

    // C(n, 2), C(n, 3), C(n, 4), C(n, 5) for n = 0..17: the colex weights of the 2nd..5th smallest rank, as
    // constant data (no static initialisation to check on the hot path). A test checks them against Choose.
    internal static ReadOnlySpan<int> Tri => [0, 0, 1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 66, 78, 91, 105, 120, 136];
    internal static ReadOnlySpan<int> Tet => [0, 0, 0, 1, 4, 10, 20, 35, 56, 84, 120, 165, 220, 286, 364, 455, 560, 680];
    internal static ReadOnlySpan<int> Pent4 => [0, 0, 0, 0, 1, 5, 15, 35, 70, 126, 210, 330, 495, 715, 1001, 1365, 1820, 2380];
    internal static ReadOnlySpan<int> Pent5 => [0, 0, 0, 0, 0, 1, 6, 21, 56, 126, 252, 462, 792, 1287, 2002, 3003, 4368, 6188];

    private static long[] BuildBinomials(int size)
    {
        var table = new long[size * size];
        for (var n = 0; n < size; n++)
        {
            table[n * size] = 1;
            for (var k = 1; k <= n; k++)
            {
                table[n * size + k] = table[(n - 1) * size + k - 1] + (k <= n - 1 ? table[(n - 1) * size + k] : 0);
            }
        }
        return table;
    }
}
