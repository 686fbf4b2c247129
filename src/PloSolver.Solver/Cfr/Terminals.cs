using System.Buffers;
using System.Runtime.CompilerServices;

namespace PloSolver.Solver;

/// <summary>
/// Counterfactual values at terminal nodes for all of one player's hands at once, given the opponent's reach:
/// O((n + m) · 2^k) per terminal instead of O(n · m), with card removal exact (see <see cref="CardRemoval"/>).
/// <para>
/// Both kinds of terminal need C, each hand's compatible opponent reach: a fold is worth payoff · C, a showdown
/// amount · (W + WT − C). C depends only on the opponent's reach, so the solver computes it once for all terminal
/// children of the traverser's own decisions (they share the opponent's reach) and passes it in.
/// </para>
/// </summary>
internal static class Terminals
{
    /// <summary>Writes into <paramref name="cfv"/> (length n of <paramref name="me"/>) each hand's value; a null
    /// <paramref name="compatible"/> (each of my hands' C, <see cref="Compatible"/>) is worked out here.</summary>
    public static void Evaluate(SolverGame game, TerminalNode node, int me, float[] oppReach, float[] cfv, double[]? compatible)
    {
        var sums = ArrayPool<double>.Shared.Rent(game.Removal.IdCount);
        var own = compatible is null ? ArrayPool<double>.Shared.Rent(game.HandCount(me)) : null;
        try
        {
            if (own is not null)
            {
                Compatible(game, me, oppReach, own, sums);
            }
            var c = compatible ?? own!;
            if (node.Showdown is { } board)
            {
                Showdown(game, board, me, oppReach, c, cfv, node.Amount, sums);
            }
            else
            {
                var payoff = node.Folder == me ? -node.Amount : node.Amount;
                var n = game.HandCount(me);
                for (var h = 0; h < n; h++)
                {
                    cfv[h] = (float)(payoff * c[h]);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sums);
            if (own is not null)
            {
                ArrayPool<double>.Shared.Return(own);
            }
        }
    }

    /// <summary>Each of my hands' opponent reach over hands that share none of its cards (C), into
    /// <paramref name="compatible"/>; 0 for every hand when the opponent has no reach.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compatible(SolverGame game, int me, float[] oppReach, double[] compatible, double[] sums)
    {
        var removal = game.Removal;
        var opp = 1 - me;
        Array.Clear(sums, 0, removal.IdCount);
        var total = 0.0;
        var m = game.HandCount(opp);
        for (var h = 0; h < m; h++)
        {
            var r = oppReach[h];
            if (r != 0)
            {
                total += r;
                removal.Add(opp, h, r, sums);
            }
        }
        var n = game.HandCount(me);
        if (total == 0)
        {
            Array.Clear(compatible, 0, n);
            return;
        }
        var identical = removal.Identical[me];
        var sign = removal.IdenticalSign;
        for (var h = 0; h < n; h++)
        {
            var c = removal.Compatible(me, h, total, sums);
            if (identical[h] >= 0)
            {
                c += sign * oppReach[identical[h]];
            }
            compatible[h] = c;
        }
    }

    /// <summary>Each hand's opponent reach over hands that share none of its cards, times the payoff.</summary>
    public static void Fold(SolverGame game, int me, float[] oppReach, float[] cfv, double payoff, double[] sums)
    {
        var n = game.HandCount(me);
        var compatible = ArrayPool<double>.Shared.Rent(Math.Max(n, 1));
        Compatible(game, me, oppReach, compatible, sums);
        for (var h = 0; h < n; h++)
        {
            cfv[h] = (float)(payoff * compatible[h]);
        }
        ArrayPool<double>.Shared.Return(compatible);
    }

    /// <summary>Showdown values with C worked out here (see the overload that takes it).</summary>
    public static void Showdown(SolverGame game, ShowdownBoard board, int me, float[] oppReach, float[] cfv, double amount, double[] sums)
    {
        var compatible = ArrayPool<double>.Shared.Rent(Math.Max(game.HandCount(me), 1));
        Compatible(game, me, oppReach, compatible, sums);
        Showdown(game, board, me, oppReach, compatible, cfv, amount, sums);
        ArrayPool<double>.Shared.Return(compatible);
    }

    /// <summary>
    /// One ascending sweep in value order: for each group of my hands of equal value, W = compatible opponent reach
    /// strictly below (queried before the opponent's ties are added) and WT = at or below (queried after, and only
    /// when the opponent has a tie with reach). Value = amount · (W − L) with L = C − WT. Hands on the board (not in
    /// the sorted lists) get 0. The sweep stops at my strongest hand: opponent hands above it only matter through C.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Showdown(SolverGame game, ShowdownBoard board, int me, float[] oppReach, double[] compatible, float[] cfv, double amount,
        double[] sums)
    {
        var removal = game.Removal;
        var opp = 1 - me;
        Array.Clear(cfv, 0, game.HandCount(me));
        var myOrder = board.Order[me];
        var myValues = board.Values[me];
        var oppOrder = board.Order[opp];
        var oppValues = board.Values[opp];
        var identical = removal.Identical[me];
        var sign = removal.IdenticalSign;
        var n = myOrder.Length;
        var win = ArrayPool<double>.Shared.Rent(Math.Max(n, 1));
        Array.Clear(sums, 0, removal.IdCount);
        var total = 0.0;
        int i = 0, j = 0;
        while (i < n)
        {
            var v = myValues[i];
            for (; j < oppOrder.Length && oppValues[j] < v; j++)
            {
                Add(removal, opp, oppOrder[j], oppReach, sums, ref total);
            }
            var groupEnd = i;
            while (groupEnd < n && myValues[groupEnd] == v)
            {
                groupEnd++;
            }
            var tieEnd = j;
            var ties = false;
            for (; tieEnd < oppOrder.Length && oppValues[tieEnd] == v; tieEnd++)
            {
                ties |= oppReach[oppOrder[tieEnd]] != 0;
            }
            if (!ties)
            {
                // WT = W: value = amount · (2W − C). An identical opponent hand would tie, so none is added.
                for (var k = i; k < groupEnd; k++)
                {
                    var h = myOrder[k];
                    cfv[h] = (float)(amount * (2 * removal.Compatible(me, h, total, sums) - compatible[h]));
                }
                j = tieEnd;
            }
            else
            {
                for (var k = i; k < groupEnd; k++)
                {
                    win[k] = removal.Compatible(me, myOrder[k], total, sums);
                }
                for (; j < tieEnd; j++)
                {
                    Add(removal, opp, oppOrder[j], oppReach, sums, ref total);
                }
                for (var k = i; k < groupEnd; k++)
                {
                    var h = myOrder[k];
                    var winOrTie = Corrected(removal, me, h, total, sums, identical, sign, oppReach);
                    cfv[h] = (float)(amount * (win[k] + winOrTie - compatible[h]));
                }
            }
            i = groupEnd;
        }
        ArrayPool<double>.Shared.Return(win);
    }

