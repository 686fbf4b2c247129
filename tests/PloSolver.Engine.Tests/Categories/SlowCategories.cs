namespace PloSolver.Engine.Tests.Categories;

/// <summary>
/// Brute-force answers for hand categories: every five of exactly two hole cards and three board cards,
/// evaluated one by one with <see cref="HandEvaluator.High"/>.
/// </summary>
internal static class SlowCategories
{
    /// <summary>Whether some two hole cards and three board cards, as five cards, have a category that
    /// <paramref name="wanted"/> accepts.</summary>
    public static bool AnyFive(ReadOnlySpan<Card> hole, ReadOnlySpan<Card> board, Func<HandCategory, bool> wanted)
    {
        Span<Card> five = stackalloc Card[5];
        for (var i = 0; i < hole.Length; i++)
        {
            for (var j = i + 1; j < hole.Length; j++)
            {
                for (var a = 0; a < board.Length; a++)
                {
                    for (var b = a + 1; b < board.Length; b++)
                    {
                        for (var c = b + 1; c < board.Length; c++)
                        {
                            five[0] = hole[i];
                            five[1] = hole[j];
                            five[2] = board[a];
                            five[3] = board[b];
                            five[4] = board[c];
                            if (wanted(HandEvaluator.High(five).Category))
                            {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        return false;
    }

    /// <summary>Five consecutive ranks with two hole cards (a straight flush counts: its five are a straight).</summary>
    public static bool MakesStraight(ReadOnlySpan<Card> hole, ReadOnlySpan<Card> board) =>
        AnyFive(hole, board, c => c is HandCategory.Straight or HandCategory.StraightFlush);

    /// <summary>Five cards of one suit with two hole cards.</summary>
    public static bool MakesFlush(ReadOnlySpan<Card> hole, ReadOnlySpan<Card> board) =>
        AnyFive(hole, board, c => c is HandCategory.Flush or HandCategory.StraightFlush);

    /// <summary>The best hand of exactly two hole cards and three board cards.</summary>
    public static HandValue TwoCardValue(Card a, Card b, ReadOnlySpan<Card> board)
    {
        var best = new HandValue(0);
        Span<Card> five = stackalloc Card[5];
        five[0] = a;
        five[1] = b;
        for (var i = 0; i < board.Length; i++)
        {
            for (var j = i + 1; j < board.Length; j++)
            {
                for (var k = j + 1; k < board.Length; k++)
                {
                    five[2] = board[i];
                    five[3] = board[j];
                    five[4] = board[k];
                    var value = HandEvaluator.High(five);
                    best = value > best ? value : best;
                }
            }
        }
        return best;
    }

    /// <summary>The cards of the deck in neither mask.</summary>
    public static Card[] Unseen(ulong hero, ulong board) =>
        [.. TestCards.Deck().Where(c => ((hero | board) & c.Mask) == 0)];
}
