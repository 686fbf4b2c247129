using static PloSolver.Engine.Tests.TestCards;

namespace PloSolver.Engine.Tests.Categories;

/// <summary>
/// The classifier against brute force on random deals: values and nuts against every two-card holding, outs and
/// draws against every next card (and, on flops, every turn and river), each five evaluated with
/// <see cref="HandEvaluator.High"/>. Deals come from the full deck and from decks that make straights and flushes
/// common; opponents' holdings always come from the full deck.
/// </summary>
public sealed class HandClassifierReferenceTests
{
    public enum DeckKind
    {
        Full,
        HighRanks, // seven to ace: straights, wraps, sets
        TwoSuits,  // flushes, flush draws, straight flushes
    }

    private static Card[] DeckOf(DeckKind kind) => kind switch
    {
        DeckKind.Full => Deck(),
        DeckKind.HighRanks => DeckWhere(c => c.Rank >= 5),
        DeckKind.TwoSuits => DeckWhere(c => c.Suit >= 2),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static IEnumerable<(Card[] Hole, Card[] Board)> Deals(int holeCards, int boardCards, DeckKind kind, int count, int seed)
    {
        var random = new Random(seed);
        var deck = DeckOf(kind);
        for (var i = 0; i < count; i++)
        {
            var cards = Draw(random, deck, holeCards + boardCards);
            yield return Split(cards, holeCards);
        }
    }

    public static TheoryData<int, int, DeckKind> AllStreets()
    {
        var data = new TheoryData<int, int, DeckKind>();
        foreach (var hole in new[] { 4, 5, 6 })
        {
            foreach (var board in new[] { 3, 4, 5 })
            {
                foreach (var kind in Enum.GetValues<DeckKind>())
                {
                    data.Add(hole, board, kind);
                }
            }
        }
        return data;
    }

    public static TheoryData<int, int, DeckKind> DrawingStreets()
    {
        var data = new TheoryData<int, int, DeckKind>();
        foreach (var hole in new[] { 4, 5, 6 })
        {
            foreach (var board in new[] { 3, 4 })
            {
                foreach (var kind in Enum.GetValues<DeckKind>())
                {
                    data.Add(hole, board, kind);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllStreets))]
    public void Value_nuts_and_nut_blockers_match_every_two_card_holding(int holeCards, int boardCards, DeckKind kind)
    {
        foreach (var (hole, board) in Deals(holeCards, boardCards, kind, 25, 1000 * holeCards + 10 * boardCards + (int)kind))
        {
            var hand = HandClassifier.Classify(hole, board);
            var value = HandEvaluator.OmahaHigh(hole, board);
            Assert.Equal(value, hand.Value);

            var heroMask = Card.ToMask(hole);
            var offBoard = SlowCategories.Unseen(0, Card.ToMask(board));
            var best = new HandValue(0);
            var beaten = false;
            var holdings = new List<(ulong Mask, HandValue Value)>();
            for (var i = 0; i < offBoard.Length; i++)
            {
                for (var j = i + 1; j < offBoard.Length; j++)
                {
                    var rival = SlowCategories.TwoCardValue(offBoard[i], offBoard[j], board);
                    var mask = offBoard[i].Mask | offBoard[j].Mask;
                    holdings.Add((mask, rival));
                    best = rival > best ? rival : best;
                    beaten |= (mask & heroMask) == 0 && rival > value;
                }
            }
            var nutCards = holdings.Where(h => h.Value == best).Aggregate(0UL, (m, h) => m | h.Mask);

            var spot = $"{Text(hole)} on {Text(board)}";
            Assert.True(!beaten == hand.IsNuts, $"IsNuts of {spot}");
            Assert.True(((nutCards & heroMask) != 0) == hand.BlocksNuts, $"BlocksNuts of {spot}");
            Assert.Equal(best, HandClassifier.ForBoard(board).NutValue);
        }
    }

    [Theory]
    [MemberData(nameof(DrawingStreets))]
    public void Straight_outs_and_flush_draws_match_every_next_card(int holeCards, int boardCards, DeckKind kind)
    {
        foreach (var (hole, board) in Deals(holeCards, boardCards, kind, 120, 2000 * holeCards + 10 * boardCards + (int)kind))
        {
            var hand = HandClassifier.Classify(hole, board);
            var category = HandEvaluator.OmahaHigh(hole, board).Category;
            var next = new Card[board.Length + 1];
            board.CopyTo(next, 0);
            var outs = 0;
            var outRanks = 0;
            var flushDraw = false;
            var nutFlushDraw = false;
            foreach (var card in SlowCategories.Unseen(Card.ToMask(hole), Card.ToMask(board)))
            {
                next[^1] = card;
                if (category < HandCategory.Straight && SlowCategories.MakesStraight(hole, next))
                {
                    outs++;
                    outRanks |= 1 << card.Rank;
                }
                if (category < HandCategory.Flush && SlowCategories.MakesFlush(hole, next))
                {
                    flushDraw = true;
                    var highestMissing = Enumerable.Range(0, 13).Reverse()
                        .Select(r => new Card(r, card.Suit)).First(c => !board.Contains(c));
                    nutFlushDraw |= hole.Contains(highestMissing);
                }
            }
            var expectedStraightDraw = System.Numerics.BitOperations.PopCount((uint)outRanks) switch
            {
                0 => DrawKind.None,
                1 => DrawKind.Gutshot,
                2 => DrawKind.OpenEnded,
                _ => DrawKind.Wrap,
            };

            var spot = $"{Text(hole)} on {Text(board)}";
            Assert.True(outs == hand.StraightOuts, $"{spot}: {hand.StraightOuts} straight outs, expected {outs}");
            Assert.True(expectedStraightDraw == (hand.Draws & (DrawKind.Gutshot | DrawKind.OpenEnded | DrawKind.Wrap)), $"straight draw of {spot}");
            Assert.True(flushDraw == hand.Has(DrawKind.FlushDraw), $"flush draw of {spot}");
            Assert.True(nutFlushDraw == hand.Has(DrawKind.NutFlushDraw), $"nut flush draw of {spot}");
        }
    }

    [Theory]
    [InlineData(4, DeckKind.Full)]
    [InlineData(4, DeckKind.HighRanks)]
    [InlineData(4, DeckKind.TwoSuits)]
    [InlineData(5, DeckKind.Full)]
    [InlineData(6, DeckKind.HighRanks)]
    public void Backdoor_draws_on_the_flop_match_every_turn_and_river(int holeCards, DeckKind kind)
    {
        foreach (var (hole, flop) in Deals(holeCards, 3, kind, 60, 3000 * holeCards + (int)kind))
        {
            var hand = HandClassifier.Classify(hole, flop);
            var category = HandEvaluator.OmahaHigh(hole, flop).Category;
            var unseen = SlowCategories.Unseen(Card.ToMask(hole), Card.ToMask(flop));
            var turn = new Card[4];
            var river = new Card[5];
            flop.CopyTo(turn, 0);
            flop.CopyTo(river, 0);

            var straightNow = new Dictionary<Card, bool>();
            var flushNow = new Dictionary<Card, bool>();
            foreach (var card in unseen)
            {
                turn[3] = card;
                straightNow[card] = SlowCategories.MakesStraight(hole, turn);
                flushNow[card] = SlowCategories.MakesFlush(hole, turn);
            }

            // A straight depends only on the two new ranks, a flush only on the two new suits: each is worked out
            // once, with the first unseen pair that has them.
            var straightByRanks = new Dictionary<(int, int), bool>();
            var flushBySuits = new Dictionary<(int, int), bool>();
            var backdoorStraight = false;
            var backdoorFlush = false;
            for (var i = 0; i < unseen.Length; i++)
            {
                for (var j = i + 1; j < unseen.Length; j++)
                {
                    river[3] = unseen[i];
                    river[4] = unseen[j];
                    var ranks = (unseen[i].Rank, unseen[j].Rank);
                    if (!straightByRanks.TryGetValue(ranks, out var straight))
                    {
                        straightByRanks[ranks] = straight = SlowCategories.MakesStraight(hole, river);
                    }
                    var suits = (unseen[i].Suit, unseen[j].Suit);
                    if (!flushBySuits.TryGetValue(suits, out var flush))
                    {
                        flushBySuits[suits] = flush = SlowCategories.MakesFlush(hole, river);
                    }
                    backdoorStraight |= straight;
                    backdoorFlush |= flush && !flushNow[unseen[i]] && !flushNow[unseen[j]];
                }
            }
            backdoorStraight &= category < HandCategory.Straight && !straightNow.Values.Any(x => x);
            backdoorFlush &= category < HandCategory.Flush;

            var spot = $"{Text(hole)} on {Text(flop)}";
            Assert.True(backdoorStraight == hand.Has(DrawKind.BackdoorStraightDraw), $"backdoor straight draw of {spot}");
            Assert.True(backdoorFlush == hand.Has(DrawKind.BackdoorFlushDraw), $"backdoor flush draw of {spot}");
        }
    }

    [Theory]
    [MemberData(nameof(AllStreets))]
    public void Made_classes_agree_with_the_evaluator_category(int holeCards, int boardCards, DeckKind kind)
    {
        foreach (var (hole, board) in Deals(holeCards, boardCards, kind, 200, 4000 * holeCards + 10 * boardCards + (int)kind))
        {
            var hand = HandClassifier.Classify(hole, board);
            var category = hand.Value.Category;
            var expected = hand.Made switch
            {
                MadeHandClass.StraightFlush => category == HandCategory.StraightFlush,
                MadeHandClass.Quads => category == HandCategory.FourOfAKind,
                MadeHandClass.FullHouse => category == HandCategory.FullHouse,
                MadeHandClass.Flush => category == HandCategory.Flush,
                MadeHandClass.Straight => category == HandCategory.Straight,
                MadeHandClass.Set or MadeHandClass.Trips => category == HandCategory.ThreeOfAKind,
                MadeHandClass.TopTwoPair or MadeHandClass.TwoPair => category == HandCategory.TwoPair,
                MadeHandClass.NoMadeHand => category <= HandCategory.ThreeOfAKind,
                _ => category is HandCategory.OnePair or HandCategory.TwoPair,
            };
            Assert.True(expected, $"{Text(hole)} on {Text(board)}: {hand.Made} with a {category}");
            if (hand.Made == MadeHandClass.NoMadeHand)
            {
                // Nothing of the hand's own: no pocket pair, and no hole card pairs the board unless the board's
                // own trips play (pairing a trips board's other card adds nothing with three board cards).
                var boardTrips = board.GroupBy(c => c.Rank).Any(g => g.Count() >= 3);
                Assert.True(boardTrips || !hole.Any(c => board.Any(b => b.Rank == c.Rank)), $"{Text(hole)} on {Text(board)}");
                Assert.Equal(hole.Length, hole.Select(c => c.Rank).Distinct().Count());
            }
        }
    }
}
