using System.Numerics;

namespace PloSolver.Solver.Tests;

/// <summary>The O((n + m) · 2^k) terminal values against the obvious O(n · m) loop over pairs of hands.</summary>
public sealed class CardRemovalTests
{
    [Theory]
    [InlineData(4, 12, 1)]
    [InlineData(4, 20, 2)]
    [InlineData(5, 14, 3)]
    [InlineData(1, 6, 4)]
    public void Showdown_and_fold_values_match_a_naive_loop_over_pairs(int handSize, int deck, int seed)
    {
        // A small deck forces hands that share one, two, three or all cards (identical hands in both ranges),
        // and few distinct values force ties.
        var random = new Random(seed);
        var hands = new ulong[2][];
        var values = new int[2][];
        var reach = new float[2][];
        for (var p = 0; p < 2; p++)
        {
            var set = new HashSet<ulong>();
            // 150 hands, or every hand when the deck holds fewer.
            var count = handSize == 1 ? deck : 150;
            while (set.Count < count)
            {
                var mask = 0UL;
                while (BitOperations.PopCount(mask) < handSize)
                {
                    mask |= 1UL << random.Next(deck);
                }
                set.Add(mask);
            }
            hands[p] = [.. set];
            values[p] = [.. hands[p].Select(h => (int)(h * 0x9E3779B97F4A7C15UL >> 61))];
            reach[p] = [.. hands[p].Select(_ => random.Next(4) == 0 ? 0f : (float)random.NextDouble())];
        }
        var board = new ShowdownBoard(0).Prepare(hands, (p, h) => values[p][h]);
        var game = new SolverGame(hands, [[.. reach[0].Select(_ => 1f)], [.. reach[1].Select(_ => 1f)]], TerminalNode.ShowdownAt(board, 3), 2);
        var sums = new double[game.Removal.IdCount];
        for (var me = 0; me < 2; me++)
        {
            var opp = 1 - me;
            var showdown = new float[hands[me].Length];
            var fold = new float[hands[me].Length];
            Terminals.Showdown(game, board, me, reach[opp], showdown, 3, sums);
            Terminals.Fold(game, me, reach[opp], fold, -2, sums);
            for (var h = 0; h < hands[me].Length; h++)
            {
                double expectedShowdown = 0, expectedFold = 0;
                for (var o = 0; o < hands[opp].Length; o++)
                {
                    if ((hands[me][h] & hands[opp][o]) != 0)
                    {
                        continue;
                    }
                    expectedShowdown += 3.0 * reach[opp][o] * Math.Sign(values[me][h] - values[opp][o]);
                    expectedFold += -2.0 * reach[opp][o];
                }
                // Values are floats: equal to about seven significant digits.
                Assert.Equal(expectedShowdown, showdown[h], 1e-5 * Math.Max(1, Math.Abs(expectedShowdown)));
                Assert.Equal(expectedFold, fold[h], 1e-5 * Math.Max(1, Math.Abs(expectedFold)));
            }
        }
    }

    [Fact]
    public void Chance_removes_hands_holding_the_dealt_card()
    {
        // Leduc: player 0 holds a king; with the other king on the board it pairs. Every deal is consistent, so
        // the counterfactual values stay finite and the game value is that of Leduc.
        var game = ToyGames.Leduc();
        var chance = FirstChance(game.Root);
        Assert.Equal(6, chance.Children.Length);
        Assert.Equal(0.25f, chance.Probability);
        Assert.Equal([4], game.HandsWithCard[0][4]);
    }

    private static ChanceNode FirstChance(Node node) => node switch
    {
        ChanceNode c => c,
        ActionNode a => a.Children.Select(FirstChanceOrNull).First(c => c is not null)!,
        _ => throw new InvalidOperationException(),
    };

    private static ChanceNode? FirstChanceOrNull(Node node) => node switch
    {
        ChanceNode c => c,
        ActionNode a => a.Children.Select(FirstChanceOrNull).FirstOrDefault(c => c is not null),
        _ => null,
    };
}
