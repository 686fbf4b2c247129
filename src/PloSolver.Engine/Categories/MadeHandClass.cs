namespace PloSolver.Engine;

/// <summary>
/// What an Omaha hand has made on a board, judged by its best high hand (exactly two hole cards and three board
/// cards) and by which hole ranks pair which board ranks. Declared weakest first, like <see cref="HandCategory"/>,
/// so a larger value is a stronger class; <see cref="HandCategories.MadeClasses"/> lists them strongest first for
/// display. Board pairs and board trips are shared by every hand: below a straight, a class describes what the
/// hole cards add, never the board's own pairs. A hand that fits several classes gets the strongest.
/// </summary>
public enum MadeHandClass
{
    /// <summary>
    /// No hole card pairs the board and no pocket pair: high cards, or only the board's own pair or trips (a
    /// hand on a trips board that is not a full house or quads is here too).
    /// </summary>
    NoMadeHand,

    /// <summary>
    /// A pair that is neither top nor second pair nor an overpair: a hole card pairing the third or a lower
    /// distinct board rank, or a pocket pair below the top board card (underpair, or between the board cards).
    /// </summary>
    WeakPair,

    /// <summary>A hole card pairs the second-highest distinct board rank (middle pair on a flop).</summary>
    SecondPair,

    /// <summary>A hole card pairs the highest board rank.</summary>
    TopPair,

    /// <summary>A pocket pair above the highest board card (also on a paired board: AA on K-K-5 is an overpair).</summary>
    Overpair,

    /// <summary>
    /// Two hole cards pair two different unpaired board ranks, not the two highest (top and bottom, middle and
    /// bottom, …). A pocket pair plus a board pair is not two pair: it is classed by the pocket pair.
    /// </summary>
    TwoPair,

    /// <summary>Two hole cards pair the two highest distinct board ranks, both unpaired on the board.</summary>
    TopTwoPair,

    /// <summary>Three of a kind from one hole card and a pair on the board.</summary>
    Trips,

    /// <summary>Three of a kind from a pocket pair and one board card of its rank.</summary>
    Set,

    /// <summary>The best hand is a straight.</summary>
    Straight,

    /// <summary>The best hand is a flush (two hole cards and three board cards of one suit).</summary>
    Flush,

    /// <summary>The best hand is a full house.</summary>
    FullHouse,

    /// <summary>The best hand is four of a kind.</summary>
    Quads,

    /// <summary>The best hand is a straight flush.</summary>
    StraightFlush,
}
