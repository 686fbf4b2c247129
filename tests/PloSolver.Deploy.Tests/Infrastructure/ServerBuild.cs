using System.Reflection;

namespace PloSolver.Deploy.Tests.Infrastructure;

/// <summary>
/// The server's own build output (src/PloSolver.Server/bin/CONFIGURATION/TFM), which this project builds first
/// (a project reference that is not referenced): the tests run it as `dotnet PloSolver.Server.dll`, as the image does.
/// </summary>
internal static class ServerBuild
{
    public const string DllName = "PloSolver.Server.dll";

    public static string Directory { get; } = Find();

    public static string Dll => Path.Combine(Directory, DllName);

    /// <summary>The dotnet host, resolved, so it can be run as another user whose PATH may differ.</summary>
    public static string Dotnet { get; } = Shell.Find("dotnet", "/usr/share/dotnet", "/usr/lib/dotnet")
        ?? throw new InvalidOperationException("dotnet is not on PATH");

    private static string Find()
    {
        var configuration = typeof(ServerBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var directory = Repo.PathOf(Path.Combine("src", "PloSolver.Server", "bin", configuration, framework));
        if (!File.Exists(Path.Combine(directory, DllName)))
        {
            throw new InvalidOperationException($"{DllName} is not in {directory}: build the solution (dotnet build -c {configuration})");
        }
        return directory;
    }
}
