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

    /// <summary>Every n-card set in rank order (index 0, 1, 2 …) with its mask: nested loops over the cards in
    /// colex order, far cheaper than unranking each index.</summary>
    public static IEnumerable<(int Index, ulong Mask)> All(int n)
    {
        var cards = new int[n];
        var index = 0;
        for (var i = 0; i < n; i++)
        {
            cards[i] = i;
        }
        while (true)
        {
            var mask = 0UL;
            foreach (var card in cards)
            {
                mask |= 1UL << card;
            }
            yield return (index++, mask);
            // Colex successor: raise the lowest card that can move up, reset the ones below it.
            var pos = 0;
            while (pos < n - 1 && cards[pos] + 1 == cards[pos + 1])
            {
                pos++;
            }
            if (pos == n - 1 && cards[pos] == Card.DeckSize - 1)
            {
                yield break;
            }
            cards[pos]++;
            for (var i = 0; i < pos; i++)
            {
                cards[i] = i;
            }
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
