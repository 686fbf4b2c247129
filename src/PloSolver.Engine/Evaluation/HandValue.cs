namespace PloSolver.Engine;

/// <summary>
/// The strength of a five-card high hand: one of the 7,462 distinct values, 1 (7-5-4-3-2 offsuit) to 7,462
/// (royal flush). Higher is better; equal values tie.
/// </summary>
public readonly record struct HandValue(ushort Value) : IComparable<HandValue>
{
    /// <summary>Number of distinct five-card high hands.</summary>
    public const int DistinctValues = 7462;

    /// <summary>The hand's category.</summary>
    public HandCategory Category => FiveCardTables.CategoryOf(Value);

    /// <summary>A readable description: "Straight, nine high", "Full house, kings full of fives".</summary>
    public string Description => HandDescriber.Describe(Value);

    /// <inheritdoc />
    public int CompareTo(HandValue other) => Value.CompareTo(other.Value);

    /// <summary>Whether the left value beats the right.</summary>
    public static bool operator >(HandValue left, HandValue right) => left.Value > right.Value;

    /// <summary>Whether the right value beats the left.</summary>
    public static bool operator <(HandValue left, HandValue right) => left.Value < right.Value;

    /// <summary>Whether the left value beats or ties the right.</summary>
    public static bool operator >=(HandValue left, HandValue right) => left.Value >= right.Value;

    /// <summary>Whether the right value beats or ties the left.</summary>
    public static bool operator <=(HandValue left, HandValue right) => left.Value <= right.Value;

    /// <inheritdoc />
    public override string ToString() => Description;
}

/// <summary>Arithmetic on raw hand values in the hot loops.</summary>
internal static class HandValues
{
    /// <summary>The larger of two values (0..65535) without a branch: which of a hand's pairs plays best, or which
    /// player wins a showdown, is close to random, and the JIT keeps Math.Max inside a loop as a branch that
    /// mispredicts about as often (a third of a flop enumeration's time).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int Max(int best, int value)
    {
        var gain = value - best;
        return best + (gain & ~(gain >> 31));
    }
}

/// <summary>
/// The strength of an eight-or-better low (five distinct ranks, ace to eight). Higher is better: the wheel
/// (5-4-3-2-A) is best. <see cref="None"/> means no qualifying low.
/// </summary>
public readonly record struct LowValue(ushort Value) : IComparable<LowValue>
{
    /// <summary>No qualifying low.</summary>
    public static LowValue None => default;

    /// <summary>Whether a qualifying low exists.</summary>
    public bool Qualifies => Value != 0;

    /// <summary>The five low ranks, highest first, e.g. "8-6-4-3-2 low"; "no low" when none.</summary>
    public string Description => LowTables.Describe(Value);

    /// <inheritdoc />
    public int CompareTo(LowValue other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Description;
}
