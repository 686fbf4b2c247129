namespace PloSolver.Engine.Tests;

public sealed class OmahaTablesResourceTests
{
    // scripts/generate-tables.sh sets this to rewrite the shipped resource instead of checking it.
    private const string WriteVariable = "PLOSOLVER_WRITE_TABLES";

    [Fact]
    public void Shipped_table_resource_matches_the_generator()
    {
        var (pairRows, flushPairs) = OmahaTableGenerator.Generate();
        var expected = OmahaTableGenerator.Serialize(pairRows, flushPairs);
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            File.WriteAllBytes(Path.Combine(RepositoryRoot(), "src/PloSolver.Engine/Tables/omaha-tables.bin"), expected);
            return;
        }
        Assert.Equal(pairRows, OmahaTables.PairRows);
        Assert.Equal(flushPairs, OmahaTables.FlushPairs);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PloSolver.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("PloSolver.slnx not found above the test directory");
    }
}
