using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace PloSolver.Engine;

/// <summary>Why a range text is not a range, and where: a 1-based character position.</summary>
/// <param name="Position">1-based position of the offending character (the start of the text for an empty range).</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record RangeError(int Position, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Message} (at position {Position})";
}

/// <summary>
/// Parses the Omaha range language (docs/ranges.md): hand patterns of ranks, suits, <c>*</c>, rank variables and
/// suit variables, rank lists and spans, the qualifiers <c>$ds</c>, <c>$ss</c>, <c>$rb</c> and <c>$mono</c>,
/// <c>,</c> (union), <c>:</c> (intersection), <c>!</c> (exclusion), parentheses and <c>@</c> weights.
/// </summary>
public static class RangeParser
{
    /// <summary>Longest range text accepted.</summary>
    public const int MaxLength = 2000;

    /// <summary>Deepest nesting of parentheses accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>Parses a range for a game, leaving out every hand that holds one of the
    /// <paramref name="deadCards"/> (board and dead cards).</summary>
    public static bool TryParse(string? text, Game game, ulong deadCards, [NotNullWhen(true)] out HandRange? range, [NotNullWhen(false)] out RangeError? error)
    {
        range = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new RangeError(1, "the range is empty");
            return false;
        }
        if (text.Length > MaxLength)
        {
            error = new RangeError(MaxLength + 1, $"a range is at most {MaxLength} characters");
            return false;
        }
        var parser = new Parser(text, game, deadCards);
        if (!parser.TryParse(out var value, out error))
        {
            return false;
        }
        if (value.IsEmpty)
        {
            error = new RangeError(1, deadCards == 0 ? "the range matches no hand" : "the range matches no hand once the known cards (board, dead cards, other hands) are removed");
            return false;
        }
        range = new HandRange(game, value.Bits, value.Weights);
        return true;
    }

    /// <summary>Parses a range or throws <see cref="FormatException"/> with the error.</summary>
    public static HandRange Parse(string text, Game game, ulong deadCards = 0) =>
        TryParse(text, game, deadCards, out var range, out var error) ? range : throw new FormatException(error.ToString());

    private sealed class Failure(RangeError error) : Exception(error.Message)
    {
        public RangeError Error { get; } = error;
    }

    /// <summary>Recursive descent over the text; evaluation happens as terms are parsed.</summary>
    private sealed class Parser(string text, Game game, ulong dead)
    {
        private readonly int _holeCards = game.HoleCards();
        private int _position;
        private int _depth;

        public bool TryParse([NotNullWhen(true)] out RangeValue? value, [NotNullWhen(false)] out RangeError? error)
        {
            try
            {
                value = Union();
                SkipSpace();
                if (_position < text.Length)
                {
                    throw Fail(_position, $"unexpected '{text[_position]}': expected ',', ':', '!', '@' or the end of the range");
                }
                error = null;
                return true;
            }
            catch (Failure failure)
            {
                value = null;
                error = failure.Error;
                return false;
            }
        }

        private static Failure Fail(int index, string message) => new(new RangeError(index + 1, message));

        private void SkipSpace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private bool Accept(char c)
        {
            SkipSpace();
            if (_position < text.Length && text[_position] == c)
            {
                _position++;
                return true;
            }
            return false;
        }

        // union := intersection (',' intersection)*
        private RangeValue Union()
        {
            var value = Intersection();
            while (Accept(','))
            {
                value = value.Union(Intersection());
            }
            return value;
        }

        // intersection := weighted ((':' | '!') weighted)*   (left to right)
        private RangeValue Intersection()
        {
            var value = Weighted();
            while (true)
            {
                if (Accept(':'))
                {
                    value = Operand(out var qualifier) is { } set ? value.Intersect(set) : value.Filter(qualifier!, keep: true);
                }
                else if (Accept('!'))
                {
                    value = Operand(out var qualifier) is { } set ? value.Except(set) : value.Filter(qualifier!, keep: false);
                }
                else
                {
                    return value;
                }
            }
        }

        // The right side of ':' or '!': a qualifier filters without being expanded into a set.
        private RangeValue? Operand(out Func<ulong, bool>? qualifier)
        {
            SkipSpace();
            var start = _position;
            if (TryQualifier(out qualifier))
            {
                if (Accept('@'))
                {
                    throw Fail(_position - 1, "a qualifier such as $ds takes no weight; weigh the hands it filters instead");
                }
                return null;
            }
            _position = start;
            qualifier = null;
            return Weighted();
        }

        // weighted := primary ('@' number)?
        private RangeValue Weighted()
        {
            var value = Primary();
            if (Accept('@'))
            {
                SkipSpace();
                var start = _position;
                while (_position < text.Length && char.IsAsciiDigit(text[_position]))
                {
                    _position++;
                }
                if (start == _position || !int.TryParse(text.AsSpan(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture, out var weight)
                    || weight is < 1 or > 100)
                {
                    throw Fail(start, "expected a weight from 1 to 100 (percent) after '@'");
                }
                value = value.WithWeight(weight);
            }
            return value;
        }

        // primary := '(' union ')' | qualifier | pattern span
        private RangeValue Primary()
        {
            SkipSpace();
            if (_position >= text.Length)
            {
                throw Fail(_position, "unexpected end: expected a hand pattern, a qualifier or '('");
            }
            var start = _position;
            if (Accept('('))
            {
                if (++_depth > MaxDepth)
                {
                    throw Fail(start, $"parentheses nest more than {MaxDepth} deep");
                }
                var inner = Union();
                _depth--;
                if (!Accept(')'))
                {
                    throw Fail(_position, $"expected ')' to close the '(' at position {start + 1}");
                }
                return inner;
            }
            if (TryQualifier(out var qualifier))
            {
                return RangeValue.FromPredicate(_holeCards, dead, qualifier!);
            }
            _position = start;
            if (TryPercent(out var percent))
            {
                return percent;
            }
            return PatternSpan();
        }

        // percent := number '%' ('-' number '%')?   the top N% of the preflop ranking, or the slice from A% to B%
        private bool TryPercent([NotNullWhen(true)] out RangeValue? value)
        {
            value = null;
            var start = _position;
            if (!TryNumberBeforePercent(out var first))
            {
                _position = start;
                return false;
            }
            var (from, to) = (0.0, first);
            if (_position < text.Length && text[_position] == '-')
            {
                _position++;
                var secondStart = _position;
                if (!TryNumberBeforePercent(out var second))
                {
                    throw Fail(secondStart, "expected a percentage such as 20% after '-'");
                }
                if (second <= first)
                {
                    throw Fail(secondStart, $"a slice A%-B% needs A below B: {first}% is not below {second}%");
                }
                (from, to) = (first, second);
            }
            if (PreflopRanking.For(game) is not { } ranking)
            {
                throw Fail(start, $"N% ranges need a preflop ranking, which exists for {string.Join(" and ", PreflopRanking.Available.Select(Games.Name))}, not {Games.Name(game)}");
            }
            value = RangeValue.Empty(_holeCards);
            ranking.Select(from, to, value.Bits);
            value.RemoveHandsWith(dead);
            return true;
        }

        // A number from 0 to 100 (decimals allowed) directly followed by '%'; false, without consuming, otherwise.
        private bool TryNumberBeforePercent(out double number)
        {
            number = 0;
            var start = _position;
            var end = start;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
            {
                end++;
            }
            if (end == start || end >= text.Length || text[end] != '%')
            {
                return false;
            }
            if (!double.TryParse(text.AsSpan(start, end - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
                || number is < 0 or > 100)
            {
                throw Fail(start, "a percentage is a number from 0 to 100, such as 15% or 2.5%");
            }
            _position = end + 1;
            return true;
        }

        // Qualifiers: $ds, $ss, $rb, $mono, also written ds, ss, rainbow, monotone when they make up the whole operand.
        private bool TryQualifier(out Func<ulong, bool>? qualifier)
        {
            qualifier = null;
            var start = _position;
            var dollar = _position < text.Length && text[_position] == '$';
            var wordStart = dollar ? _position + 1 : _position;
            var end = wordStart;
            while (end < text.Length && char.IsAsciiLetter(text[end]))
            {
                end++;
            }
            // After '$' any case; a bare word only in lower case (upper-case letters are rank variables: SS is a pair).
            var word = dollar ? text[wordStart..end].ToLowerInvariant() : text[wordStart..end];
            var bare = !dollar && (end == text.Length || !char.IsAsciiLetterOrDigit(text[end]) && text[end] != '*' && text[end] != '[');
            qualifier = word switch
            {
                // Double-suited: two suits of exactly two cards, none bigger; single-suited: one such suit.
                "ds" when dollar || bare => mask => SuitShape(mask) is (2, 2),
                "ss" when dollar || bare => mask => SuitShape(mask) is (1, 2),
                "rb" or "rainbow" when dollar || bare => mask => SuitShape(mask).Largest == 1,
                "mono" or "monotone" when dollar || bare => mask => SuitShape(mask).Largest == BitOperations.PopCount(mask),
                _ => null,
            };
            if (qualifier is null)
            {
                if (dollar)
                {
                    throw Fail(start, $"unknown qualifier '${text[wordStart..end]}': expected $ds, $ss, $rb or $mono");
                }
                return false;
            }
            _position = end;
            return true;
        }

        // (suits holding exactly two cards, the most cards in one suit)
        private static (int TwoCardSuits, int Largest) SuitShape(ulong mask)
        {
            const ulong clubs = 0x1111_1111_1111_1UL;
            int twoCardSuits = 0, largest = 0;
            for (var suit = 0; suit < 4; suit++)
            {
                var count = BitOperations.PopCount(mask & (clubs << suit));
                largest = Math.Max(largest, count);
                twoCardSuits += count == 2 ? 1 : 0;
            }
            return (twoCardSuits, largest);
        }

        // span := pattern ('-' pattern | '+' | '-')?
        private RangeValue PatternSpan()
        {
            var start = _position;
            var first = Pattern();
            if (_position < text.Length && text[_position] == '+')
            {
                _position++;
                return Expand(Shifts(first, start, up: true));
            }
            if (_position < text.Length && text[_position] == '-')
            {
                _position++;
                if (_position < text.Length && IsPatternStart(text[_position]))
                {
                    var secondStart = _position;
                    var second = Pattern();
                    return Expand(Between(first, second, start, secondStart));
                }
                return Expand(Shifts(first, start, up: false));
            }
            return Expand([first]);
        }

        private RangeValue Expand(IEnumerable<Spec[]> patterns)
        {
            var value = RangeValue.Empty(_holeCards);
            foreach (var pattern in patterns)
            {
                value = value.Union(PatternExpander.Expand(pattern, _holeCards, dead));
            }
            return value;
        }

        private static bool IsPatternStart(char c) =>
            c is '*' or '[' || CardParser.RankOf(c) >= 0 || SuitLetter(c) >= 0 || SuitVariable(c) >= 0 || char.IsAsciiLetterUpper(c);

        // The patterns of "P+" / "P-": every explicit rank moves up (or down) together, one step at a time.
        private static IEnumerable<Spec[]> Shifts(Spec[] pattern, int start, bool up)
        {
            if (!pattern.Any(s => s.IsExplicitRank))
            {
                throw Fail(start, "'+' and '-' need a pattern with explicit ranks, such as TT+ or KQ-");
            }
            for (var shift = 0; ; shift++)
            {
                var moved = Shift(pattern, up ? shift : -shift);
                if (moved is null)
                {
                    yield break;
                }
                yield return moved;
            }
        }

        // The patterns of "P1-P2": P2 is P1 with every explicit rank moved by the same number of steps.
        private static IEnumerable<Spec[]> Between(Spec[] first, Spec[] second, int firstStart, int secondStart)
        {
            if (first.Length != second.Length)
            {
                throw Fail(secondStart, $"a span joins patterns of the same length: {first.Length} cards before '-', {second.Length} after");
            }
            int? steps = null;
            for (var i = 0; i < first.Length; i++)
            {
                var (a, b) = (first[i], second[i]);
                if (a.IsExplicitRank != b.IsExplicitRank || a.Suits != b.Suits || a.SuitVariable != b.SuitVariable || a.RankVariable != b.RankVariable
                    || (!a.IsExplicitRank && a.Ranks != b.Ranks))
                {
                    throw Fail(secondStart, "the two ends of a span must differ only in their explicit ranks");
                }
                if (a.IsExplicitRank)
                {
                    var delta = BitOperations.TrailingZeroCount(b.Ranks) - BitOperations.TrailingZeroCount(a.Ranks);
                    if (steps is { } s && s != delta)
                    {
                        throw Fail(secondStart, "every explicit rank of a span must move by the same number of steps (as in AA-TT or KQ-J9)");
                    }
                    steps = delta;
                }
            }
            if (steps is null)
            {
                throw Fail(firstStart, "a span needs explicit ranks, as in AA-TT");
            }
            var direction = Math.Sign(steps.Value);
            for (var shift = 0; ; shift += direction)
            {
                yield return Shift(first, shift)!;
                if (shift == steps.Value)
                {
                    yield break;
                }
            }
        }

        private static Spec[]? Shift(Spec[] pattern, int steps)
        {
            var moved = new Spec[pattern.Length];
            for (var i = 0; i < pattern.Length; i++)
            {
                var spec = pattern[i];
                if (!spec.IsExplicitRank)
                {
                    moved[i] = spec;
                    continue;
                }
                var rank = BitOperations.TrailingZeroCount(spec.Ranks) + steps;
                if (rank is < 0 or > 12)
                {
                    return null;
                }
                moved[i] = spec with { Ranks = 1 << rank };
            }
            return moved;
        }

        // pattern := spec+   (a spec is a rank part, a suit part, or both)
        private Spec[] Pattern()
        {
            SkipSpace();
            var start = _position;
            var specs = new List<Spec>();
            while (_position < text.Length)
            {
                var c = text[_position];
                var specStart = _position;
                int ranks;
                char? rankVariable = null;
                var explicitRank = false;
                if (c == '*')
                {
                    ranks = Spec.AllRanks;
                    _position++;
                }
                else if (c == '[')
                {
                    ranks = RankList();
                }
                else if (c == '1' && _position + 1 < text.Length && text[_position + 1] == '0')
                {
                    ranks = 1 << 8;
                    explicitRank = true;
                    _position += 2;
                }
                else if (CardParser.RankOf(c) >= 0 && (char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || SuitLetter(c) < 0 && SuitVariable(c) < 0))
                {
                    ranks = 1 << CardParser.RankOf(c);
                    explicitRank = true;
                    _position++;
                }
                else if (char.IsAsciiLetterUpper(c))
                {
                    ranks = Spec.AllRanks;
                    rankVariable = c;
                    _position++;
                }
                else if (SuitLetter(c) >= 0 || SuitVariable(c) >= 0)
                {
                    ranks = Spec.AllRanks; // a suit alone: any rank of that suit
                }
                else
                {
                    break;
                }

                var suits = Spec.AllSuits;
                char? suitVariable = null;
                if (_position < text.Length && SuitLetter(text[_position]) >= 0)
                {
                    suits = 1 << SuitLetter(text[_position]);
                    _position++;
                }
                else if (_position < text.Length && SuitVariable(text[_position]) >= 0)
                {
                    suitVariable = text[_position];
                    _position++;
                }
                specs.Add(new Spec(ranks, explicitRank, rankVariable, suits, suitVariable, specStart));
                if (specs.Count > _holeCards)
                {
                    throw Fail(specStart, $"a {game.Name()} hand has {_holeCards} cards; this pattern asks for more");
                }
            }
            if (specs.Count == 0)
            {
                throw Fail(start, start < text.Length
                    ? $"unexpected '{text[start]}': expected a hand pattern (ranks AKQJT98765432, suits shdc, *, x y z w, R O N …), a qualifier or '('"
                    : "unexpected end: expected a hand pattern");
            }
            return [.. specs];
        }

        // '[' rank (','? rank | rank '-' rank)* ']'
        private int RankList()
        {
            var open = _position;
            _position++;
            var ranks = 0;
            while (true)
            {
                if (_position >= text.Length)
                {
                    throw Fail(open, "'[' is never closed: expected ranks and ']'");
                }
                var c = text[_position];
                if (c == ']')
                {
                    _position++;
                    break;
                }
                if (c is ',' or ' ')
                {
                    _position++;
                    continue;
                }
                var low = RankAt();
                if (low < 0)
                {
                    throw Fail(_position, $"'{c}' is not a rank: a list in [ ] holds ranks such as [AKQ] or [A-T]");
                }
                if (_position < text.Length && text[_position] == '-')
                {
                    _position++;
                    var high = RankAt();
                    if (high < 0)
                    {
                        throw Fail(_position, "expected a rank after '-' in a rank list");
                    }
                    for (var r = Math.Min(low, high); r <= Math.Max(low, high); r++)
                    {
                        ranks |= 1 << r;
                    }
                }
                else
                {
                    ranks |= 1 << low;
                }
            }
            if (ranks == 0)
            {
                throw Fail(open, "an empty rank list '[]' matches no card");
            }
            return ranks;
        }

        // The rank at the cursor (a rank character or "10"), consumed; -1 (nothing consumed) when there is none.
        private int RankAt()
        {
            if (_position + 1 < text.Length && text[_position] == '1' && text[_position + 1] == '0')
            {
                _position += 2;
                return 8;
            }
            var rank = _position < text.Length ? CardParser.RankOf(text[_position]) : -1;
            if (rank >= 0)
            {
                _position++;
            }
            return rank;
        }

        private static int SuitLetter(char c) => c switch
        {
            'c' => 0,
            'd' => 1,
            'h' => 2,
            's' => 3,
            _ => -1,
        };

        private static int SuitVariable(char c) => c is 'w' or 'x' or 'y' or 'z' ? c - 'w' : -1;
    }
}
