using System.Buffers;
using System.Runtime.CompilerServices;

namespace PloSolver.Solver;

/// <summary>
/// Counterfactual values at terminal nodes for all of one player's hands at once, given the opponent's reach:
/// O((n + m) · 2^k) per terminal instead of O(n · m), with card removal exact (see <see cref="CardRemoval"/>).
/// </summary>
internal static class Terminals
{
    /// <summary>Writes into <paramref name="cfv"/> (length n of <paramref name="me"/>) each hand's value.</summary>
    public static void Evaluate(SolverGame game, TerminalNode node, int me, float[] oppReach, float[] cfv)
    {
        var sums = ArrayPool<double>.Shared.Rent(game.Removal.IdCount);
        try
        {
            if (node.Showdown is { } board)
            {
                Showdown(game, board, me, oppReach, cfv, node.Amount, sums);
            }
            else
            {
                var payoff = node.Folder == me ? -node.Amount : node.Amount;
                Fold(game, me, oppReach, cfv, payoff, sums);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(sums);
        }
    }

    /// <summary>Each hand's opponent reach over hands that share none of its cards, times the payoff.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fold(SolverGame game, int me, float[] oppReach, float[] cfv, double payoff, double[] sums)
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
            Array.Clear(cfv, 0, n);
            return;
        }
        for (var h = 0; h < n; h++)
        {
            cfv[h] = (float)(payoff * removal.Compatible(me, h, total, sums));
        }
    }

    /// <summary>
    /// One sweep in value order: for each of my hands, W = compatible opponent reach strictly below it and
    /// WT = at or below it (ties included), then at the end C = all compatible reach. Value = amount · (W − L)
    /// with L = C − WT. Hands on the board (not in the sorted lists) get 0.
    /// </summary>
    public static void Showdown(SolverGame game, ShowdownBoard board, int me, float[] oppReach, float[] cfv, double amount, double[] sums)
    {
        Array.Clear(cfv, 0, game.HandCount(me));
        var (winMinusLose, length) = WinMinusLose(game.Removal, board, me, oppReach, sums);
        try
        {
            var order = board.Order[me];
            for (var i = 0; i < length; i++)
            {
                cfv[order[i]] = (float)(amount * winMinusLose[i]);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(winMinusLose);
        }
    }

    /// <summary>W − L for my hands in <paramref name="board"/>'s order (a rented array of that length).</summary>
    private static (double[] Values, int Length) WinMinusLose(CardRemoval removal, ShowdownBoard board, int me, float[] oppReach, double[] sums)
    {
        var (win, winOrTie, compatible, length) = Sweep(removal, board, me, oppReach, sums);
        for (var i = 0; i < length; i++)
        {
            win[i] = win[i] + winOrTie[i] - compatible[i];
        }
        ArrayPool<double>.Shared.Return(winOrTie);
        ArrayPool<double>.Shared.Return(compatible);
        return (win, length);
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
                var r = oppReach[oppOrder[j]];
                if (r != 0)
                {
                    total += r;
                    removal.Add(opp, oppOrder[j], r, sums);
                }
            }
            var groupEnd = i;
            while (groupEnd < n && myValues[groupEnd] == v)
            {
                win[groupEnd] = removal.Compatible(me, myOrder[groupEnd], total, sums);
                groupEnd++;
            }
            var tieStart = total;
            for (; j < oppOrder.Length && oppValues[j] == v; j++)
            {
                var r = oppReach[oppOrder[j]];
                if (r != 0)
                {
                    total += r;
                    removal.Add(opp, oppOrder[j], r, sums);
                }
            }
            for (var k = i; k < groupEnd; k++)
            {
                // No opponent hand ties: nothing was added, WT = W.
                winOrTie[k] = total == tieStart ? win[k] : removal.Compatible(me, myOrder[k], total, sums);
            }
            i = groupEnd;
        }
        for (; j < oppOrder.Length; j++)
        {
            var r = oppReach[oppOrder[j]];
            if (r != 0)
            {
                total += r;
                removal.Add(opp, oppOrder[j], r, sums);
            }
        }
        for (var k = 0; k < n; k++)
        {
            compatible[k] = removal.Compatible(me, myOrder[k], total, sums);
        }
        return (win, winOrTie, compatible, n);
    }
}
