using System.Numerics;

namespace PloSolver.Engine;

/// <summary>
/// Turns a hand pattern into its hands. A hand matches when some of its cards, one per spec, satisfy the specs
/// (ranks, suits, and variables: one letter, one rank or suit; different letters, different ones, and never one
/// written out elsewhere in the pattern); its other cards are free. The constrained specs are dealt by
/// backtracking, interchangeable specs in increasing card order, and every deal is completed with each
/// combination of free cards.
/// </summary>
internal static class PatternExpander
{
    public static RangeValue Expand(Spec[] pattern, int holeCards, ulong dead)
    {
        var value = RangeValue.Empty(holeCards);
        // A variable used once constrains only its own card, so cards that differ only in such variables are
        // interchangeable (as in wxy, or O and N in RRON): rename those variables alike for sorting and matching.
        var uses = pattern.SelectMany(s => new[] { s.RankVariable, s.SuitVariable }).OfType<char>()
            .GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        Spec Canonical(Spec spec) => spec with
        {
            RankVariable = spec.RankVariable is { } r && uses[r] == 1 ? '?' : spec.RankVariable,
            SuitVariable = spec.SuitVariable is { } s && uses[s] == 1 ? '?' : spec.SuitVariable,
        };
        var constrained = pattern.Where(s => !s.IsFree)
            .OrderBy(s => s.Ranks).ThenBy(s => s.Suits).ThenBy(s => Canonical(s).RankVariable).ThenBy(s => Canonical(s).SuitVariable).ToArray();
        var free = holeCards - constrained.Length;
        var explicitRanks = 0;
        var explicitSuits = 0;
        foreach (var spec in pattern)
        {
            explicitRanks |= spec.IsExplicitRank ? spec.Ranks : 0;
            explicitSuits |= spec.SuitVariable is null && spec.Suits != Spec.AllSuits ? spec.Suits : 0;
        }
        var available = ~dead & ((1UL << Card.DeckSize) - 1);
        var rankOf = new Dictionary<char, int>();
        var suitOf = new Dictionary<char, int>();
        var chosen = new int[constrained.Length];

        void Deal(int i, ulong hand)
        {
            if (i == constrained.Length)
            {
                Complete(value, hand, available & ~hand, free);
                return;
            }
            var spec = constrained[i];
            var ranks = spec.Ranks;
            if (spec.RankVariable is { } rankVariable)
            {
                ranks = rankOf.TryGetValue(rankVariable, out var rank) ? 1 << rank : ranks & ~explicitRanks & ~BoundMask(rankOf);
            }
            var suits = spec.Suits;
            if (spec.SuitVariable is { } suitVariable)
            {
                suits = suitOf.TryGetValue(suitVariable, out var suit) ? 1 << suit : suits & ~explicitSuits & ~BoundMask(suitOf);
            }
            // Interchangeable specs take their cards in increasing order, so each set is dealt once.
            var from = i > 0 && Canonical(spec).SameAs(Canonical(constrained[i - 1])) ? chosen[i - 1] + 1 : 0;
            for (var card = from; card < Card.DeckSize; card++)
            {
                if ((available >> card & 1) == 0 || (hand >> card & 1) != 0 || (ranks >> (card >> 2) & 1) == 0 || (suits >> (card & 3) & 1) == 0)
                {
                    continue;
                }
                chosen[i] = card;
                var bindRank = spec.RankVariable is { } r && !rankOf.ContainsKey(r);
                var bindSuit = spec.SuitVariable is { } s && !suitOf.ContainsKey(s);
                if (bindRank)
                {
                    rankOf[spec.RankVariable!.Value] = card >> 2;
                }
                if (bindSuit)
                {
                    suitOf[spec.SuitVariable!.Value] = card & 3;
                }
                Deal(i + 1, hand | 1UL << card);
                if (bindRank)
                {
                    rankOf.Remove(spec.RankVariable!.Value);
                }
                if (bindSuit)
                {
                    suitOf.Remove(spec.SuitVariable!.Value);
                }
            }
        }

        Deal(0, 0);
        return value;
    }

    // Adds the hand completed with every combination of `free` cards from `cards` (highest card first).
    private static void Complete(RangeValue value, ulong hand, ulong cards, int free)
    {
        if (free == 0)
        {
            value.Add(hand);
            return;
        }
        for (var rest = cards; BitOperations.PopCount(rest) >= free; rest &= ~(1UL << (63 - BitOperations.LeadingZeroCount(rest))))
        {
            var top = 1UL << (63 - BitOperations.LeadingZeroCount(rest));
            Complete(value, hand | top, rest & (top - 1), free - 1);
        }
    }

    private static int BoundMask(Dictionary<char, int> bindings)
    {
        var mask = 0;
        foreach (var value in bindings.Values)
        {
            mask |= 1 << value;
        }
        return mask;
    }
}
