namespace PloSolver.Engine;

/// <summary>The Omaha variant, named by its number of hole cards.</summary>
public enum Game
{
    /// <summary>Pot-Limit Omaha with four hole cards.</summary>
    Plo4 = 4,

    /// <summary>Five-card PLO.</summary>
    Plo5 = 5,

    /// <summary>Six-card PLO.</summary>
    Plo6 = 6,
}

/// <summary>Names and hole-card counts of <see cref="Game"/>.</summary>
public static class Games
{
    /// <summary>Hole cards dealt to each player.</summary>
    public static int HoleCards(this Game game) => (int)game;

    /// <summary>Parses <c>plo4</c>, <c>plo5</c>, <c>plo6</c> (any case; <c>plo</c> and <c>omaha</c> mean PLO4).</summary>
    public static bool TryParse(string? text, out Game game)
    {
        game = Game.Plo4;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "plo4" or "plo" or "omaha" or "4":
                game = Game.Plo4;
                return true;
            case "plo5" or "5":
                game = Game.Plo5;
                return true;
            case "plo6" or "6":
                game = Game.Plo6;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The lower-case name used in requests and output: <c>plo4</c>, <c>plo5</c>, <c>plo6</c>.</summary>
    public static string Name(this Game game) => game switch
    {
        Game.Plo4 => "plo4",
        Game.Plo5 => "plo5",
        Game.Plo6 => "plo6",
        _ => throw new ArgumentOutOfRangeException(nameof(game)),
    };
}
