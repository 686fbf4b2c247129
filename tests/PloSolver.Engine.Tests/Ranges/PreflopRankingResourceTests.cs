namespace PloSolver.Engine.Tests.Ranges;

public sealed class PreflopRankingResourceTests
{
    // scripts/generate-tables.sh --ranking GAME sets this to the game whose ranking it rewrites.
    private const string WriteVariable = "PLOSOLVER_WRITE_RANKING";

    [Theory]
    [InlineData(Game.Plo4)]
    [InlineData(Game.Plo5)]
    public void Shipped_equities_match_the_generator_on_a_sample_of_classes(Game game)
    {
        var path = RepositoryFiles.PathOf($"src/PloSolver.Engine/Ranges/preflop-ranking-{Games.Name(game)}.bin");
        if (Environment.GetEnvironmentVariable(WriteVariable) == Games.Name(game))
        {
            var all = PreflopRankingGenerator.Generate(game, PreflopRankingGenerator.TrialsFor(game), Environment.ProcessorCount);
            File.WriteAllBytes(path, PreflopRanking.Serialize(all));
            return;
        }
        var shipped = PreflopRanking.Deserialize(File.ReadAllBytes(path));
        // Every 997th class (a prime stride, so all kinds of hands are hit), regenerated with the shipped trials.
        var sample = Enumerable.Range(0, shipped.Length).Where(c => c % 997 == 0).ToArray();
        var trials = PreflopRankingGenerator.TrialsFor(game);
        var regenerated = PreflopRankingGenerator.Generate(game, trials, 2, sample);
        Assert.All(sample, c => Assert.Equal(shipped[c], regenerated[c]));
    }
}
