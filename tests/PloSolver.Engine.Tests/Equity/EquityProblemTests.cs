namespace PloSolver.Engine.Tests;

/// <summary>EquityProblem.TryCreate: every wrong field is named as in the JSON request, with the reason.</summary>
public sealed class EquityProblemTests
{
    private static readonly string[] TwoHands = ["AsKsQhJh", "7c8c9d6d"];

    [Fact]
    public void A_valid_request_parses_every_field()
    {
        var input = new EquityInput
        {
            Game = "PLO5",
            HiLo = true,
            Players = [new PlayerInput { Hand = " AsKsQhJhTc " }, new PlayerInput { Hand = "7c 8c 9d 6d 5s" }],
            Boards = ["2c3d4h", "Kd7h2s5c"],
            Dead = "Ah",
            Mode = " MC ",
            Trials = 1000,
            Seed = -3,
            TimeLimitMs = 250,
            TargetStdErr = 0.5,
        };
        Assert.True(EquityProblem.TryCreate(input, out var problem, out var errors));
        Assert.Empty(errors);
        Assert.Equal(Game.Plo5, problem.Game);
        Assert.True(problem.HiLo);
        Assert.Equal(new[] { "AsKsQhJhTc", "7c 8c 9d 6d 5s" }, problem.Inputs);
        Assert.Equal("7c8c9d6d5s", Card.Format(problem.Hands[1]));
        Assert.Equal(2, problem.Boards.Count);
        Assert.Equal("Kd7h2s5c", Card.Format(problem.Boards[1]));
        Assert.Equal("Ah", Card.Format([.. problem.Dead]));
        Assert.Equal(EquityMode.MonteCarlo, problem.Mode);
        Assert.Equal(1000, problem.Trials);
        Assert.Equal(unchecked((ulong)-3L), problem.Seed);
        Assert.Equal(TimeSpan.FromMilliseconds(250), problem.TimeLimit);
        Assert.Equal(0.5, problem.TargetStdErr);
    }

    [Fact]
    public void Defaults_are_plo4_auto_one_empty_board()
    {
        Assert.True(EquityProblem.TryCreate(new EquityInput { Players = [new() { Hand = "AsKsQhJh" }, new() { Hand = "7c8c9d6d" }] }, out var problem, out _));
        Assert.Equal(Game.Plo4, problem.Game);
        Assert.Equal(EquityMode.Auto, problem.Mode);
        Assert.Empty(Assert.Single(problem.Boards));
        Assert.Empty(problem.Dead);
        Assert.Null(problem.Trials);
        Assert.Equal(0UL, problem.Seed);
    }

    [Theory]
    [InlineData("auto", EquityMode.Auto)]
    [InlineData("", EquityMode.Auto)]
    [InlineData("Exact", EquityMode.Exact)]
    [InlineData("montecarlo", EquityMode.MonteCarlo)]
    [InlineData("monte-carlo", EquityMode.MonteCarlo)]
    [InlineData("mc", EquityMode.MonteCarlo)]
    public void Modes_are_read_in_any_case(string mode, EquityMode expected)
    {
        Assert.True(EquityProblem.TryCreate(EquitySpots.Input("plo4", TwoHands, mode: mode), out var problem, out _));
        Assert.Equal(expected, problem.Mode);
    }

    [Theory]
    [InlineData("plo4", "AsKsQhJhTc", "plo4 hands have 4 cards, this one has 5")]
    [InlineData("plo4", "AsKsQh", "plo4 hands have 4 cards, this one has 3")]
    [InlineData("plo5", "AsKsQhJh", "plo5 hands have 5 cards, this one has 4")]
    [InlineData("plo6", "AsKsQhJhTc", "plo6 hands have 6 cards, this one has 5")]
    public void A_hand_of_the_wrong_size_is_named(string game, string hand, string message)
    {
        var others = game switch { "plo5" => "7c8c9d6d5s", "plo6" => "7c8c9d6d5s4s", _ => "7c8c9d6d" };
        AssertError(EquitySpots.Input(game, [others, hand]), "players[1].hand", message);
    }

