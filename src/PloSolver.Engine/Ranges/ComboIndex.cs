namespace PloSolver.Engine;

/// <summary>
/// Numbers every set of n distinct cards (n = 4, 5, 6) by its colex rank, Σ C(c_i, i + 1) over its cards in
/// ascending order: 0 .. C(52, n) − 1 with no gaps, so a range is a bit set over at most 20,358,520 (PLO6) slots.
/// </summary>
internal static class ComboIndex
{
    /// <summary>Number of n-card sets.</summary>
    public static int Count(int n) => (int)Combinatorics.Choose(Card.DeckSize, n);

    /// <summary>The rank of a set of cards given as a mask with n bits.</summary>
    public static int Rank(ulong mask)
    {
        var index = 0L;
        var i = 1;
        for (var m = mask; m != 0; m &= m - 1)
        {
            index += Combinatorics.Choose(System.Numerics.BitOperations.TrailingZeroCount(m), i++);
        }
        return (int)index;
    }

    /// <summary>Visits every n-card set with its rank and mask (highest card chosen first, the rank summed on the
    /// way down): far cheaper than unranking each index.</summary>
    public static void ForEach(int n, Action<int, ulong> visit) => Visit(n, Card.DeckSize, 0, 0, visit);

    private static void Visit(int left, int below, int index, ulong mask, Action<int, ulong> visit)
    {
        if (left == 0)
        {
            visit(index, mask);
            return;
        }
        // The left-th smallest card of the set is c: it adds C(c, left) to the colex rank.
        for (var c = left - 1; c < below; c++)
        {
            Visit(left - 1, c, index + (int)Combinatorics.Choose(c, left), mask | 1UL << c, visit);
        }
    }

    /// <summary>The mask of the n-card set with the given rank.</summary>
    public static ulong Unrank(int index, int n)
    {
        var mask = 0UL;
        var rest = (long)index;
        var top = Card.DeckSize;
        for (var i = n; i >= 1; i--)
        {
            // The largest card c with C(c, i) <= rest.
            var c = i - 1;
            while (c + 1 < top && Combinatorics.Choose(c + 1, i) <= rest)
            {
                c++;
            }
            mask |= 1UL << c;
            rest -= Combinatorics.Choose(c, i);
            top = c;
        }
        return mask;
    }
}
