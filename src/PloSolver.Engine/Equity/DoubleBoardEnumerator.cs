namespace PloSolver.Engine;

/// <summary>
/// Exact double-board equity for known hands. Each board's completions are visited once on their own; the joint
/// deals are the pairs of completions that share no card, and sums over those pairs come from
/// inclusion–exclusion over the shared cards:
/// Σ over disjoint (c1, c2) of f(c1)·g(c2) = Σ over card sets S of (−1)^|S| · F(S)·G(S), where F(S) sums f over
/// the completions containing S. Only sets S that fit in both completions matter, so with at most two cards
/// missing from one board S has at most two cards. 442,890 joint deals from two flops cost 2 × 703 visits.
/// </summary>
internal static class DoubleBoardEnumerator
{
    /// <summary>Whether this enumerator can handle boards missing these numbers of cards.</summary>
    public static bool Supports(int missing1, int missing2) => Math.Min(missing1, missing2) <= 2;

    /// <summary>Completions visited; each costs one evaluation per player.</summary>
    public static long Visits(int available, int missing1, int missing2) =>
        Combinatorics.Choose(available, missing1) + Combinatorics.Choose(available, missing2);

    public static DoubleBoardTotals Enumerate(PreparedHand[] hands, Card[] board1, Card[] board2, ulong dead, bool hiLo, ParallelWork parallel,
        IProgress<EquityProgress>? progress)
    {
        var used = dead | Card.ToMask(board1) | Card.ToMask(board2);
        foreach (var hand in hands)
        {
            used |= hand.Mask;
        }
        var deck = Card.FromMask(~used & ((1UL << Card.DeckSize) - 1));
        var depth = Math.Min(5 - board1.Length, 5 - board2.Length);
        // Each board is half the work.
        var sums1 = SubsetSums.Collect(hands, board1, deck, depth, hiLo, parallel, f => progress?.Report(new EquityProgress(f / 2, 0)));
        var sums2 = SubsetSums.Collect(hands, board2, deck, depth, hiLo, parallel, f => progress?.Report(new EquityProgress(0.5 + f / 2, 0)));
        return new DoubleBoardTotals(hands.Length, sums1, sums2);
    }
}

/// <summary>Per-completion quantities of one board, summed over the completions that contain each card set.</summary>
internal sealed class SubsetSums
{
    // Quantities per player: share units, sole-winner flag, zero-share flag, hi units, lo units; then a constant 1.
    public const int PerPlayer = 5;
    public const int ShareQ = 0;
    public const int WinQ = 1;
    public const int ZeroQ = 2;
    public const int HiQ = 3;
    public const int LoQ = 4;

    private SubsetSums(int quantities, int depth)
    {
        Quantities = quantities;
        Depth = depth;
        Empty = new long[quantities];
        Single = depth >= 1 ? new long[Card.DeckSize * quantities] : [];
        Pair = depth >= 2 ? new long[PairCount * quantities] : [];
    }

    private const int PairCount = Card.DeckSize * (Card.DeckSize - 1) / 2;

    public int Quantities { get; }

    public int Depth { get; }

    /// <summary>Sums over all completions.</summary>
    public long[] Empty { get; }

    /// <summary>[card * Q + q]: sums over completions containing the card.</summary>
    public long[] Single { get; }

    /// <summary>[pairIndex * Q + q]: sums over completions containing both cards.</summary>
    public long[] Pair { get; }

    public int One => Quantities - 1;

    public static int Q(int player, int quantity) => player * PerPlayer + quantity;

    private static int PairIndex(int a, int b) => a < b ? a + b * (b - 1) / 2 : b + a * (a - 1) / 2;

    public static SubsetSums Collect(PreparedHand[] hands, Card[] known, Card[] deck, int depth, bool hiLo, ParallelWork parallel,
        Action<double> progress)
    {
        var players = hands.Length;
        var quantities = players * PerPlayer + 1;
        var missing = 5 - known.Length;
        var total = new SubsetSums(quantities, depth);
        // Split the work on the first completion card (or run once when nothing is missing).
        var firsts = missing == 0 ? 1 : deck.Length;
        var locals = parallel.Run(firsts, () => new SubsetSums(quantities, depth), (firstItem, local) =>
        {
            var first = (int)firstItem;
            var board = new Card[5];
            known.CopyTo(board, 0);
            var f = new long[quantities];
            Span<ushort> hi = stackalloc ushort[players];
            Span<ushort> lo = stackalloc ushort[hiLo ? players : 0];
            Span<int> hiUnits = stackalloc int[players];
            Span<int> loUnits = stackalloc int[players];
            Span<int> chosen = stackalloc int[Math.Max(missing, 1)];

            void Visit(Span<ushort> hi, Span<ushort> lo, Span<int> hiUnits, Span<int> loUnits, ReadOnlySpan<int> chosen)
            {
                for (var i = 0; i < missing; i++)
                {
                    board[known.Length + i] = deck[chosen[i]];
                }
                var summary = BoardSummary.Of(board);
                for (var p = 0; p < players; p++)
                {
                    hi[p] = hands[p].High(summary);
                    if (hiLo)
                    {
                        lo[p] = hands[p].Low(summary.LowMask);
                    }
                }
                Showdown.Resolve(hi, lo, hiUnits, loUnits);
                for (var p = 0; p < players; p++)
                {
                    var share = hiUnits[p] + loUnits[p];
                    f[Q(p, ShareQ)] = share;
                    f[Q(p, WinQ)] = share == BoardTally.Pot ? 1 : 0;
                    f[Q(p, ZeroQ)] = share == 0 ? 1 : 0;
                    f[Q(p, HiQ)] = hiUnits[p];
                    f[Q(p, LoQ)] = loUnits[p];
                }
                f[quantities - 1] = 1;
                local.Add(f, chosen, deck);
            }

            if (missing == 0)
            {
                Visit(hi, lo, hiUnits, loUnits, []);
                return;
            }

            // Combinations of `missing` deck indexes whose smallest is `first`.
            chosen[0] = first;
            for (var i = 1; i < missing; i++)
            {
                chosen[i] = first + i;
            }
            if (chosen[missing - 1] >= deck.Length)
            {
                return;
            }
            while (true)
            {
                Visit(hi, lo, hiUnits, loUnits, chosen);
                var pos = missing - 1;
                while (pos >= 1 && chosen[pos] == deck.Length - missing + pos)
                {
                    pos--;
                }
                if (pos < 1)
                {
                    return;
                }
                chosen[pos]++;
                for (var i = pos + 1; i < missing; i++)
                {
                    chosen[i] = chosen[i - 1] + 1;
                }
            }
        }, progress);
        foreach (var local in locals)
        {
            total.Merge(local);
        }
        return total;
    }