    [Fact]
    public void A_missing_hand_is_required() =>
        AssertError(new EquityInput { Players = [new() { Hand = "AsKsQhJh" }, new() { Hand = " " }] }, "players[1].hand", "is required");

    [Fact]
    public void Unparseable_hand_text_reports_the_parser_error() =>
        AssertError(EquitySpots.Input("plo4", ["AsKsQhJx", "7c8c9d6d"]), "players[0].hand", "'x' at position 8 is not a suit");

    [Fact]
    public void A_card_repeated_within_a_hand_is_named() =>
        AssertError(EquitySpots.Input("plo4", ["AsKsAsJh", "7c8c9d6d"]), "players[0].hand", "As at position 5 is a duplicate");

    [Fact]
    public void A_card_in_two_hands_names_the_other_hand() =>
        AssertError(EquitySpots.Input("plo4", ["AsKsQhJh", "7c8c9d6d", "2c3c4cKs"]), "players[2].hand", "Ks is also in players[0].hand");

    [Fact]
    public void A_board_card_in_a_hand_names_the_hand() =>
        AssertError(EquitySpots.Input("plo4", TwoHands, ["2c3d9d"]), "boards[0]", "9d is also in players[1].hand");

    [Fact]
    public void A_card_on_both_boards_names_the_first_board() =>
        AssertError(EquitySpots.Input("plo4", TwoHands, ["2c3d4h", "5c2c6h"]), "boards[1]", "2c is also in boards[0]");

    [Fact]
    public void A_dead_card_on_the_board_names_the_board() =>
        AssertError(EquitySpots.Input("plo4", TwoHands, ["2c3d4h"], dead: "Tc 4h"), "dead", "4h is also in boards[0]");

    [Fact]
    public void A_dead_card_in_a_hand_names_the_hand() =>
        AssertError(EquitySpots.Input("plo4", TwoHands, dead: "Qh"), "dead", "Qh is also in players[0].hand");

    [Fact]
    public void Nine_plo6_hands_need_more_cards_than_the_deck_has() =>
        AssertError(EquitySpots.Input("plo6", [.. Enumerable.Range(0, 9).Select(i => Card.Format(TestCards.Deck()[(i * 5)..(i * 5 + 6)]))]),
            "players", "need 59 cards; the deck has 52");

    [Fact]
    public void Dead_cards_count_against_the_deck()
    {
        // Eight PLO6 hands (48 cards) and one board (5) are already too many.
        var hands = Enumerable.Range(0, 8).Select(i => Card.Format(TestCards.Deck()[(i * 6)..(i * 6 + 6)])).ToArray();
        AssertError(EquitySpots.Input("plo6", hands), "players", "need 53 cards");
        // Seven PLO6 hands leave 10 cards: two boards and no dead cards fit, one dead card more does not.
        var seven = hands[..7];
        Assert.True(EquityProblem.TryCreate(EquitySpots.Input("plo6", seven, ["", ""]), out _, out _));
        AssertError(EquitySpots.Input("plo6", seven, ["", ""], dead: "As"), "players", "need 53 cards");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(10)]
    public void Two_to_nine_players_are_allowed(int players)
    {
        var hands = Enumerable.Range(0, players).Select(i => Card.Format(TestCards.Deck()[(i * 4)..(i * 4 + 4)])).ToArray();
        AssertError(EquitySpots.Input("plo4", hands), "players", $"expected 2 to 9 players, got {players}");
    }

    [Fact]
    public void Missing_players_are_an_error() => AssertError(new EquityInput(), "players", "expected 2 to 9 players, got 0");

    [Theory]
    [InlineData("2c", 1)]
    [InlineData("2c3d", 2)]
    [InlineData("2c3d4h5s6cTd", 6)]
    public void A_board_of_1_2_or_6_cards_is_refused(string board, int count)
    {
        AssertError(EquitySpots.Input("plo4", TwoHands, [board]), "boards[0]", $"a board has 0, 3, 4 or 5 cards, this one has {count}");
        AssertError(EquitySpots.Input("plo4", TwoHands, ["AdKdQd", board]), "boards[1]", $"this one has {count}");
    }

    [Fact]
    public void Three_boards_are_refused() => AssertError(EquitySpots.Input("plo4", TwoHands, ["", "", ""]), "boards", "expected one or two boards, got 3");

