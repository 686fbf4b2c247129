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

    private static readonly long[,] Binomials = BuildBinomials(64);

    /// <summary>C(n, k), 0 when k is out of range.</summary>
    public static long Choose(int n, int k) => k < 0 || k > n || n < 0 ? 0 : Binomials[n, k];

    /// <summary>Colex index of a sorted (ascending) rank multiset of size 5, in [0, 6188).</summary>
    public static int PatternIndex(int r0, int r1, int r2, int r3, int r4) =>
        r0 + Tri[r1 + 1] + Tet[r2 + 2] + Pent4[r3 + 3] + Pent5[r4 + 4];

    /// <summary>Colex index of a rank pair a &lt;= b, in [0, 91).</summary>
    public static int PairIndex(int a, int b) => a + Tri[b + 1];

    /// <summary>Colex index of the multiset of ranks in <paramref name="ranks"/> (5 values, any order).</summary>
    public static int PatternIndex(ReadOnlySpan<int> ranks) => UnsortedPatternIndex(ranks[0], ranks[1], ranks[2], ranks[3], ranks[4]);

    /// <summary>Colex index of five ranks in any order: sorts them with the optimal 9-comparator network.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int UnsortedPatternIndex(int r0, int r1, int r2, int r3, int r4)
    {
        Order(ref r0, ref r1);
        Order(ref r3, ref r4);
        Order(ref r2, ref r4);
        Order(ref r2, ref r3);
        Order(ref r1, ref r4);
        Order(ref r0, ref r3);
        Order(ref r0, ref r2);
        Order(ref r1, ref r3);
        Order(ref r1, ref r2);
        return PatternIndex(r0, r1, r2, r3, r4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Order(ref int a, ref int b)
    {
        var min = Math.Min(a, b);
        b = Math.Max(a, b);
        a = min;
    }

    // C(n,2), C(n,3), C(n,4), C(n,5) for n < 17: the colex weights of the 2nd..5th smallest element.
    internal static readonly int[] Tri = BuildColumn(2);
    internal static readonly int[] Tet = BuildColumn(3);
    internal static readonly int[] Pent4 = BuildColumn(4);
    internal static readonly int[] Pent5 = BuildColumn(5);

    private static int[] BuildColumn(int k)
    {
        var column = new int[18];
        for (var n = 0; n < column.Length; n++)
        {
            column[n] = (int)Choose(n, k);
        }
        return column;
    }

    private static long[,] BuildBinomials(int size)
    {
        var table = new long[size, size];
        for (var n = 0; n < size; n++)
        {
            table[n, 0] = 1;
            for (var k = 1; k <= n; k++)
            {
                table[n, k] = table[n - 1, k - 1] + (k <= n - 1 ? table[n - 1, k] : 0);
            }
        }
        return table;
    }
}
