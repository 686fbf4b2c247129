using System.Numerics;

namespace PloSolver.Engine;

/// <summary>
/// Turns a hand pattern into its hands. A hand matches when some of its cards, one per spec, satisfy the specs
/// (ranks, suits, and variables: one letter, one rank or suit; different letters, different ones, and never one
/// written out elsewhere in the pattern); its other cards are free. Simple patterns are counted out kind by kind;
/// the others have their constrained specs dealt by backtracking, interchangeable specs in increasing card order,
/// and every deal is completed with each combination of free cards.
/// </summary>
internal static class PatternExpander
{
    public static RangeValue Expand(Spec[] pattern, int holeCards, ulong dead)
    {
        var available = ~dead & ((1UL << Card.DeckSize) - 1);
        return ExpandByCounts(pattern, holeCards, available) ?? ExpandByDealing(pattern, holeCards, dead);
    }

    /// <summary>
    /// Patterns without variables whose kinds of card do not overlap (as in AA, AAKK, [AK][AK], [A-3][A-3][A-3])
    /// are counted out directly: at least c cards from each kind's card set and the rest from outside them all, so
    /// every hand is made exactly once. Returns null for the patterns this cannot express.
    /// </summary>
    private static RangeValue? ExpandByCounts(Spec[] pattern, int holeCards, ulong available)
    {
        if (pattern.Any(s => s.RankVariable is not null || s.SuitVariable is not null))
        {
            return null;
        }
        var kinds = pattern.Where(s => !s.IsFree).GroupBy(s => (s.Ranks, s.Suits))
            .Select(g => (Cards: CardsOf(g.Key.Ranks, g.Key.Suits) & available, Count: g.Count())).ToArray();
        var union = 0UL;
        foreach (var (cards, _) in kinds)
        {
            if ((union & cards) != 0)
            {
                return null; // overlapping kinds (as in A[AK]): deal them instead
            }
            union |= cards;
        }
        var value = RangeValue.Empty(holeCards);
        var outside = available & ~union;

        void Take(int kind, ulong hand, int left)
        {
            if (kind == kinds.Length)
            {
                Complete(value, hand, outside, left);
                return;
            }
            var (cards, count) = kinds[kind];
            for (var take = count; take <= left; take++)
            {
                foreach (var subset in Combinatorics.SubsetsOfSize(cards, take))
                {
                    Take(kind + 1, hand | subset, left - take);
                }
            }
        }

        Take(0, 0, holeCards);
        return value;
    }

    private static ulong CardsOf(int ranks, int suits)
    {
        var cards = 0UL;
        for (var card = 0; card < Card.DeckSize; card++)
        {
            cards |= (ulong)((ranks >> (card >> 2)) & (suits >> (card & 3)) & 1) << card;
        }
        return cards;
    }

    private static RangeValue ExpandByDealing(Spec[] pattern, int holeCards, ulong dead)
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
        // Variable bindings: rank (or suit) per letter, -1 while unbound, and the mask of bound values. A letter's
        // slot is its position in the alphabet (rank variables are upper case, suit variables w x y z).
        var rankOf = new int[26];
        var suitOf = new int[26];
        Array.Fill(rankOf, -1);
        Array.Fill(suitOf, -1);
        var boundRanks = 0;
        var boundSuits = 0;
        var chosen = new int[constrained.Length];
        // Whether each spec may reuse the previous spec's ordering (interchangeable cards are dealt in order).
        var ordered = new bool[constrained.Length];
        for (var i = 1; i < constrained.Length; i++)
        {
            ordered[i] = Canonical(constrained[i]).SameAs(Canonical(constrained[i - 1]));
        }

        void Deal(int i, ulong hand)
        {
            if (i == constrained.Length)
            {
                Complete(value, hand, available & ~hand, free);
                return;
            }
            var spec = constrained[i];
            var rankSlot = spec.RankVariable is { } rv ? rv - 'A' : -1;
            var suitSlot = spec.SuitVariable is { } sv ? sv - 'a' : -1;
            var ranks = spec.Ranks;
            if (rankSlot >= 0)
            {
                ranks = rankOf[rankSlot] >= 0 ? 1 << rankOf[rankSlot] : ranks & ~explicitRanks & ~boundRanks;
            }
            var suits = spec.Suits;
            if (suitSlot >= 0)
            {
                suits = suitOf[suitSlot] >= 0 ? 1 << suitOf[suitSlot] : suits & ~explicitSuits & ~boundSuits;
            }
            var bindRank = rankSlot >= 0 && rankOf[rankSlot] < 0;
            var bindSuit = suitSlot >= 0 && suitOf[suitSlot] < 0;
            for (var card = ordered[i] ? chosen[i - 1] + 1 : 0; card < Card.DeckSize; card++)
            {
                if ((available >> card & 1) == 0 || (hand >> card & 1) != 0 || (ranks >> (card >> 2) & 1) == 0 || (suits >> (card & 3) & 1) == 0)
                {
                    continue;
                }
                chosen[i] = card;
                if (bindRank)
                {
                    rankOf[rankSlot] = card >> 2;
                    boundRanks |= 1 << (card >> 2);
                }
                if (bindSuit)
                {
                    suitOf[suitSlot] = card & 3;
                    boundSuits |= 1 << (card & 3);
                }
                Deal(i + 1, hand | 1UL << card);
                if (bindRank)
                {
                    rankOf[rankSlot] = -1;
                    boundRanks &= ~(1 << (card >> 2));
                }
                if (bindSuit)
                {
                    suitOf[suitSlot] = -1;
                    boundSuits &= ~(1 << (card & 3));
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
}
