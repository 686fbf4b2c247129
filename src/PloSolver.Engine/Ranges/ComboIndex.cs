namespace PloSolver.Engine;

/// <summary>
/// Numbers every set of n distinct cards (n = 4, 5, 6) by its colex rank, Σ C(c_i, i + 1) over its cards in
/// ascending order: 0 .. C(52, n) − 1 with no gaps, so a range is a bit set over at most 20,358,520 (PLO6) slots.
/// </summary>
internal static class ComboIndex
{
    /// <summary>Number of n-card sets.</summary>
    public static int Count(int n) => (int)Combinatorics.Choose(Card.DeckSize, n);

    // Weights[card * 7 + i] = C(card, i): the colex weight of `card` as the i-th smallest card of a set.
    private static readonly int[] Weights = BuildWeights();

    /// <summary>The rank of a set of cards given as a mask with n bits.</summary>
    public static int Rank(ulong mask)
    {
        var weights = Weights;
        var index = 0;
        var i = 1;
        for (var m = mask; m != 0; m &= m - 1)
        {
            index += weights[System.Numerics.BitOperations.TrailingZeroCount(m) * 7 + i++];
        }
        return index;
    }

    private static int[] BuildWeights()
    {
        var weights = new int[Card.DeckSize * 7];
        for (var card = 0; card < Card.DeckSize; card++)
        {
            for (var i = 0; i < 7; i++)
            {
                weights[card * 7 + i] = (int)Combinatorics.Choose(card, i);
            }
        }
        return weights;
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
