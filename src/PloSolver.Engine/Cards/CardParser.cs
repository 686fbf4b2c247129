using System.Diagnostics.CodeAnalysis;

namespace PloSolver.Engine;

/// <summary>
/// Parses card text such as <c>AsKsQhJh</c>, <c>as ks</c>, <c>10h</c> or <c>A♠K♥</c>. Cards may be separated by
/// white space. Every error names the offending token and its 1-based character position.
/// </summary>
public static class CardParser
{
    /// <summary>Parses a list of distinct cards.</summary>
    /// <param name="text">The card text.</param>
    /// <param name="cards">The cards, in the order written.</param>
    /// <param name="error">Why the text is not a list of distinct cards.</param>
    public static bool TryParse(string? text, out Card[] cards, [NotNullWhen(false)] out string? error)
    {
        cards = [];
        error = null;
        if (text is null)
        {
            error = "no cards given";
            return false;
        }

        var parsed = new List<Card>(8);
        var positions = new List<int>(8);
        var seen = 0UL;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            int rank;
            if (c == '1' && i + 1 < text.Length && text[i + 1] == '0')
            {
                rank = 8;
                i += 2;
            }
            else
            {
                rank = RankOf(c);
                if (rank < 0)
                {
                    error = $"'{c}' at position {start + 1} is not a rank (expected one of 2-9, T, J, Q, K, A or 10)";
                    return false;
                }
                i++;
            }

            if (i >= text.Length || char.IsWhiteSpace(text[i]))
            {
                error = $"'{text[start..i]}' at position {start + 1} has no suit (expected s, h, d, c or ♠ ♥ ♦ ♣)";
                return false;
            }

            var suit = SuitOf(text[i]);
            if (suit < 0)
            {
                error = $"'{text[i]}' at position {i + 1} is not a suit (expected s, h, d, c or ♠ ♥ ♦ ♣)";
                return false;
            }
            i++;

            var card = new Card(rank, suit);
            if ((seen & card.Mask) != 0)
            {
                var first = positions[parsed.IndexOf(card)];
                error = $"{card} at position {start + 1} is a duplicate (already at position {first + 1})";
                return false;
            }
            seen |= card.Mask;
            parsed.Add(card);
            positions.Add(start);
        }

        cards = [.. parsed];
        return true;
    }

    /// <summary>Parses a list of distinct cards or throws <see cref="FormatException"/> with the reason.</summary>
    public static Card[] Parse(string text) =>
        TryParse(text, out var cards, out var error) ? cards : throw new FormatException(error);

    /// <summary>Parses one card (<c>As</c>, <c>10h</c>, <c>K♦</c>).</summary>
    public static Card ParseCard(string text)
    {
        var cards = Parse(text);
        return cards.Length == 1 ? cards[0] : throw new FormatException($"'{text}' is {cards.Length} cards, expected one");
    }

    /// <summary>0..12 for a rank character (either case), -1 otherwise.</summary>
    internal static int RankOf(char c) => char.ToUpperInvariant(c) switch
    {
        >= '2' and <= '9' => c - '2',
        'T' => 8,
        'J' => 9,
        'Q' => 10,
        'K' => 11,
        'A' => 12,
        _ => -1,
    };

    /// <summary>0..3 for a suit letter (either case) or symbol, -1 otherwise.</summary>
    internal static int SuitOf(char c) => c switch
    {
        'c' or 'C' or '♣' or '♧' => 0,
        'd' or 'D' or '♦' or '♢' => 1,
        'h' or 'H' or '♥' or '♡' => 2,
        's' or 'S' or '♠' or '♤' => 3,
        _ => -1,
    };
}
