using System.Globalization;
using System.Text;

namespace PloSolver.Engine;

/// <summary>
/// The classification of one Omaha hand on one board, made by <see cref="HandClassifier"/>.
/// </summary>
/// <param name="Made">What the hand has made (see <see cref="MadeHandClass"/> for each definition).</param>
/// <param name="Value">The hand's best high hand: exactly two hole cards and three board cards.</param>
/// <param name="IsNuts">
/// No two cards an opponent could hold (from the cards neither in this hand nor on the board) make a better high
/// hand on this board; ties are allowed. The effective nuts, with card removal.
/// </param>
/// <param name="Draws">The hand's draws (flop and turn only).</param>
/// <param name="StraightOuts">
/// Unseen cards (neither in the hand nor on the board) that would give the hand a straight as the next board card,
/// counted when the hand is below a straight on a flop or turn; 0 otherwise. A card that gives a straight counts
/// whatever else it does (pairs the board, makes someone a flush).
/// </param>
/// <param name="BlocksNuts">
/// The hand holds a card of some two-card holding that makes the board's nuts (<see cref="HandClassifier.NutValue"/>,
/// the best hand any two cards off the board can make), so opponents hold fewer nut combinations. True also when
/// the hand makes the nuts itself.
/// </param>
/// <param name="HoldsNutFlushBlocker">
/// The hand holds the highest card not on the board of a suit that can make a flush: a suit the board shows three
/// or more times, or, with cards to come, exactly twice (the nut flush draw card).
/// </param>
public readonly record struct HandClass(
    MadeHandClass Made,
    HandValue Value,
    bool IsNuts,
    DrawKind Draws,
    int StraightOuts,
    bool BlocksNuts,
    bool HoldsNutFlushBlocker)
{
    /// <summary>Whether the hand has any of the given draws.</summary>
    public bool Has(DrawKind draw) => (Draws & draw) != 0;

    /// <summary>
    /// A short player-facing description: the made class, "(nuts)" when it is the effective nuts, then the draws,
    /// e.g. "Set, nut flush draw, wrap (13 outs)", "Top pair, gutshot (4 outs), backdoor flush draw".
    /// </summary>
    public string Describe()
    {
        var text = new StringBuilder(HandCategories.Label(Made));
        if (IsNuts)
        {
            text.Append(" (nuts)");
        }
        foreach (var draw in HandCategories.DrawKinds)
        {
            // A nut flush draw is also a flush draw: name it once.
            if (!Has(draw) || (draw == DrawKind.FlushDraw && Has(DrawKind.NutFlushDraw)))
            {
                continue;
            }
            text.Append(", ").Append(HandCategories.Label(draw).ToLowerInvariant());
            if (draw is DrawKind.Gutshot or DrawKind.OpenEnded or DrawKind.Wrap)
            {
                text.Append(CultureInfo.InvariantCulture, $" ({StraightOuts} outs)");
            }
        }
        return text.ToString();
    }

    /// <inheritdoc cref="Describe" />
    public override string ToString() => Describe();
}