    [Theory]
    [InlineData("plo7")]
    [InlineData("holdem")]
    [InlineData(null)]
    public void An_unknown_game_is_refused(string? game) =>
        AssertError(EquitySpots.Input("plo4", TwoHands) with { Game = game }, "game", "is not a game: expected plo4, plo5 or plo6");

    [Fact]
    public void An_unknown_game_does_not_also_blame_the_hand_sizes()
    {
        Assert.False(EquityProblem.TryCreate(EquitySpots.Input("plo9", TwoHands), out _, out var errors));
        Assert.Equal(new[] { "game" }, errors.Keys);
    }

    [Fact]
    public void An_unknown_mode_is_refused() =>
        AssertError(EquitySpots.Input("plo4", TwoHands, mode: "fast"), "mode", "'fast' is not a mode: expected auto, exact or montecarlo");

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(100_000_000_001L)]
    public void Trials_must_be_between_1_and_the_maximum(long trials) =>
        AssertError(EquitySpots.Input("plo4", TwoHands) with { Trials = trials }, "trials", "must be between 1 and 100000000000");

    [Fact]
    public void A_time_limit_must_be_positive() =>
        AssertError(EquitySpots.Input("plo4", TwoHands) with { TimeLimitMs = 0 }, "timeLimitMs", "must be positive");

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(50.0)]
    [InlineData(double.NaN)]
    public void A_precision_target_must_be_between_0_and_50_points(double target) =>
        AssertError(EquitySpots.Input("plo4", TwoHands) with { TargetStdErr = target }, "targetStdErr", "above 0 and below 50");

    [Fact]
    public void Exact_mode_takes_no_trial_count() =>
        AssertError(EquitySpots.Input("plo4", TwoHands, mode: "exact") with { Trials = 1000 }, "mode", "exact enumeration takes no trials, target precision or time limit");

    [Fact]
    public void Exact_mode_takes_no_precision_target() =>
        AssertError(EquitySpots.Input("plo4", TwoHands, mode: "exact") with { TargetStdErr = 0.1 }, "mode", "exact enumeration takes no trials, target precision or time limit");

    [Fact]
    public void Exact_double_board_with_two_empty_boards_is_refused() =>
        AssertError(EquitySpots.Input("plo4", TwoHands, ["", ""], mode: "exact"), "mode", "needs at least one board with three or more cards");

    [Fact]
    public void Exact_double_board_with_one_flop_is_accepted() =>
        Assert.True(EquityProblem.TryCreate(EquitySpots.Input("plo4", TwoHands, ["", "2c3d4h"], mode: "exact"), out _, out _));

    [Fact]
    public void Every_wrong_field_is_reported_at_once()
    {
        var input = new EquityInput
        {
            Game = "plo4",
            Players = [new() { Hand = "AsKsQhJh" }, new() { Hand = "AsKd" }],
            Boards = ["2c3d"],
            Dead = "Zz",
            Mode = "slow",
            Trials = 0,
        };
        Assert.False(EquityProblem.TryCreate(input, out _, out var errors));
        Assert.Equal(new[] { "boards[0]", "dead", "mode", "players[1].hand", "trials" }, errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("As is also in players[0].hand", errors["players[1].hand"]);
        Assert.Contains("plo4 hands have 4 cards, this one has 2", errors["players[1].hand"]);
    }

    [Fact]
    public void Exact_mode_takes_no_time_limit() =>
        AssertError(EquitySpots.Input("plo4", TwoHands, mode: "exact") with { TimeLimitMs = 100 }, "mode", "exact enumeration takes no trials, target precision or time limit");

    [Fact]
    public void Null_input_throws() => Assert.Throws<ArgumentNullException>(() => EquityProblem.TryCreate(null!, out _, out _));

    private static void AssertError(EquityInput input, string field, string message)
    {
        Assert.False(EquityProblem.TryCreate(input, out _, out var errors), "the input was accepted");
        Assert.True(errors.TryGetValue(field, out var messages), $"no error for {field}; errors: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}");
        Assert.Contains(messages, m => m.Contains(message, StringComparison.Ordinal));
    }
}
