namespace PloSolver.Engine.Tests.Ranges;

/// <summary>
/// The parser's pattern expansion against a slow, direct reading of the rules: a PLO4 hand matches a pattern
/// when some assignment of distinct hand cards to the pattern's cards satisfies every rank, suit and variable
/// (same letter, same rank or suit; different letters, different ones; a variable never equals a rank or suit
/// written out in the pattern).
/// </summary>
public sealed class PatternReferenceTests
{
    [Theory]
    [InlineData("AxAyxy")]
    [InlineData("RxRyOxOy")]
    [InlineData("wxy")]
    [InlineData("AARR")]
    [InlineData("ssxx")]
    [InlineData("KsR")]
    [InlineData("RRON")]
    [InlineData("Q*x*x")]
    [InlineData("[AKQ]sJ")]
    [InlineData("RxOxNx")]
    public void Expansion_matches_the_rules_read_directly(string pattern)
    {
        var range = RangeParser.Parse(pattern, Game.Plo4);
        var specs = ReadPattern(pattern);
        var expected = 0;
        foreach (var hand in AllHands())
        {
            var matches = Matches(specs, hand);
            expected += matches ? 1 : 0;
            if (matches != range.Contains(hand))
            {
                Assert.Fail($"{Card.Format(hand)}: reference says {matches}, parser says {!matches}");
            }
        }
        Assert.Equal(expected, range.Combos);
    }

    private sealed record RefSpec(int? Rank, char? RankVar, int? Suit, char? SuitVar, int[]? RankList);

    // Reads the subset of the syntax used above: ranks, * , [list], upper-case rank variables, suits, suit variables.
    private static List<RefSpec> ReadPattern(string text)
    {
        var specs = new List<RefSpec>();
        var i = 0;
        while (i < text.Length)
        {
            int? rank = null;
            char? rankVar = null;
            int[]? list = null;
            var c = text[i];
            if (c == '[')
            {
                var close = text.IndexOf(']', i);
                list = [.. text[(i + 1)..close].Select(CardParser.RankOf)];
                i = close + 1;
            }
            else if (c == '*')
            {
                i++;
            }
            else if ("AKQJT98765432".Contains(c))
            {
                rank = CardParser.RankOf(c);
                i++;
            }
            else if (char.IsUpper(c))
            {
                rankVar = c;
                i++;
            }
            int? suit = null;
            char? suitVar = null;
            if (i < text.Length && "cdhs".Contains(text[i]))
            {
                suit = "cdhs".IndexOf(text[i]);
                i++;
            }
            else if (i < text.Length && "wxyz".Contains(text[i]))
            {
                suitVar = text[i];
                i++;
            }
            specs.Add(new RefSpec(rank, rankVar, suit, suitVar, list));
        }
        return specs;
    }

    private static IEnumerable<Card[]> AllHands()
    {
        for (var a = 0; a < 52; a++)
        {
            for (var b = a + 1; b < 52; b++)
            {
                for (var c = b + 1; c < 52; c++)
                {
                    for (var d = c + 1; d < 52; d++)
                    {
                        yield return [new Card(a), new Card(b), new Card(c), new Card(d)];
                    }
                }
            }
        }
    }

    private static bool Matches(List<RefSpec> specs, Card[] hand)
    {
        var explicitRanks = specs.Where(s => s.Rank is not null).Select(s => s.Rank!.Value).ToHashSet();
        var explicitSuits = specs.Where(s => s.Suit is not null).Select(s => s.Suit!.Value).ToHashSet();
        foreach (var order in Arrangements(hand.Length, specs.Count))
        {
            var rankOf = new Dictionary<char, int>();
            var suitOf = new Dictionary<char, int>();
            var ok = true;
            for (var i = 0; i < specs.Count && ok; i++)
            {
                var (spec, card) = (specs[i], hand[order[i]]);
                ok = (spec.Rank is null || spec.Rank == card.Rank)
                    && (spec.RankList is null || spec.RankList.Contains(card.Rank))
                    && (spec.Suit is null || spec.Suit == card.Suit);
                if (ok && spec.RankVar is { } rv)
                {
                    ok = rankOf.TryGetValue(rv, out var r) ? r == card.Rank
                        : !explicitRanks.Contains(card.Rank) && !rankOf.ContainsValue(card.Rank);
                    rankOf.TryAdd(rv, card.Rank);
                }
                if (ok && spec.SuitVar is { } sv)
                {
                    ok = suitOf.TryGetValue(sv, out var s) ? s == card.Suit
                        : !explicitSuits.Contains(card.Suit) && !suitOf.ContainsValue(card.Suit);
                    suitOf.TryAdd(sv, card.Suit);
                }
            }
            if (ok)
            {
                return true;
            }
        }
        return false;
    }

    // Every ordered choice of k distinct positions out of n.
    private static IEnumerable<int[]> Arrangements(int n, int k)
    {
        if (k == 0)
        {
            yield return [];
            yield break;
        }
        foreach (var rest in Arrangements(n, k - 1))
        {
            for (var i = 0; i < n; i++)
            {
                if (!rest.Contains(i))
                {
                    yield return [.. rest, i];
                }
            }
        }
    }
}
