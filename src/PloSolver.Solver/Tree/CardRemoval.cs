using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PloSolver.Solver;

/// <summary>
/// Exact card removal by inclusion–exclusion. The opponent reach compatible with a hand h (opponent hands sharing
/// no card with h) is Σ over subsets S of h of (−1)^|S| · R(S), where R(S) sums the reach of opponent hands that
/// contain S and R(∅) is the total.
/// <para>
/// Only the proper non-empty subsets (14 for PLO4) get sums: the full set S = h is matched only by an opponent
/// hand identical to h, which the caller adds back by <see cref="Identical"/> (truncating the sum before |S| = k
/// leaves that hand counted with weight −(−1)^k). Dropping the full sets more than halves the sums array (a
/// 10,000-hand range has about 17,000 smaller subsets and 10,000 full ones), so it stays in the L2 cache.
/// </para>
/// <para>
/// Each hand's subset ids are stored smallest subsets first, so a query sums each size's ids and applies the sign
/// once per size. Ids are below <see cref="IdCount"/> and a sums array is at least that long, which is why
/// <see cref="Add"/> and <see cref="Compatible"/> read without bounds checks.
/// </para>
/// </summary>
internal sealed class CardRemoval
{
    private readonly int[] _sizeEnds;

    public CardRemoval(ulong[][] hands)
    {
        var size = BitOperations.PopCount(hands[0][0]);
        HandSize = size;
        // Proper non-empty subsets as bit patterns over a hand's cards, smallest first.
        var patterns = Enumerable.Range(1, (1 << size) - 2).OrderBy(j => BitOperations.PopCount((uint)j)).ThenBy(j => j).ToArray();
        SubsetsPerHand = patterns.Length;
        _sizeEnds = new int[Math.Max(size - 1, 0)];
        for (var s = 1; s < size; s++)
        {
            _sizeEnds[s - 1] = patterns.Count(j => BitOperations.PopCount((uint)j) <= s);
        }
        IdenticalSign = size % 2 == 0 ? 1 : -1;
        var ids = new Dictionary<ulong, int>();
        Ids = new int[2][];
        Span<ulong> cards = stackalloc ulong[size];
        for (var p = 0; p < 2; p++)
        {
            var list = new int[Math.Max(hands[p].Length * SubsetsPerHand, 1)];
            for (var h = 0; h < hands[p].Length; h++)
            {
                var i = 0;
                for (var m = hands[p][h]; m != 0; m &= m - 1)
                {
                    cards[i++] = m & (~m + 1);
                }
                for (var j = 0; j < patterns.Length; j++)
                {
                    var subset = 0UL;
                    for (var b = 0; b < size; b++)
                    {
                        if ((patterns[j] >> b & 1) != 0)
                        {
                            subset |= cards[b];
                        }
                    }
                    if (!ids.TryGetValue(subset, out var id))
                    {
                        id = ids.Count;
                        ids.Add(subset, id);
                    }
                    list[h * SubsetsPerHand + j] = id;
                }
            }
            Ids[p] = list;
        }
        // Renumber smallest subsets first: the single cards and pairs (about 1,100 sums, 9 KB) then sit together
        // and stay in L1 while the triples come from L2.
        var renumber = new int[ids.Count];
        var rank = 0;
        foreach (var subset in ids.Keys.OrderBy(BitOperations.PopCount).ThenBy(x => x))
        {
            renumber[ids[subset]] = rank++;
        }
        foreach (var list in Ids)
        {
            for (var i = 0; i < list.Length && ids.Count > 0; i++)
            {
                list[i] = renumber[list[i]];
            }
        }
        IdCount = Math.Max(ids.Count, 1);
        Identical = new int[2][];
        for (var p = 0; p < 2; p++)
        {
            var theirs = new Dictionary<ulong, int>(hands[1 - p].Length);
            for (var h = 0; h < hands[1 - p].Length; h++)
            {
                theirs.TryAdd(hands[1 - p][h], h);
            }
            Identical[p] = [.. hands[p].Select(mask => theirs.GetValueOrDefault(mask, -1))];
        }
    }

    /// <summary>Cards in a hand (k).</summary>
    public int HandSize { get; }

    /// <summary>Proper non-empty subsets of a hand: 2^k − 2.</summary>
    public int SubsetsPerHand { get; }

    /// <summary>Per player, <c>[hand * SubsetsPerHand + j]</c> = id of the hand's j-th subset (smallest first).</summary>
    public int[][] Ids { get; }

    /// <summary>Per player and hand, the opponent's hand with exactly the same cards, or −1.</summary>
    public int[][] Identical { get; }

    /// <summary>(−1)^k: what to multiply an identical opponent hand's reach by and add to a query once that hand
    /// has been added.</summary>
    public int IdenticalSign { get; }

    /// <summary>Distinct proper subsets over both players' hands: the length of a sums array.</summary>
    public int IdCount { get; }

    /// <summary>Adds an opponent hand's reach to the subset sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int player, int hand, double reach, double[] sums)
    {
        ref var id = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Ids[player]), hand * SubsetsPerHand);
        ref var sum = ref MemoryMarshal.GetArrayDataReference(sums);
        for (var j = 0; j < SubsetsPerHand; j++)
        {
            Unsafe.Add(ref sum, Unsafe.Add(ref id, j)) += reach;
        }
    }

    /// <summary>
    /// The reach of the added opponent hands that share no card with the player's hand, except that an identical
    /// opponent hand, if added, is counted with weight −(−1)^k (the caller corrects it by <see cref="Identical"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Compatible(int player, int hand, double total, double[] sums)
    {
        ref var id = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Ids[player]), hand * SubsetsPerHand);
        ref var sum = ref MemoryMarshal.GetArrayDataReference(sums);
        if (SubsetsPerHand == 14)
        {
            // PLO4 unrolled: − singles + pairs − triples, each size summed on its own so the loads overlap.
            var singles = Unsafe.Add(ref sum, id) + Unsafe.Add(ref sum, Unsafe.Add(ref id, 1))
                + Unsafe.Add(ref sum, Unsafe.Add(ref id, 2)) + Unsafe.Add(ref sum, Unsafe.Add(ref id, 3));
            var pairs = Unsafe.Add(ref sum, Unsafe.Add(ref id, 4)) + Unsafe.Add(ref sum, Unsafe.Add(ref id, 5))
                + Unsafe.Add(ref sum, Unsafe.Add(ref id, 6)) + Unsafe.Add(ref sum, Unsafe.Add(ref id, 7))
                + Unsafe.Add(ref sum, Unsafe.Add(ref id, 8)) + Unsafe.Add(ref sum, Unsafe.Add(ref id, 9));
            var triples = Unsafe.Add(ref sum, Unsafe.Add(ref id, 10)) + Unsafe.Add(ref sum, Unsafe.Add(ref id, 11))
                + Unsafe.Add(ref sum, Unsafe.Add(ref id, 12)) + Unsafe.Add(ref sum, Unsafe.Add(ref id, 13));
            return total - singles + pairs - triples;
        }
        var result = total;
        var j = 0;
        var sign = -1.0;
        foreach (var end in _sizeEnds)
        {
            var acc = 0.0;
            for (; j < end; j++)
            {
                acc += Unsafe.Add(ref sum, Unsafe.Add(ref id, j));
            }
            result += sign * acc;
            sign = -sign;
        }
        return result;
    }
}
