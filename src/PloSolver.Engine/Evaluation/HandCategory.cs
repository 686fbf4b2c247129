namespace PloSolver.Engine;

/// <summary>The category of a five-card poker hand, weakest first.</summary>
public enum HandCategory
{
    /// <summary>No pair.</summary>
    HighCard,

    /// <summary>One pair.</summary>
    OnePair,

    /// <summary>Two pair.</summary>
    TwoPair,

    /// <summary>Three of a kind (a set or trips).</summary>
    ThreeOfAKind,

    /// <summary>Five ranks in sequence (A-2-3-4-5 is the lowest).</summary>
    Straight,

    /// <summary>Five cards of one suit.</summary>
    Flush,

    /// <summary>Three of a kind and a pair.</summary>
    FullHouse,

    /// <summary>Four of a kind.</summary>
    FourOfAKind,

    /// <summary>Straight of one suit (the ace-high one is a royal flush).</summary>
    StraightFlush,
}
