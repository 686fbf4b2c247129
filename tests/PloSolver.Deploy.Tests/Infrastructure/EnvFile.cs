namespace PloSolver.Deploy.Tests.Infrastructure;

/// <summary>A .env file: KEY=VALUE lines, each with the comment line written just above it.</summary>
internal sealed record EnvEntry(string Key, string Value, string? Comment);

internal static class EnvFile
{
    public static IReadOnlyDictionary<string, EnvEntry> Load(string relativePath)
    {
        var entries = new Dictionary<string, EnvEntry>();
        string? previous = null;
        foreach (var raw in Repo.Read(relativePath).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                var equals = line.IndexOf('=', StringComparison.Ordinal);
                Assert.True(equals > 0, $"{relativePath}: '{line}' is not KEY=VALUE");
                var key = line[..equals];
                Assert.False(entries.ContainsKey(key), $"{relativePath}: {key} is set twice");
                entries[key] = new EnvEntry(key, line[(equals + 1)..], previous is not null && previous.StartsWith('#') ? previous : null);
            }
            previous = line;
        }
        return entries;
    }
}
