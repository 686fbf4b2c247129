using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace PloSolver.Deploy.Tests.Infrastructure;

/// <summary>A docker-compose file read as YAML, with the few Compose rules the tests need (list or map forms).</summary>
internal sealed partial class Compose(string relativePath)
{
    public string RelativePath { get; } = relativePath;

    public YamlMappingNode Root { get; } = Yaml.Load(relativePath);

    public YamlMappingNode Services => Root.Map("services");

    public YamlMappingNode Service(string name) => Root.Map("services." + name);

    public IReadOnlyList<string> Profiles(string service) =>
        Service(service).Has("profiles") ? Service(service).Strings("profiles") : [];

    /// <summary>The services `docker compose --profile P1 --profile P2 up` starts: no profile, or one of those.</summary>
    public HashSet<string> StartedBy(params string[] profiles) =>
        Services.Keys().Where(s => Profiles(s).Count == 0 || Profiles(s).Intersect(profiles).Any()).ToHashSet();

    /// <summary>Environment as a dictionary, whether written as a map or as KEY=VALUE lines.</summary>
    public IReadOnlyDictionary<string, string> Environment(string service)
    {
        var node = Service(service);
        if (!node.Has("environment"))
        {
            return new Dictionary<string, string>();
        }
        return node.At("environment") switch
        {
            YamlMappingNode map => map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? "", p => ((YamlScalarNode)p.Value).Value ?? ""),
            YamlSequenceNode list => list.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToDictionary(l => l.Split('=', 2)[0], l => l.Contains('=', StringComparison.Ordinal) ? l.Split('=', 2)[1] : ""),
            var other => throw new Xunit.Sdk.XunitException($"{service}.environment is a {other.NodeType}"),
        };
    }

    public IReadOnlyList<string> Labels(string service) => Service(service).Has("labels") ? Service(service).Strings("labels") : [];

    /// <summary>Every ${VAR}, ${VAR:-default}, ${VAR:?message} the file interpolates ($$ escapes excluded).</summary>
    public HashSet<string> InterpolatedVariables() =>
        Interpolation().Matches(Repo.Read(RelativePath)).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex(@"(?<!\$)\$\{([A-Z_][A-Z0-9_]*)")]
    private static partial Regex Interpolation();
}
