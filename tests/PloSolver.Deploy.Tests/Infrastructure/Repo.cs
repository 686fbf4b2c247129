namespace PloSolver.Deploy.Tests.Infrastructure;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PloSolver.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"PloSolver.slnx not found above {AppContext.BaseDirectory}");
    }
}
