namespace PloSolver.Engine.Tests;

/// <summary>Files of the checked-out repository, for tests that compare shipped resources with their generators.</summary>
internal static class RepositoryFiles
{
    /// <summary>The absolute path of <paramref name="relative"/> under the repository root (the directory holding
    /// PloSolver.slnx, found upwards from the test binaries).</summary>
    public static string PathOf(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PloSolver.slnx")))
        {
            dir = dir.Parent;
        }
        var root = dir?.FullName ?? throw new InvalidOperationException("PloSolver.slnx not found above the test directory");
        return Path.Combine(root, relative);
    }
}
