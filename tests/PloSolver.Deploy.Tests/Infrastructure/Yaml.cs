using YamlDotNet.RepresentationModel;

namespace PloSolver.Deploy.Tests.Infrastructure;

/// <summary>Reads YAML files as node trees, with lookups that fail the test with the path that is missing.</summary>
internal static class Yaml
{
    public static YamlMappingNode Load(string relativePath)
    {
        using var reader = new StringReader(Repo.Read(relativePath));
        var stream = new YamlStream();
        stream.Load(reader);
        return Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
    }

    /// <summary>The node at a dotted path of mapping keys ("services.backend.healthcheck"), or a failed test.</summary>
    public static YamlNode At(this YamlNode node, string path)
    {
        foreach (var key in path.Split('.'))
        {
            var mapping = Assert.IsType<YamlMappingNode>(node);
            Assert.True(mapping.Children.TryGetValue(new YamlScalarNode(key), out var child), $"'{key}' is missing (looking for {path})");
            node = child;
        }
        return node;
    }

    public static bool Has(this YamlNode node, string path)
    {
        foreach (var key in path.Split('.'))
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return false;
            }
            node = child;
        }
        return true;
    }

    public static YamlMappingNode Map(this YamlNode node, string path) => Assert.IsType<YamlMappingNode>(node.At(path));

    public static string Text(this YamlNode node, string path) => Assert.IsType<YamlScalarNode>(node.At(path)).Value ?? "";

    /// <summary>The scalars of a sequence at the path (a single scalar counts as a sequence of one).</summary>
    public static IReadOnlyList<string> Strings(this YamlNode node, string path) => node.At(path) switch
    {
        YamlSequenceNode sequence => [.. sequence.Children.Select(c => Assert.IsType<YamlScalarNode>(c).Value ?? "")],
        YamlScalarNode scalar => [scalar.Value ?? ""],
        var other => throw new Xunit.Sdk.XunitException($"{path} is a {other.NodeType}, not a list"),
    };

    public static IEnumerable<string> Keys(this YamlMappingNode mapping) =>
        mapping.Children.Keys.Select(k => ((YamlScalarNode)k).Value ?? "");
}
