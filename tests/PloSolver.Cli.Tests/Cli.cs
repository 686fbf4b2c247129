using System.Diagnostics;

namespace PloSolver.Cli.Tests;

/// <summary>Runs the CLI in-process through its command classes, or as the built <c>plosolver</c> program.</summary>
internal static class Cli
{
    /// <summary>Runs a command in-process; returns its exit code and what it wrote to stdout.</summary>
    public static (int ExitCode, string Stdout) Run(Func<IEnumerable<string>, TextWriter, int> command, params string[] args)
    {
        using var stdout = new StringWriter();
        var exitCode = command(args, stdout);
        return (exitCode, stdout.ToString());
    }

    /// <summary>Runs a command that must fail with a usage error; returns the error message.</summary>
    public static string UsageError(Func<IEnumerable<string>, TextWriter, int> command, params string[] args)
    {
        using var stdout = new StringWriter();
        var error = Assert.Throws<UsageException>(() => command(args, stdout));
        Assert.Equal("", stdout.ToString());
        return error.Message;
    }

    /// <summary>The result of running the program.</summary>
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Runs <c>dotnet plosolver.dll ARGS</c>, the CLI's build output copied beside the tests.</summary>
    public static Outcome Process(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "plosolver.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung child, not a speed check.
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"plosolver {string.Join(' ', args)} did not finish");
        }
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
