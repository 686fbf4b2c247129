using static PloSolver.Engine.Tests.TestCards;

namespace PloSolver.Engine.Tests.Categories;

/// <summary>Display lists, labels and machine names, and whole-range counts proved by counting cards.</summary>
public sealed class HandCategoriesTests
{
    [Fact]
    public void Made_classes_are_listed_once_each_strongest_first()
    {
        var listed = HandCategories.MadeClasses;
        Assert.Equal(Enum.GetValues<MadeHandClass>().OrderDescending(), listed);
        Assert.Equal(MadeHandClass.StraightFlush, listed[0]);
        Assert.Equal(MadeHandClass.NoMadeHand, listed[^1]);
    }

    [Fact]
    public void Draw_kinds_are_every_single_flag_once()
    {
        var flags = Enum.GetValues<DrawKind>().Where(d => d != DrawKind.None).ToHashSet();
        Assert.Equal(flags.Count, HandCategories.DrawKinds.Count);
        Assert.True(flags.SetEquals(HandCategories.DrawKinds));
        Assert.Equal(DrawKind.NutFlushDraw, HandCategories.DrawKinds[0]);
    }

    [Fact]
    public void Labels_and_machine_names_are_distinct_and_camel_case()
    {
        var names = HandCategories.MadeClasses.Select(HandCategories.Name).Concat(HandCategories.DrawKinds.Select(HandCategories.Name)).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches("^[a-z][A-Za-z]*$", n));
        Assert.Equal("topTwo", HandCategories.Name(MadeHandClass.TopTwoPair));
        Assert.Equal("nutFlushDraw", HandCategories.Name(DrawKind.NutFlushDraw));
        Assert.Equal("Overpair", HandCategories.Label(MadeHandClass.Overpair));
        Assert.Equal("Open-ended straight draw", HandCategories.Label(DrawKind.OpenEnded));
        var labels = HandCategories.MadeClasses.Select(HandCategories.Label).ToList();
        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => HandCategories.Label(DrawKind.Wrap | DrawKind.FlushDraw));
    }

    [OptimizedBuildFact]
    public void Classifying_a_hand_allocates_nothing()
    {
        var classifier = HandClassifier.ForBoard(C("Ts9h4s2d"));
        Card[][] holes = [C("AsKsQhJh"), C("8c7c6d5dQs"), C("TcTd9c9d4c4d")];
        foreach (var hole in holes)
        {
            classifier.Classify(hole);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        var outs = 0;
        for (var i = 0; i < 1000; i++)
        {
            outs += classifier.Classify(holes[i % 3]).StraightOuts;
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(outs > 0);
    }

    [Fact]
    public void Every_plo4_hand_on_a_rainbow_flop_counts_sets_and_nut_flush_draws_as_counted_by_hand()
    {
        // Sets on A-8-2: two or more of the three cards left of one board rank (3 * (C(3,2) * C(46,2) + C(46,1))),
        // less the nine hands counted twice (two of each of two ranks).
        AssertCounts("Ac8s2d", MadeHandClass.Set, 3 * (3 * 1035 + 46) - 3 * 9, DrawKind.NutFlushDraw, 0);
        // Nut flush draws on Ks-7s-2d: the ace of spades and one or more of the ten other spades left,
        // C(48,3) - C(38,3).
        AssertCounts("Ks7s2d", MadeHandClass.Set, 3 * (3 * 1035 + 46) - 3 * 9, DrawKind.NutFlushDraw, 17296 - 8436);
    }

    private static void AssertCounts(string flop, MadeHandClass made, int madeCount, DrawKind draw, int drawCount)
    {
        var board = C(flop);
        var classifier = HandClassifier.ForBoard(board);
        var deck = SlowCategories.Unseen(0, Card.ToMask(board));
        var hands = 0;
        var madeSeen = 0;
        var drawn = 0;
        Span<Card> hole = stackalloc Card[4];
        for (var a = 0; a < deck.Length; a++)
        {
            for (var b = a + 1; b < deck.Length; b++)
            {
                for (var c = b + 1; c < deck.Length; c++)
                {
                    for (var d = c + 1; d < deck.Length; d++)
                    {
                        hole[0] = deck[a];
                        hole[1] = deck[b];
                        hole[2] = deck[c];
                        hole[3] = deck[d];
                        var hand = classifier.Classify(hole);
                        hands++;
                        madeSeen += hand.Made == made ? 1 : 0;
                        drawn += hand.Has(draw) ? 1 : 0;
                    }
                }
            }
        }
        Assert.Equal(211_876, hands); // C(49, 4)
        Assert.Equal(madeCount, madeSeen);
        Assert.Equal(drawCount, drawn);
    }
}
