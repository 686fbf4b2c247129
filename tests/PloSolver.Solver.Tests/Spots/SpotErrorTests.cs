namespace PloSolver.Solver.Tests;

/// <summary>Spots that cannot be solved get one clear message naming the field and what to change.</summary>
public sealed class SpotErrorTests
{
    private static Spot River(Action<Spot>? change = null)
    {
        var spot = new Spot
        {
            Board = "AsKsQd7c2h",
            Pot = 100,
            EffectiveStack = 300,
            OopRange = "JT",
            IpRange = "AA",
            River = new StreetSizes { Bets = [0.5, 1], Raises = [1], MaxRaises = 1 },
        };
        change?.Invoke(spot);
        return spot;
    }

    private static string Error(Spot spot) => Assert.Throws<SpotException>(() => PostflopSolver.Estimate(spot)).Message;

    [Fact]
    public void A_board_card_given_twice_is_refused() =>
        Assert.Equal("board: As at position 5 is a duplicate (already at position 1)", Error(River(s => s.Board = "AsKsAs7c2h")));

    [Fact]
    public void A_range_left_empty_by_the_board_is_refused() =>
        Assert.StartsWith("ipRange, position 1: the range matches no", Error(River(s => s.IpRange = "AsKsQdJd")));

    [Fact]
    public void A_negative_stack_is_refused() =>
        Assert.Equal("effectiveStack: a stack cannot be negative, got -5", Error(River(s => s.EffectiveStack = -5)));

    [Fact]
    public void A_range_error_names_the_range_and_the_position() =>
        Assert.StartsWith("oopRange, position ", Error(River(s => s.OopRange = "JT,,")));

    [Fact]
    public void Bad_sizes_and_games_are_refused()
    {
        Assert.StartsWith("river.bets: sizes are fractions of the pot", Error(River(s => s.River = new StreetSizes { Bets = [-0.5] })));
        Assert.StartsWith("game: 'holdem' is not a game", Error(River(s => s.Game = "holdem")));
        Assert.StartsWith("pot: ", Error(River(s => s.Pot = 0)));
        Assert.StartsWith("board: a spot starts on the flop, turn or river", Error(River(s => s.Board = "AsKs")));
    }

    [Fact]
    public void Ranges_that_never_meet_are_refused()
    {
        var error = Assert.Throws<SpotException>(() => PostflopSolver.Solve(River(s =>
        {
            s.OopRange = "AcAdAhJc";
            s.IpRange = "AcAdAhJd";
        }))).Message;
        Assert.Contains("no pair of hands can meet", error);
    }

    [Fact]
    public void A_spot_over_the_memory_limit_is_refused_with_how_to_shrink_it()
    {
        var error = Assert.Throws<SpotException>(() => PostflopSolver.Solve(River(s => s.MaxMemoryMb = 1))).Message;
        Assert.Contains("over the limit of 1 MB", error);
        Assert.Contains("use fewer bet and raise sizes or raises, narrower ranges, or start on a later street", error);
    }

    [Fact]
    public void A_tree_with_too_many_nodes_is_refused()
    {
        var streets = new[] { new StreetConfig([0.3, 0.5, 0.75, 1], [0.5, 1], 3, true) };
        var builder = new PostflopTreeBuilder(100, 10_000, [streets[0], streets[0], streets[0]], 1, 4, maxNodes: 10_000);
        var error = Assert.Throws<SpotException>(() => builder.Build(0b111)).Message;
        Assert.Equal("the tree has more than 10,000 nodes: use fewer bet and raise sizes, fewer raises per street, or start on a later street", error);
    }

    [Theory]
    [InlineData("{ \"board\": \"AsKsQd7c2h\", \"pot\": 100, \"effectiveStack\": 100, \"oopRange\": \"JT\", \"ipRange\": \"AA\", \"sizes\": 1 }",
        "not a valid spot file: unknown field 'sizes' (fields: game, board, pot,")]
    [InlineData("{ \"board\": \"AsKsQd7c2h\", \"pot\": 100, \"effectiveStack\": 100, \"oopRange\": \"JT\", \"ipRange\": \"AA\", \"river\": { \"bet\": [1] } }",
        "not a valid spot file: unknown field 'river.bet' (fields: bets, raises, maxRaises, allIn)")]
    [InlineData("{ \"board\": \"AsKsQd7c2h\", \"pot\": 100 ", "not a valid spot file: malformed JSON at line 1")]
    [InlineData("{ \"board\": \"AsKsQd7c2h\", \"pot\": 100 }", "not a valid spot file: the field 'effectiveStack' is missing")]
    [InlineData("{ \"board\": \"AsKsQd7c2h\", \"pot\": \"lots\", \"effectiveStack\": 100, \"oopRange\": \"JT\", \"ipRange\": \"AA\" }",
        "not a valid spot file: pot (line 1) has the wrong type of value")]
    [InlineData("[1, 2]", "not a valid spot file: expected a JSON object")]
    public void Malformed_json_and_unknown_or_missing_fields_are_refused(string json, string start)
    {
        var error = Assert.Throws<SpotException>(() => SpotFile.Parse(json)).Message;
        Assert.StartsWith(start, error);
    }

    [Fact]
    public void A_spot_file_round_trips()
    {
        var spot = SpotFile.Parse("""
            {
              // comments are allowed
              "game": "plo5",
              "board": "As Ks Qd",
              "pot": 10, "effectiveStack": 90,
              "oopRange": "JT", "ipRange": "AA",
              "flop": { "bets": [0.5], "raises": [1], "maxRaises": 1, "allIn": true },
            }
            """);
        Assert.Equal("plo5", spot.Game);
        Assert.Equal([0.5], spot.Flop!.Bets);
        Assert.True(spot.Flop.AllIn);
    }
}
