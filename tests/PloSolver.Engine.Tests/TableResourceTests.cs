namespace PloSolver.Engine.Tests;

public sealed class TableResourceTests
{
    // scripts/generate-tables.sh sets this to rewrite the shipped resources instead of checking them.
    private const string WriteVariable = "PLOSOLVER_WRITE_TABLES";

    [Fact]
    public void Shipped_table_resources_match_the_generators()
    {
        var five = FiveCardTableGenerator.Generate();
        var (pairRows, flushPairs) = OmahaTableGenerator.Generate(five);
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            var tables = RepositoryFiles.PathOf("src/PloSolver.Engine/Tables");
            File.WriteAllBytes(Path.Combine(tables, "five-card-tables.bin"), five.Serialize());
            File.WriteAllBytes(Path.Combine(tables, "omaha-tables.bin"), OmahaTableGenerator.Serialize(pairRows, flushPairs));
            return;
        }
        Assert.Equal(five.NonFlush, FiveCardTables.NonFlush);
        Assert.Equal(five.Flush, FiveCardTables.Flush);
        Assert.Equal(five.BestFlush, FiveCardTables.BestFlush);
        Assert.Equal(five.KeyOfValue, FiveCardTables.KeyOfValue);
        Assert.Equal(pairRows, OmahaTables.PairRows);
        Assert.Equal(flushPairs, OmahaTables.FlushPairs);
    }
}
