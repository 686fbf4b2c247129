using System.Numerics;
using System.Runtime.CompilerServices;

namespace PloSolver.Solver;

/// <summary>
/// Exact card removal by inclusion–exclusion. The opponent reach compatible with a hand h (opponent hands sharing
/// no card with h) is Σ over subsets S of h of (−1)^|S| · R(S), where R(S) sums the reach of opponent hands that
/// contain S and R(∅) is the total. A hand of k cards has 2^k − 1 non-empty subsets (15 for PLO4), each given a
/// compact id shared by both players, so adding an opponent hand or querying a hand is 2^k − 1 steps over one
/// small array of sums — exact for any overlap, including identical hands.
/// </summary>
internal sealed class CardRemoval
{
    public CardRemoval(ulong[][] hands)
    {
        var size = BitOperations.PopCount(hands[0][0]);
        SubsetsPerHand = (1 << size) - 1;
        Signs = new double[SubsetsPerHand];
        for (var j = 1; j <= SubsetsPerHand; j++)
        {
            Signs[j - 1] = BitOperations.PopCount((uint)j) % 2 == 0 ? 1 : -1;
        }
        var ids = new Dictionary<ulong, int>();
        Ids = new int[2][];
        Span<ulong> cards = stackalloc ulong[size];
        for (var p = 0; p < 2; p++)
        {
            var list = new int[hands[p].Length * SubsetsPerHand];
            for (var h = 0; h < hands[p].Length; h++)
            {
                var i = 0;
                for (var m = hands[p][h]; m != 0; m &= m - 1)
                {
                    cards[i++] = m & (~m + 1);
                }
                for (var j = 1; j <= SubsetsPerHand; j++)
                {
                    var subset = 0UL;
                    for (var b = 0; b < size; b++)
                    {
                        if ((j >> b & 1) != 0)
                        {
                            subset |= cards[b];
                        }
                    }
                    if (!ids.TryGetValue(subset, out var id))
                    {
                        id = ids.Count;
                        ids.Add(subset, id);
                    }
                    list[h * SubsetsPerHand + j - 1] = id;
                }
            }
            Ids[p] = list;
        }
        IdCount = ids.Count;
    }

    /// <summary>2^k − 1 for hands of k cards.</summary>
    public int SubsetsPerHand { get; }

    /// <summary>(−1)^|S| for the j-th subset of a hand (same order for every hand).</summary>
    public double[] Signs { get; }

    /// <summary>Per player, <c>[hand * SubsetsPerHand + j]</c> = id of the hand's j-th non-empty subset.</summary>
    public int[][] Ids { get; }

    /// <summary>Distinct non-empty subsets over both players' hands: the length of a sums array.</summary>
    public int IdCount { get; }

    /// <summary>Adds an opponent hand's reach to the subset sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int player, int hand, double reach, double[] sums)
    {
        var ids = Ids[player].AsSpan(hand * SubsetsPerHand, SubsetsPerHand);
        foreach (var id in ids)
        {
            sums[id] += reach;
        }
    }

    /// <summary>The reach of the added opponent hands that share no card with the player's hand.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Compatible(int player, int hand, double total, double[] sums)
    {
        var ids = Ids[player].AsSpan(hand * SubsetsPerHand, SubsetsPerHand);
        var signs = Signs.AsSpan(0, ids.Length);
        var result = total;
        for (var j = 0; j < ids.Length; j++)
        {
            result += signs[j] * sums[ids[j]];
        }
        return result;
    }
}
