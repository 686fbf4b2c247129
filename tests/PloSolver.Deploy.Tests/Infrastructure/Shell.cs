using System.Diagnostics;

namespace PloSolver.Deploy.Tests.Infrastructure;

/// <summary>The outcome of a finished program.</summary>
internal sealed record RunResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}

/// <summary>Runs programs and the repository's scripts with a time limit.</summary>
internal static class Shell
{
    public static RunResult Run(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Repo.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The scripts must not pick up a DATABASE_URL from whoever runs the tests.
        start.Environment.Remove("DATABASE_URL");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in time");
        }
        process.WaitForExit();
        return new RunResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static RunResult Script(string relativePath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        Run("bash", [Repo.PathOf(relativePath), .. arguments], environment);

    /// <summary>Where a program is on PATH or in the given directories, or null.</summary>
    public static string? Find(string program, params string[] directories) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(directories)
            .Select(d => Path.Combine(d, program))
            .FirstOrDefault(File.Exists);
}
