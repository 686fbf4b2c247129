using System.Numerics;

namespace PloSolver.Engine;

/// <summary>
/// Eight-or-better low for Omaha: the best low depends only on the set of distinct low ranks (A..8) on the board
/// and in the hand, so one 256 x 256 table answers every case. Low ranks are bits 0 (ace) .. 7 (eight). A low's
/// value is 256 minus the mask of its five ranks: comparing masks as integers compares the highest card first,
/// which is how lows are ranked, and the subtraction makes higher better.
/// </summary>
internal static class LowTables
{
    /// <summary>Best Omaha low by [boardLowMask * 256 + holeLowMask]; 0 when no low qualifies.</summary>
    public static readonly ushort[] OmahaLow = Build();

    /// <summary>The low bit of a card rank (ace = bit 0, deuce = bit 1 .. eight = bit 7), 0 for nine and up.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int LowBit(int rank) => LowBits[rank];

    // A lookup, not a branch: ranks of random boards would mispredict a comparison half the time.
    private static ReadOnlySpan<byte> LowBits => [2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 1];

    private static ushort[] Build()
    {
        var table = new ushort[256 * 256];
        for (var board = 0; board < 256; board++)
        {
            if (BitOperations.PopCount((uint)board) < 3)
            {
                continue;
            }
            for (var hole = 0; hole < 256; hole++)
            {
                table[board * 256 + hole] = Best(board, hole);
            }
        }
        return table;
    }

    // For a fixed pair of hole ranks the best completion is the three lowest other board ranks, so only the
    // hole pairs need searching.
    private static ushort Best(int board, int hole)
    {
        var best = 0;
        for (var a = hole; a != 0; a &= a - 1)
        {
            var bitA = a & -a;
            for (var b = a & (a - 1); b != 0; b &= b - 1)
            {
                var bitB = b & -b;
                var rest = board & ~(bitA | bitB);
                if (BitOperations.PopCount((uint)rest) < 3)
                {
                    continue;
                }
                var lows = bitA | bitB | LowestBits(rest, 3);
                var value = 256 - lows;
                if (value > best)
                {
                    best = value;
                }
            }
        }
        return (ushort)best;
    }

    private static int LowestBits(int mask, int count)
    {
        var result = 0;
        for (var i = 0; i < count && mask != 0; i++)
        {
            result |= mask & -mask;
            mask &= mask - 1;
        }
        return result;
    }

    /// <summary>"8-6-4-3-2 low", or "no low".</summary>
    public static string Describe(ushort value)
    {
        if (value == 0)
        {
            return "no low";
        }
        var mask = 256 - value;
        var parts = new List<string>(5);
        for (var bit = 7; bit >= 0; bit--)
        {
            if ((mask >> bit & 1) != 0)
            {
                parts.Add(bit == 0 ? "A" : (bit + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return string.Join('-', parts) + " low";
    }
}
