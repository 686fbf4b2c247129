namespace PloSolver.Engine;

/// <summary>
/// Display order, player-facing labels and stable machine names (camelCase, for JSON) of
/// <see cref="MadeHandClass"/> and <see cref="DrawKind"/>. A range breakdown counts each hand in exactly one made
/// class and in every draw kind it has (draw buckets overlap; a nut flush draw is also a flush draw).
/// </summary>
public static class HandCategories
{
    /// <summary>Every made-hand class, strongest first (the display order).</summary>
    public static IReadOnlyList<MadeHandClass> MadeClasses { get; } =
    [
        MadeHandClass.StraightFlush, MadeHandClass.Quads, MadeHandClass.FullHouse, MadeHandClass.Flush,
        MadeHandClass.Straight, MadeHandClass.Set, MadeHandClass.Trips, MadeHandClass.TopTwoPair,
        MadeHandClass.TwoPair, MadeHandClass.Overpair, MadeHandClass.TopPair, MadeHandClass.SecondPair,
        MadeHandClass.WeakPair, MadeHandClass.NoMadeHand,
    ];

    /// <summary>Every single draw kind (no <see cref="DrawKind.None"/>, no combinations), in display order.</summary>
    public static IReadOnlyList<DrawKind> DrawKinds { get; } =
    [
        DrawKind.NutFlushDraw, DrawKind.FlushDraw, DrawKind.Wrap, DrawKind.OpenEnded, DrawKind.Gutshot,
        DrawKind.BackdoorFlushDraw, DrawKind.BackdoorStraightDraw,
    ];

    /// <summary>A short label for players: "Top two pair", "Overpair", "No made hand".</summary>
    public static string Label(MadeHandClass made) => made switch
    {
        MadeHandClass.StraightFlush => "Straight flush",
        MadeHandClass.Quads => "Quads",
        MadeHandClass.FullHouse => "Full house",
        MadeHandClass.Flush => "Flush",
        MadeHandClass.Straight => "Straight",
        MadeHandClass.Set => "Set",
        MadeHandClass.Trips => "Trips",
        MadeHandClass.TopTwoPair => "Top two pair",
        MadeHandClass.TwoPair => "Two pair",
        MadeHandClass.Overpair => "Overpair",
        MadeHandClass.TopPair => "Top pair",
        MadeHandClass.SecondPair => "Second pair",
        MadeHandClass.WeakPair => "Weak pair",
        MadeHandClass.NoMadeHand => "No made hand",
        _ => throw new ArgumentOutOfRangeException(nameof(made)),
    };

    /// <summary>The stable machine name for JSON: "topTwo", "overpair", "noMadeHand".</summary>
    public static string Name(MadeHandClass made) => made switch
    {
        MadeHandClass.StraightFlush => "straightFlush",
        MadeHandClass.Quads => "quads",
        MadeHandClass.FullHouse => "fullHouse",
        MadeHandClass.Flush => "flush",
        MadeHandClass.Straight => "straight",
        MadeHandClass.Set => "set",
        MadeHandClass.Trips => "trips",
        MadeHandClass.TopTwoPair => "topTwo",
        MadeHandClass.TwoPair => "twoPair",
        MadeHandClass.Overpair => "overpair",
        MadeHandClass.TopPair => "topPair",
        MadeHandClass.SecondPair => "secondPair",
        MadeHandClass.WeakPair => "weakPair",
        MadeHandClass.NoMadeHand => "noMadeHand",
        _ => throw new ArgumentOutOfRangeException(nameof(made)),
    };

    /// <summary>A short label for players of one draw kind: "Nut flush draw", "Wrap", "Gutshot".</summary>
    public static string Label(DrawKind draw) => draw switch
    {
        DrawKind.NutFlushDraw => "Nut flush draw",
        DrawKind.FlushDraw => "Flush draw",
        DrawKind.Wrap => "Wrap",
        DrawKind.OpenEnded => "Open-ended straight draw",
        DrawKind.Gutshot => "Gutshot",
        DrawKind.BackdoorFlushDraw => "Backdoor flush draw",
        DrawKind.BackdoorStraightDraw => "Backdoor straight draw",
        _ => throw new ArgumentOutOfRangeException(nameof(draw), "expected one draw kind"),
    };

    /// <summary>The stable machine name for JSON of one draw kind: "nutFlushDraw", "wrap", "gutshot".</summary>
    public static string Name(DrawKind draw) => draw switch
    {
        DrawKind.NutFlushDraw => "nutFlushDraw",
        DrawKind.FlushDraw => "flushDraw",
        DrawKind.Wrap => "wrap",
        DrawKind.OpenEnded => "openEnded",
        DrawKind.Gutshot => "gutshot",
        DrawKind.BackdoorFlushDraw => "backdoorFlushDraw",
        DrawKind.BackdoorStraightDraw => "backdoorStraightDraw",
        _ => throw new ArgumentOutOfRangeException(nameof(draw), "expected one draw kind"),
    };
}