    /// <summary>
    /// For my hands in the board's value order: compatible opponent reach strictly weaker (W), weaker or equal
    /// (WT) and in total (C). Three rented arrays the caller returns.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double[] Win, double[] WinOrTie, double[] Compatible, int Length) Sweep(CardRemoval removal, ShowdownBoard board, int me,
        float[] oppReach, double[] sums)
    {
        var opp = 1 - me;
        var myOrder = board.Order[me];
        var myValues = board.Values[me];
        var oppOrder = board.Order[opp];
        var oppValues = board.Values[opp];
        var identical = removal.Identical[me];
        var sign = removal.IdenticalSign;
        var n = myOrder.Length;
        var win = ArrayPool<double>.Shared.Rent(Math.Max(n, 1));
        var winOrTie = ArrayPool<double>.Shared.Rent(Math.Max(n, 1));
        var compatible = ArrayPool<double>.Shared.Rent(Math.Max(n, 1));
        Array.Clear(sums, 0, removal.IdCount);
        var total = 0.0;
        int i = 0, j = 0;
        while (i < n)
        {
            var v = myValues[i];
            for (; j < oppOrder.Length && oppValues[j] < v; j++)
            {
                Add(removal, opp, oppOrder[j], oppReach, sums, ref total);
            }
            var groupEnd = i;
            while (groupEnd < n && myValues[groupEnd] == v)
            {
                // An identical opponent hand ties, so it is not added yet: no correction.
                win[groupEnd] = removal.Compatible(me, myOrder[groupEnd], total, sums);
                groupEnd++;
            }
            var tieStart = total;
            for (; j < oppOrder.Length && oppValues[j] == v; j++)
            {
                Add(removal, opp, oppOrder[j], oppReach, sums, ref total);
            }
            for (var k = i; k < groupEnd; k++)
            {
                // No opponent hand ties: nothing was added, WT = W.
                winOrTie[k] = total == tieStart ? win[k] : Corrected(removal, me, myOrder[k], total, sums, identical, sign, oppReach);
            }
            i = groupEnd;
        }
        for (; j < oppOrder.Length; j++)
        {
            Add(removal, opp, oppOrder[j], oppReach, sums, ref total);
        }
        for (var k = 0; k < n; k++)
        {
            compatible[k] = Corrected(removal, me, myOrder[k], total, sums, identical, sign, oppReach);
        }
        return (win, winOrTie, compatible, n);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(CardRemoval removal, int opp, int o, float[] oppReach, double[] sums, ref double total)
    {
        var r = oppReach[o];
        if (r != 0)
        {
            total += r;
            removal.Add(opp, o, r, sums);
        }
    }

    // A query once every hand at or below the hand's value is in: an identical opponent hand (a tie) is.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Corrected(CardRemoval removal, int me, int h, double total, double[] sums, int[] identical, int sign, float[] oppReach) =>
        removal.Compatible(me, h, total, sums) + (identical[h] >= 0 ? sign * oppReach[identical[h]] : 0);
}
