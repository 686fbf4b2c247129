namespace PloSolver.Engine.Tests;

public sealed class GameTests
{
    [Theory]
    [InlineData("plo4", Game.Plo4)]
    [InlineData("PLO4", Game.Plo4)]
    [InlineData("plo", Game.Plo4)]
    [InlineData("Omaha", Game.Plo4)]
    [InlineData("4", Game.Plo4)]
    [InlineData("plo5", Game.Plo5)]
    [InlineData(" Plo5 ", Game.Plo5)]
    [InlineData("5", Game.Plo5)]
    [InlineData("plo6", Game.Plo6)]
    [InlineData("6", Game.Plo6)]
    public void Parses_game_names(string text, Game expected)
    {
        Assert.True(Games.TryParse(text, out var game));
        Assert.Equal(expected, game);
    }

    [Theory]
    [InlineData("plo7")]
    [InlineData("holdem")]
    [InlineData("")]
    [InlineData("3")]
    [InlineData(null)]
    public void Refuses_unknown_games(string? text) => Assert.False(Games.TryParse(text, out _));

    [Theory]
    [InlineData(Game.Plo4, 4, "plo4")]
    [InlineData(Game.Plo5, 5, "plo5")]
    [InlineData(Game.Plo6, 6, "plo6")]
    public void Names_and_hole_cards_round_trip(Game game, int holeCards, string name)
    {
        Assert.Equal(holeCards, game.HoleCards());
        Assert.Equal(name, game.Name());
        Assert.True(Games.TryParse(game.Name(), out var parsed));
        Assert.Equal(game, parsed);
    }

    [Fact]
    public void An_undefined_game_has_no_name() => Assert.Throws<ArgumentOutOfRangeException>(() => ((Game)7).Name());
}
