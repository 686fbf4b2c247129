namespace PloSolver.Engine;

/// <summary>
/// The draws of an Omaha hand on a flop or turn (none on a river), as flags: a hand can hold several. A draw is
/// reported only when completing it would improve the hand's category (straight draws for hands below a straight,
/// flush draws for hands below a flush). <see cref="HandCategories.DrawKinds"/> lists them in display order.
/// </summary>
[Flags]
public enum DrawKind
{
    /// <summary>No draw.</summary>
    None = 0,

    /// <summary>
    /// Two or more hole cards of a suit of which the board shows exactly two (so one more card of it makes a
    /// flush). Also set for a <see cref="NutFlushDraw"/>.
    /// </summary>
    FlushDraw = 1 << 0,

    /// <summary>A flush draw that includes the highest card of its suit not on the board.</summary>
    NutFlushDraw = 1 << 1,

    /// <summary>The cards that give the hand a straight on the next card all have one rank (usually 4 outs).</summary>
    Gutshot = 1 << 2,

    /// <summary>
    /// The cards that give the hand a straight on the next card have two ranks: an open-ender or a double
    /// gutshot (usually 8 outs).
    /// </summary>
    OpenEnded = 1 << 3,

    /// <summary>The cards that give the hand a straight on the next card have three or more ranks (9 to 20 outs).</summary>
    Wrap = 1 << 4,

    /// <summary>Flop only: two or more hole cards of a suit of which the flop shows exactly one.</summary>
    BackdoorFlushDraw = 1 << 5,

    /// <summary>
    /// Flop only: no card gives the hand a straight on the turn, but some turn and river pair of unseen cards
    /// does.
    /// </summary>
    BackdoorStraightDraw = 1 << 6,
}
