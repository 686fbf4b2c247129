namespace PloSolver.Engine.Tests;

/// <summary>One player's result on one board, in percent (0–100).</summary>
internal sealed record SlowBoardEquity(double Equity, double Win, double Tie, double Hi, double Lo);

/// <summary>One player's result over the whole pot, in percent (0–100).</summary>
internal sealed record SlowPlayerEquity(double Equity, double Win, double Tie, IReadOnlyList<SlowBoardEquity> Boards);

/// <summary>The slow enumerator's answer.</summary>
internal sealed record SlowEquityResult(long Deals, IReadOnlyList<SlowPlayerEquity> Players);

/// <summary>
/// A slow equity enumerator that visits every deal explicitly, using <see cref="SlowEvaluator"/>: every
/// completion of a single board; for two boards every pair of completions that share no card. Each board's pot
/// goes to the best high hands, split equally; with hi-lo, when some hand has a qualifying low, half goes to
/// the best highs and half to the best lows, otherwise the highs take it all. Pots are counted in whole units
/// (<see cref="Pot"/> is divisible by every split among up to nine players, halves included), so the sums are
/// exact.
/// </summary>
internal static class SlowEquity
{
    /// <summary>Units in one board's pot: 2 × lcm(1..9).</summary>
    public const int Pot = 5040;

    public static SlowEquityResult Single(Card[][] hands, Card[] board, Card[] dead, bool hiLo) =>
        Run(hands, [board], dead, hiLo);

    public static SlowEquityResult Double(Card[][] hands, Card[] board1, Card[] board2, Card[] dead, bool hiLo) =>
        Run(hands, [board1, board2], dead, hiLo);

    private static SlowEquityResult Run(Card[][] hands, Card[][] boards, Card[] dead, bool hiLo)
    {
        var used = new HashSet<Card>(dead);
        foreach (var card in hands.SelectMany(h => h).Concat(boards.SelectMany(b => b)))
        {
            if (!used.Add(card))
            {
                throw new ArgumentException($"{card} is used twice");
            }
        }
        var deck = Enumerable.Range(0, 52).Select(i => new Card(i)).Where(c => !used.Contains(c)).ToArray();
        var players = hands.Length;

        // Each board's showdown depends only on that board's completion, so it is worked out once per completion.
        var completions = boards.Select(board => Completions(deck, 5 - board.Length)
            .Select(extra => new Showdown(Mask(extra), Resolve(hands, [.. board, .. extra], hiLo)))
            .ToArray()).ToArray();

        var share = new long[boards.Length, players];
        var hiUnits = new long[boards.Length, players];
        var loUnits = new long[boards.Length, players];
        var boardWins = new long[boards.Length, players];
        var boardTies = new long[boards.Length, players];
        var wins = new long[players];
        var ties = new long[players];
        long deals = 0;

        void Count(ReadOnlySpan<Showdown> deal)
        {
            deals++;
            for (var p = 0; p < players; p++)
            {
                var total = 0;
                for (var b = 0; b < deal.Length; b++)
                {
                    var units = deal[b].Hi[p] + deal[b].Lo[p];
                    total += units;
                    share[b, p] += units;
                    hiUnits[b, p] += deal[b].Hi[p];
                    loUnits[b, p] += deal[b].Lo[p];
                    if (units == Pot)
                    {
                        boardWins[b, p]++;
                    }
                    else if (units > 0)
                    {
                        boardTies[b, p]++;
                    }
                }
                if (total == Pot * deal.Length)
                {
                    wins[p]++;
                }
                else if (total > 0)
                {
                    ties[p]++;
                }
            }
        }

        if (boards.Length == 1)
        {
            foreach (var showdown in completions[0])
            {
                Count([showdown]);
            }
        }
        else
        {
            foreach (var first in completions[0])
            {
                foreach (var second in completions[1])
                {
                    if ((first.Mask & second.Mask) == 0)
                    {
                        Count([first, second]);
                    }
                }
            }
        }

        double Percent(long part, long whole) => 100.0 * part / whole;
        var result = new SlowPlayerEquity[players];
        for (var p = 0; p < players; p++)
        {
            var perBoard = new SlowBoardEquity[boards.Length];
            long all = 0;
            for (var b = 0; b < boards.Length; b++)
            {
                all += share[b, p];
                perBoard[b] = new SlowBoardEquity(Percent(share[b, p], deals * Pot), Percent(boardWins[b, p], deals),
                    Percent(boardTies[b, p], deals), Percent(hiUnits[b, p], deals * Pot), Percent(loUnits[b, p], deals * Pot));
            }
            result[p] = new SlowPlayerEquity(Percent(all, deals * Pot * boards.Length), Percent(wins[p], deals), Percent(ties[p], deals), perBoard);
        }
        return new SlowEquityResult(deals, result);
    }

    /// <summary>The pot units each player wins with the high and with the low hand on one complete board.</summary>
    private static (int[] Hi, int[] Lo) Resolve(Card[][] hands, Card[] board, bool hiLo)
    {
        var players = hands.Length;
        var highs = hands.Select(h => SlowEvaluator.OmahaHigh(h, board)).ToArray();
        var lows = hands.Select(h => hiLo ? SlowEvaluator.OmahaLow(h, board) : null).ToArray();
        var bestHigh = highs.Max();
        var highWinners = highs.Count(h => h == bestHigh);
        var qualifying = lows.Where(l => l is not null).Select(l => l!.Value.Key).ToArray();
        var hi = new int[players];
        var lo = new int[players];
        if (qualifying.Length == 0)
        {
            for (var p = 0; p < players; p++)
            {
                hi[p] = highs[p] == bestHigh ? Split(Pot, highWinners) : 0;
            }
            return (hi, lo);
        }
        var bestLow = qualifying.Min();
        var lowWinners = qualifying.Count(k => k == bestLow);
        for (var p = 0; p < players; p++)
        {
            hi[p] = highs[p] == bestHigh ? Split(Pot / 2, highWinners) : 0;
            lo[p] = lows[p] is { } low && low.Key == bestLow ? Split(Pot / 2, lowWinners) : 0;
        }
        return (hi, lo);
    }

    private static int Split(int units, int winners) =>
        units % winners == 0 ? units / winners : throw new InvalidOperationException($"{units} units do not split {winners} ways");

    private static ulong Mask(IEnumerable<Card> cards) => cards.Aggregate(0UL, (mask, card) => mask | 1UL << card.Index);

    /// <summary>Every set of <paramref name="count"/> cards from the deck.</summary>
    private static IEnumerable<Card[]> Completions(Card[] deck, int count)
    {
        if (count == 0)
        {
            yield return [];
            yield break;
        }
        var index = Enumerable.Range(0, count).ToArray();
        while (true)
        {
            yield return [.. index.Select(i => deck[i])];
            var pos = count - 1;
            while (pos >= 0 && index[pos] == deck.Length - count + pos)
            {
                pos--;
            }
            if (pos < 0)
            {
                yield break;
            }
            index[pos]++;
            for (var i = pos + 1; i < count; i++)
            {
                index[i] = index[i - 1] + 1;
            }
        }
    }

    private sealed record Showdown(ulong Mask, int[] Hi, int[] Lo)
    {
        public Showdown(ulong mask, (int[] Hi, int[] Lo) units) : this(mask, units.Hi, units.Lo)
        {
        }
    }
}
