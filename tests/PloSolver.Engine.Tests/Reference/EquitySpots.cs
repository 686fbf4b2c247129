using System.Globalization;

namespace PloSolver.Engine.Tests;

/// <summary>An equity question as cards, with helpers to ask the engine and the slow enumerator.</summary>
internal sealed record EquitySpot(Game Game, Card[][] Hands, Card[][] Boards, Card[] Dead, bool HiLo)
{
    public EquityInput Input(string? mode = "exact") => new()
    {
        Game = Game.Name(),
        HiLo = HiLo,
        Players = [.. Hands.Select(h => new PlayerInput { Hand = Card.Format(h) })],
        Boards = [.. Boards.Select(b => Card.Format(b))],
        Dead = Card.Format(Dead),
        Mode = mode,
    };

    public EquityResult Exact(EquityLimits? limits = null) => EquityCalculator.Calculate(EquitySpots.Create(Input()), limits);

    public SlowEquityResult Slow() => Boards.Length == 1
        ? SlowEquity.Single(Hands, Boards[0], Dead, HiLo)
        : SlowEquity.Double(Hands, Boards[0], Boards[1], Dead, HiLo);

    public override string ToString() =>
        $"{Game.Name()}{(HiLo ? " hi-lo" : "")} {string.Join(" vs ", Hands.Select(h => Card.Format(h)))} board {string.Join(" | ", Boards.Select(b => b.Length == 0 ? "-" : Card.Format(b)))}" +
        (Dead.Length > 0 ? $" dead {Card.Format(Dead)}" : "");
}

internal static class EquitySpots
{
    /// <summary>Validates an input that must be valid.</summary>
    public static EquityProblem Create(EquityInput input)
    {
        var ok = EquityProblem.TryCreate(input, out var problem, out var errors);
        Assert.True(ok, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        return problem!;
    }

    public static EquityInput Input(string game, string[] hands, string[]? boards = null, string? dead = null, bool hiLo = false, string? mode = null) => new()
    {
        Game = game,
        HiLo = hiLo,
        Players = [.. hands.Select(h => new PlayerInput { Hand = h })],
        Boards = boards ?? [],
        Dead = dead,
        Mode = mode,
    };

    /// <summary>Parses a spot from text: hands, boards (each may be empty) and dead cards.</summary>
    public static EquitySpot Spot(Game game, string[] hands, string[] boards, string dead = "", bool hiLo = false) =>
        new(game, [.. hands.Select(CardParser.Parse)], [.. boards.Select(CardParser.Parse)], CardParser.Parse(dead), hiLo);

    /// <summary>A random spot: the board cards and hands drawn from the deck, optionally from two suits first
    /// (flush-heavy) or low ranks first (low-heavy), then dead cards.</summary>
    public static EquitySpot Random(Random random, Game game, int players, int[] boardSizes, int dead, bool hiLo)
    {
        var deck = TestCards.Deck();
        var flavour = random.Next(3);
        // Favoured cards first in the deck, so the board and the first hands draw mostly from them.
        var favoured = flavour switch
        {
            1 => deck.Where(c => c.Suit >= 2).ToArray(),
            2 => deck.Where(c => c.Rank is <= 6 or 12).ToArray(),
            _ => deck,
        };
        TestCards.Draw(random, favoured, favoured.Length);
        var rest = deck.Except(favoured).ToArray();
        TestCards.Draw(random, rest, rest.Length);
        var ordered = flavour == 0 ? favoured : [.. favoured.Take(favoured.Length * 2 / 3), .. rest, .. favoured.Skip(favoured.Length * 2 / 3)];
        var next = 0;
        Card[] Take(int n)
        {
            var cards = ordered[next..(next + n)];
            next += n;
            return cards;
        }
        var boards = boardSizes.Select(Take).ToArray();
        var hands = Enumerable.Range(0, players).Select(_ => Take(game.HoleCards())).ToArray();
        var deadCards = Take(dead);
        return new EquitySpot(game, hands, boards, deadCards, hiLo);
    }

    /// <summary>Every number of a result that the slow enumerator also computes, as text for comparison.</summary>
    public static void AssertMatches(SlowEquityResult expected, EquityResult actual, bool hiLo, string spot, double tolerance = 1e-9)
    {
        Assert.True(actual.Exact, $"{spot}: not exact");
        Assert.True(expected.Deals == actual.Deals, $"{spot}: {actual.Deals} deals, expected {expected.Deals}");
        Assert.Equal(expected.Players.Count, actual.Players.Count);
        for (var p = 0; p < expected.Players.Count; p++)
        {
            var e = expected.Players[p];
            var a = actual.Players[p];
            void Near(double want, double? got, string what) =>
                Assert.True(got is { } g && Math.Abs(want - g) <= tolerance,
                    $"{spot}: player {p + 1} {what} {got?.ToString("R", CultureInfo.InvariantCulture)}, expected {want.ToString("R", CultureInfo.InvariantCulture)}");
            Near(e.Equity, a.Equity, "equity");
            Near(e.Win, a.Win, "win");
            Near(e.Tie, a.Tie, "tie");
            Assert.Null(a.StdErr);
            Assert.Equal(e.Boards.Count, a.Boards.Count);
            if (hiLo || e.Boards.Count == 2)
            {
                Near(e.Win, a.Scoop, "scoop");
            }
            else
            {
                Assert.Null(a.Scoop);
            }
            for (var b = 0; b < e.Boards.Count; b++)
            {
                Near(e.Boards[b].Equity, a.Boards[b].Equity, $"board {b + 1} equity");
                Near(e.Boards[b].Win, a.Boards[b].Win, $"board {b + 1} win");
                Near(e.Boards[b].Tie, a.Boards[b].Tie, $"board {b + 1} tie");
                if (hiLo)
                {
                    Near(e.Boards[b].Hi, a.Boards[b].Hi, $"board {b + 1} hi");
                    Near(e.Boards[b].Lo, a.Boards[b].Lo, $"board {b + 1} lo");
                }
                else
                {
                    Assert.Null(a.Boards[b].Hi);
                    Assert.Null(a.Boards[b].Lo);
                }
            }
        }
    }
}
