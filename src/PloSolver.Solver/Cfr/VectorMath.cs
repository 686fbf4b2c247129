using System.Runtime.CompilerServices;
using System.Numerics;

namespace PloSolver.Solver;

/// <summary>The per-hand loops of a CFR step, over whole vectors of hands (System.Numerics.Vector, scalar tail).</summary>
internal static class VectorMath
{
    /// <summary>Regret matching: strategy[a, h] = max(R[a, h], 0) / Σ max(R, 0), uniform where the sum is 0.
    /// Also used for the average strategy (sums are never negative there).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Normalise(ReadOnlySpan<float> values, Span<float> strategy, int actions, int n)
    {
        var uniform = 1f / actions;
        var width = Vector<float>.Count;
        var h = 0;
        for (; h <= n - width; h += width)
        {
            var sum = Vector<float>.Zero;
            for (var a = 0; a < actions; a++)
            {
                sum += Vector.Max(new Vector<float>(values.Slice(a * n + h, width)), Vector<float>.Zero);
            }
            var positive = Vector.GreaterThan(sum, Vector<float>.Zero);
            var safeSum = Vector.ConditionalSelect(positive, sum, Vector<float>.One);
            for (var a = 0; a < actions; a++)
            {
                var share = Vector.Max(new Vector<float>(values.Slice(a * n + h, width)), Vector<float>.Zero) / safeSum;
                Vector.ConditionalSelect(positive, share, new Vector<float>(uniform)).CopyTo(strategy.Slice(a * n + h, width));
            }
        }
        for (; h < n; h++)
        {
            var sum = 0f;
            for (var a = 0; a < actions; a++)
            {
                sum += Math.Max(values[a * n + h], 0f);
            }
            for (var a = 0; a < actions; a++)
            {
                strategy[a * n + h] = sum > 0 ? Math.Max(values[a * n + h], 0f) / sum : uniform;
            }
        }
    }

    /// <summary>destination = x · y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination)
    {
        var width = Vector<float>.Count;
        var i = 0;
        for (; i <= x.Length - width; i += width)
        {
            (new Vector<float>(x.Slice(i, width)) * new Vector<float>(y.Slice(i, width))).CopyTo(destination.Slice(i, width));
        }
        for (; i < x.Length; i++)
        {
            destination[i] = x[i] * y[i];
        }
    }

    /// <summary>destination += x · y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination)
    {
        var width = Vector<float>.Count;
        var i = 0;
        for (; i <= x.Length - width; i += width)
        {
            var d = new Vector<float>(destination.Slice(i, width));
            (d + new Vector<float>(x.Slice(i, width)) * new Vector<float>(y.Slice(i, width))).CopyTo(destination.Slice(i, width));
        }
        for (; i < x.Length; i++)
        {
            destination[i] += x[i] * y[i];
        }
    }

    /// <summary>destination += x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(ReadOnlySpan<float> x, Span<float> destination)
    {
        var width = Vector<float>.Count;
        var i = 0;
        for (; i <= x.Length - width; i += width)
        {
            (new Vector<float>(destination.Slice(i, width)) + new Vector<float>(x.Slice(i, width))).CopyTo(destination.Slice(i, width));
        }
        for (; i < x.Length; i++)
        {
            destination[i] += x[i];
        }
    }

    /// <summary>destination = max(destination, x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Max(ReadOnlySpan<float> x, Span<float> destination)
    {
        var width = Vector<float>.Count;
        var i = 0;
        for (; i <= x.Length - width; i += width)
        {
            Vector.Max(new Vector<float>(destination.Slice(i, width)), new Vector<float>(x.Slice(i, width))).CopyTo(destination.Slice(i, width));
        }
        for (; i < x.Length; i++)
        {
            destination[i] = Math.Max(destination[i], x[i]);
        }
    }

    /// <summary>
    /// The DCFR regret step for one action: R = R + (actionValue − nodeValue), then positive regrets × positive
    /// and negative regrets × negative.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void UpdateRegrets(Span<float> regrets, ReadOnlySpan<float> actionValue, ReadOnlySpan<float> nodeValue, float positive, float negative)
    {
        var width = Vector<float>.Count;
        var pos = new Vector<float>(positive);
        var neg = new Vector<float>(negative);
        var i = 0;
        for (; i <= regrets.Length - width; i += width)
        {
            var r = new Vector<float>(regrets.Slice(i, width)) + new Vector<float>(actionValue.Slice(i, width)) - new Vector<float>(nodeValue.Slice(i, width));
            (r * Vector.ConditionalSelect(Vector.GreaterThan(r, Vector<float>.Zero), pos, neg)).CopyTo(regrets.Slice(i, width));
        }
        for (; i < regrets.Length; i++)
        {
            var r = regrets[i] + actionValue[i] - nodeValue[i];
            regrets[i] = r * (r > 0 ? positive : negative);
        }
    }

    /// <summary>sums = sums · decay + reach · strategy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void UpdateStrategySum(Span<float> sums, ReadOnlySpan<float> reach, ReadOnlySpan<float> strategy, float decay)
    {
        var width = Vector<float>.Count;
        var d = new Vector<float>(decay);
        var i = 0;
        for (; i <= sums.Length - width; i += width)
        {
            (new Vector<float>(sums.Slice(i, width)) * d + new Vector<float>(reach.Slice(i, width)) * new Vector<float>(strategy.Slice(i, width)))
                .CopyTo(sums.Slice(i, width));
        }
        for (; i < sums.Length; i++)
        {
            sums[i] = sums[i] * decay + reach[i] * strategy[i];
        }
    }

    public static bool AllZero(ReadOnlySpan<float> x)
    {
        foreach (var v in x)
        {
            if (v != 0)
            {
                return false;
            }
        }
        return true;
    }
}
