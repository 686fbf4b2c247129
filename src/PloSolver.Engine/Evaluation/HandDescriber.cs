namespace PloSolver.Engine;

/// <summary>Readable descriptions of hand values: "Straight, nine high", "Two pair, aces and kings".</summary>
internal static class HandDescriber
{
    private static readonly string[] Singular =
        ["deuce", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "jack", "queen", "king", "ace"];

    private static readonly string[] Plural =
        ["deuces", "threes", "fours", "fives", "sixes", "sevens", "eights", "nines", "tens", "jacks", "queens", "kings", "aces"];

    public static string Describe(ushort value)
    {
        if (value is 0 or > HandValue.DistinctValues)
        {
            return "no hand";
        }
        var key = FiveCardTables.KeyOfValue[value];
        int R(int i) => (key >> (16 - 4 * i)) & 15;
        return (HandCategory)(key >> 20) switch
        {
            HandCategory.StraightFlush when R(0) == 12 => "Royal flush",
            HandCategory.StraightFlush => $"Straight flush, {Singular[R(0)]} high",
            HandCategory.FourOfAKind => $"Four of a kind, {Plural[R(0)]}",
            HandCategory.FullHouse => $"Full house, {Plural[R(0)]} full of {Plural[R(1)]}",
            HandCategory.Flush => $"Flush, {Singular[R(0)]} high",
            HandCategory.Straight => $"Straight, {Singular[R(0)]} high",
            HandCategory.ThreeOfAKind => $"Three of a kind, {Plural[R(0)]}",
            HandCategory.TwoPair => $"Two pair, {Plural[R(0)]} and {Plural[R(1)]}",
            HandCategory.OnePair => $"Pair of {Plural[R(0)]}",
            _ => $"High card, {Singular[R(0)]}",
        };
    }
}
