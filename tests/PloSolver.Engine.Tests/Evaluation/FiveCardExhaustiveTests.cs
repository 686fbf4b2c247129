namespace PloSolver.Engine.Tests;

/// <summary>Every one of the 2,598,960 five-card hands, evaluated by the engine and by the slow reference.</summary>
public sealed class FiveCardExhaustiveTests
{
    private static readonly Lazy<Survey> Hands = new(Survey.Run);

    /// <summary>The published number of five-card hands in each category.</summary>
    public static TheoryData<HandCategory, int> PublishedCategoryCounts => new()
    {
        { HandCategory.StraightFlush, 40 },
        { HandCategory.FourOfAKind, 624 },
        { HandCategory.FullHouse, 3_744 },
        { HandCategory.Flush, 5_108 },
        { HandCategory.Straight, 10_200 },
        { HandCategory.ThreeOfAKind, 54_912 },
        { HandCategory.TwoPair, 123_552 },
        { HandCategory.OnePair, 1_098_240 },
        { HandCategory.HighCard, 1_302_540 },
    };

    [Fact]
    public void Every_five_card_hand_is_evaluated() => Assert.Equal(SlowEvaluator.FiveCardHands, Hands.Value.Total);

    [Theory]
    [MemberData(nameof(PublishedCategoryCounts))]
    public void Engine_category_counts_match_the_published_counts(HandCategory category, int count) =>
        Assert.Equal(count, Hands.Value.EngineCategories[(int)category]);

    [Theory]
    [MemberData(nameof(PublishedCategoryCounts))]
    public void Reference_category_counts_match_the_published_counts(HandCategory category, int count) =>
        Assert.Equal(count, Hands.Value.SlowCategories[(int)category]);

    [Fact]
    public void Engine_gives_exactly_7462_distinct_values_from_1_to_7462()
    {
        var values = Hands.Value.ValueKeys.Keys.Order().ToArray();
        Assert.Equal(HandValue.DistinctValues, values.Length);
        Assert.Equal(1, values[0]);
        Assert.Equal(7462, values[^1]);
    }

    [Fact]
    public void Each_engine_value_stands_for_one_reference_strength()
    {
        var conflicts = Hands.Value.Conflicts;
        Assert.True(conflicts.Count == 0, $"values with two strengths, e.g. {string.Join("; ", conflicts.Take(5))}");
    }

    [Fact]
    public void Engine_value_order_agrees_with_reference_order()
    {
        // Walk the values upwards: each must stand for a strictly stronger reference key than the one before.
        var map = Hands.Value.ValueKeys;
        var previous = long.MinValue;
        for (var value = 1; value <= HandValue.DistinctValues; value++)
        {
            Assert.True(map.TryGetValue(value, out var key), $"value {value} is never produced");
            Assert.True(key > previous, $"value {value} is not stronger than value {value - 1}");
            previous = key;
        }
    }

    [Fact]
    public void Every_hand_gets_the_value_its_reference_strength_predicts()
    {
        var mismatches = Hands.Value.Mismatches;
        Assert.True(mismatches.Count == 0, $"hands differ, e.g. {string.Join("; ", mismatches.Take(5))}");
    }

    [Fact]
    public void Every_hand_gets_the_reference_category()
    {
        var wrong = Hands.Value.CategoryMismatches;
        Assert.True(wrong.Count == 0, $"hands have the wrong category, e.g. {string.Join("; ", wrong.Take(5))}");
    }

    [Fact]
    public void Every_value_reports_the_category_of_its_hands()
    {
        foreach (var (value, key) in Hands.Value.ValueKeys)
        {
            Assert.Equal(SlowEvaluator.CategoryOf(key), new HandValue((ushort)value).Category);
        }
    }

    [Fact]
    public void The_weakest_hand_is_seven_five_high_and_the_strongest_a_royal_flush()
    {
        Assert.Equal(1, HandEvaluator.High(TestCards.C("7s5h4d3c2s")).Value);
        Assert.Equal(7462, HandEvaluator.High(TestCards.C("AhKhQhJhTh")).Value);
        Assert.Equal(7461, HandEvaluator.High(TestCards.C("KdQdJdTd9d")).Value);
    }

    /// <summary>One pass over all hands, shared by the tests above.</summary>
    private sealed class Survey
    {
        public int Total { get; private set; }

        public int[] EngineCategories { get; } = new int[9];

        public int[] SlowCategories { get; } = new int[9];

        /// <summary>Reference key of each engine value (from the first hand seen with it).</summary>
        public Dictionary<int, long> ValueKeys { get; } = [];

        public List<string> Conflicts { get; } = [];

        public List<string> Mismatches { get; } = [];

        public List<string> CategoryMismatches { get; } = [];

        public static Survey Run()
        {
            var survey = new Survey();
            SlowEvaluator.ForEachFiveCardHand(five =>
            {
                survey.Total++;
                var value = HandEvaluator.High(five);
                var evaluate5 = FiveCardTables.Evaluate5(five[0], five[1], five[2], five[3], five[4]);
                var key = SlowEvaluator.Key(five);
                var category = SlowEvaluator.CategoryOf(key);
                survey.EngineCategories[(int)value.Category]++;
                survey.SlowCategories[(int)category]++;
                if (value.Category != category && survey.CategoryMismatches.Count < 100)
                {
                    survey.CategoryMismatches.Add($"{Card.Format(five)}: {value.Category}, expected {category}");
                }
                if (!survey.ValueKeys.TryGetValue(value.Value, out var seen))
                {
                    survey.ValueKeys[value.Value] = key;
                }
                else if (seen != key && survey.Conflicts.Count < 100)
                {
                    survey.Conflicts.Add($"{value.Value} for {Card.Format(five)} ({key:X}) and for key {seen:X}");
                }
                var expected = SlowEvaluator.ExpectedValue(key);
                if ((value.Value != expected || evaluate5 != expected) && survey.Mismatches.Count < 100)
                {
                    survey.Mismatches.Add($"{Card.Format(five)}: High {value.Value}, Evaluate5 {evaluate5}, expected {expected}");
                }
            });
            return survey;
        }
    }
}
