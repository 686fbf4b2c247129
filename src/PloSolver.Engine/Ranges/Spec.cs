namespace PloSolver.Engine;

/// <summary>One card of a hand pattern: the ranks and suits it may take, and the variables that tie it to other
/// cards of the pattern (same letter, same rank or suit; different letters, different ones).</summary>
/// <param name="Ranks">13-bit mask of allowed ranks.</param>
/// <param name="IsExplicitRank">Whether the rank was written out (as in A or 9), which spans may move.</param>
/// <param name="RankVariable">Upper-case letter binding the rank, or null.</param>
/// <param name="Suits">4-bit mask of allowed suits.</param>
/// <param name="SuitVariable">w, x, y or z binding the suit, or null.</param>
/// <param name="Position">0-based position in the range text.</param>
internal readonly record struct Spec(int Ranks, bool IsExplicitRank, char? RankVariable, int Suits, char? SuitVariable, int Position)
{
    public const int AllRanks = (1 << 13) - 1;
    public const int AllSuits = 15;

    /// <summary>A card that matches anything and ties to nothing: it can be dealt as a free card.</summary>
    public bool IsFree => Ranks == AllRanks && Suits == AllSuits && RankVariable is null && SuitVariable is null;

    /// <summary>Same constraints (position aside): interchangeable cards, which the expander deals in order.</summary>
    public bool SameAs(in Spec other) =>
        Ranks == other.Ranks && Suits == other.Suits && RankVariable == other.RankVariable && SuitVariable == other.SuitVariable;
}