    private void Add(ReadOnlySpan<long> f, ReadOnlySpan<int> chosen, Card[] deck)
    {
        var q = Quantities;
        Accumulate(Empty, 0, f);
        if (Depth >= 1)
        {
            for (var i = 0; i < chosen.Length; i++)
            {
                var a = deck[chosen[i]].Index;
                Accumulate(Single, a * q, f);
                if (Depth >= 2)
                {
                    for (var j = i + 1; j < chosen.Length; j++)
                    {
                        Accumulate(Pair, PairIndex(a, deck[chosen[j]].Index) * q, f);
                    }
                }
            }
        }
    }

    private static void Accumulate(long[] target, int offset, ReadOnlySpan<long> f)
    {
        var row = target.AsSpan(offset, f.Length);
        for (var i = 0; i < f.Length; i++)
        {
            row[i] += f[i];
        }
    }

    private void Merge(SubsetSums other)
    {
        Accumulate(Empty, 0, other.Empty);
        for (var i = 0; i < Single.Length; i++)
        {
            Single[i] += other.Single[i];
        }
        for (var i = 0; i < Pair.Length; i++)
        {
            Pair[i] += other.Pair[i];
        }
    }

    /// <summary>Σ over completions c1 of this board and c2 of <paramref name="other"/> sharing no card of
    /// f_q1(c1) · g_q2(c2), by inclusion–exclusion over the shared card sets.</summary>
    public Int128 Disjoint(int q1, SubsetSums other, int q2)
    {
        var q = Quantities;
        Int128 sum = (Int128)Empty[q1] * other.Empty[q2];
        if (Depth >= 1)
        {
            for (var card = 0; card < Card.DeckSize; card++)
            {
                sum -= (Int128)Single[card * q + q1] * other.Single[card * q + q2];
            }
        }
        if (Depth >= 2)
        {
            for (var pair = 0; pair < PairCount; pair++)
            {
                sum += (Int128)Pair[pair * q + q1] * other.Pair[pair * q + q2];
            }
        }
        return sum;
    }
}

/// <summary>The joint sums a double-board result needs, computed once from both boards' subset sums.</summary>
internal sealed class DoubleBoardTotals
{
    public DoubleBoardTotals(int players, SubsetSums board1, SubsetSums board2)
    {
        var one = board1.One;
        Deals = (long)board1.Disjoint(one, board2, one);
        Boards = [new BoardTally(players) { Deals = Deals }, new BoardTally(players) { Deals = Deals }];
        Scoop = new long[players];
        BothZero = new long[players];
        for (var p = 0; p < players; p++)
        {
            for (var b = 0; b < 2; b++)
            {
                var (mine, theirs) = b == 0 ? (board1, board2) : (board2, board1);
                long Marginal(int quantity) => (long)mine.Disjoint(SubsetSums.Q(p, quantity), theirs, one);
                var tally = Boards[b];
                tally.Share[p] = Marginal(SubsetSums.ShareQ);
                tally.Win[p] = Marginal(SubsetSums.WinQ);
                tally.Tie[p] = Deals - Marginal(SubsetSums.ZeroQ) - tally.Win[p];
                tally.Hi[p] = Marginal(SubsetSums.HiQ);
                tally.Lo[p] = Marginal(SubsetSums.LoQ);
            }
            Scoop[p] = (long)board1.Disjoint(SubsetSums.Q(p, SubsetSums.WinQ), board2, SubsetSums.Q(p, SubsetSums.WinQ));
            BothZero[p] = (long)board1.Disjoint(SubsetSums.Q(p, SubsetSums.ZeroQ), board2, SubsetSums.Q(p, SubsetSums.ZeroQ));
        }
    }

    public long Deals { get; }

    public BoardTally[] Boards { get; }

    /// <summary>Joint deals in which the player wins both boards' pots alone.</summary>
    public long[] Scoop { get; }

    /// <summary>Joint deals in which the player wins nothing on either board.</summary>
    public long[] BothZero { get; }
}
