namespace PloSolver.Engine;

/// <summary>A multiset of ranks drawn from the undealt cards, and how many card sets have those ranks.</summary>
/// <param name="Ranks">Ranks, ascending, packed 4 bits each (first rank in the lowest bits).</param>
/// <param name="Size">Number of ranks.</param>
/// <param name="Weight">Product over ranks of C(available cards of that rank, times it is used).</param>
/// <param name="LowMask">Low bits of the ranks.</param>
internal readonly record struct RankMultiset(int Ranks, int Size, long Weight, int LowMask)
{
    public int Rank(int i) => (Ranks >> (4 * i)) & 15;

    /// <summary>Every multiset of <paramref name="size"/> ranks that the available cards per rank allow.</summary>
    public static RankMultiset[] Enumerate(int size, ReadOnlySpan<int> available)
    {
        var result = new List<RankMultiset>();
        Span<int> avail = stackalloc int[13];
        available.CopyTo(avail);
        Recurse(avail, 0, size, 0, 0, 1, 0, result);
        return [.. result];
    }

    private static void Recurse(ReadOnlySpan<int> avail, int rank, int left, int packed, int count, long weight, int low, List<RankMultiset> result)
    {
        if (left == 0)
        {
            result.Add(new RankMultiset(packed, count, weight, low));
            return;
        }
        if (rank == 13)
        {
            return;
        }
        for (var take = 0; take <= Math.Min(left, avail[rank]); take++)
        {
            var p = packed;
            for (var i = 0; i < take; i++)
            {
                p |= rank << (4 * (count + i));
            }
            Recurse(avail, rank + 1, left - take, p, count + take, weight * Combinatorics.Choose(avail[rank], take),
                take > 0 ? low | LowTables.LowBit(rank) : low, result);
        }
    }
}
