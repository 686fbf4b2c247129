namespace PloSolver.Engine;

/// <summary>A multiset of ranks drawn from the undealt cards, and how many card sets have those ranks.</summary>
/// <param name="Ranks">Ranks, ascending, packed 4 bits each (first rank in the lowest bits).</param>
/// <param name="Size">Number of ranks.</param>
/// <param name="Weight">Product over ranks of C(undealt cards of that rank, times it is used).</param>
/// <param name="LowMask">Low bits of the ranks.</param>
internal readonly record struct RankMultiset(int Ranks, int Size, long Weight, int LowMask)
{
    // Every multiset of each size 0..5 with at most four of a rank, built once; a request only weighs them.
    private static readonly RankMultiset[][] All = [.. Enumerable.Range(0, 6).Select(BuildAll)];

    public int Rank(int i) => (Ranks >> (4 * i)) & 15;

    /// <summary>Writes the distinct ranks (ascending) and how often each appears; returns how many.</summary>
    public int DistinctRanks(Span<int> ranks, Span<int> counts)
    {
        var distinct = 0;
        for (var i = 0; i < Size; i++)
        {
            var rank = Rank(i);
            if (distinct > 0 && ranks[distinct - 1] == rank)
            {
                counts[distinct - 1]++;
            }
            else
            {
                ranks[distinct] = rank;
                counts[distinct++] = 1;
            }
        }
        return distinct;
    }

    /// <summary>Every multiset of <paramref name="size"/> ranks with at most four of a rank, weight 1.</summary>
    public static RankMultiset[] AllOfSize(int size) => All[size];

    /// <summary>Every multiset of <paramref name="size"/> ranks that the undealt cards allow, with its weight.</summary>
    public static RankMultiset[] Enumerate(int size, ReadOnlySpan<int> available)
    {
        var all = All[size];
        var result = new List<RankMultiset>(all.Length);
        foreach (var set in all)
        {
            var weight = 1L;
            var i = 0;
            while (i < size && weight != 0)
            {
                var rank = set.Rank(i);
                var count = 1;
                while (i + count < size && set.Rank(i + count) == rank)
                {
                    count++;
                }
                i += count;
                weight *= Combinatorics.Choose(available[rank], count);
            }
            if (weight != 0)
            {
                result.Add(set with { Weight = weight });
            }
        }
        return [.. result];
    }

    private static RankMultiset[] BuildAll(int size)
    {
        var result = new List<RankMultiset>();
        Build(0, size, 0, 0, result);
        return [.. result];
    }

    private static void Build(int rank, int left, int packed, int count, List<RankMultiset> result)
    {
        if (left == 0)
        {
            var low = 0;
            for (var i = 0; i < count; i++)
            {
                low |= LowTables.LowBit((packed >> (4 * i)) & 15);
            }
            result.Add(new RankMultiset(packed, count, 1, low));
            return;
        }
        if (rank == 13)
        {
            return;
        }
        for (var take = 0; take <= Math.Min(left, 4); take++)
        {
            var p = packed;
            for (var i = 0; i < take; i++)
            {
                p |= rank << (4 * (count + i));
            }
            Build(rank + 1, left - take, p, count + take, result);
        }
    }
}
