using System.Text.Json;
using System.Text.Json.Serialization;

namespace PloSolver.Solver;

/// <summary>
/// A heads-up postflop spot as written in a spot file (docs/solver.md): the game, the board, the pot and
/// effective stack, both ranges in the range language, the bet and raise sizes of each street, and how long to
/// solve. The out-of-position player (OOP) acts first on every street.
/// </summary>
public sealed class Spot
{
    /// <summary><c>plo4</c> (default), <c>plo5</c> or <c>plo6</c>.</summary>
    public string Game { get; set; } = "plo4";

    /// <summary>The flop, turn or river: 3 to 5 cards (<c>Ks7d2c</c>, spaces allowed).</summary>
    public required string Board { get; set; }

    /// <summary>Chips in the middle when the spot starts.</summary>
    public required double Pot { get; set; }

    /// <summary>The smaller of the two stacks behind, in chips.</summary>
    public required double EffectiveStack { get; set; }

    /// <summary>The out-of-position player's range (range language, weights with <c>@N</c>).</summary>
    public required string OopRange { get; set; }

    /// <summary>The in-position player's range.</summary>
    public required string IpRange { get; set; }

    /// <summary>Sizes on the flop (used when the board is a flop).</summary>
    public StreetSizes? Flop { get; set; }

    /// <summary>Sizes on the turn.</summary>
    public StreetSizes? Turn { get; set; }

    /// <summary>Sizes on the river.</summary>
    public StreetSizes? River { get; set; }

    /// <summary>
    /// A bet or raise that would put in at least this share of the bettor's remaining stack is made all-in instead
    /// (when the pot limit allows; otherwise the pot-limit maximum). Default 0.67.
    /// </summary>
    public double AllInThreshold { get; set; } = 0.67;

    /// <summary>Stop once exploitability is at most this percentage of the starting pot. Default 0.5.</summary>
    public double TargetExploitabilityPctPot { get; set; } = 0.5;

    /// <summary>Stop after this many iterations. Default 1,000.</summary>
    public int MaxIterations { get; set; } = 1000;

    /// <summary>Stop after this many seconds. Default 600.</summary>
    public double TimeLimitSeconds { get; set; } = 600;

    /// <summary>Refuse spots whose estimated memory exceeds this many megabytes. Default 4,096.</summary>
    public double MaxMemoryMb { get; set; } = 4096;
}

/// <summary>The bet and raise sizes of one street, as fractions of the pot.</summary>
public sealed class StreetSizes
{
    /// <summary>Bet sizes as fractions of the pot (0.33, 0.75, 1 = pot), capped at the pot-limit maximum.</summary>
    public IReadOnlyList<double> Bets { get; set; } = [];

    /// <summary>Raise sizes as fractions of the pot after calling (1 = a pot-sized raise, the pot-limit maximum).</summary>
    public IReadOnlyList<double> Raises { get; set; } = [];

    /// <summary>Raises allowed after the street's first bet. Default 1.</summary>
    public int MaxRaises { get; set; } = 1;

    /// <summary>Whether every bet and raise decision also has an all-in (where the pot limit allows it).</summary>
    public bool AllIn { get; set; }
}

/// <summary>A spot that cannot be solved as given; the message says what to change and, when one field is at fault,
/// starts with its name (<c>board: …</c>, <c>oopRange, position 3: …</c>, <c>river.bets: …</c>).</summary>
public sealed class SpotException(string message) : Exception(message)
{
    /// <summary>The spot field the message names (<c>board</c>, <c>oopRange</c>, <c>river.bets</c>, an unknown or
    /// missing field's name), or null when the spot as a whole is at fault (its size, ranges that never meet,
    /// JSON that does not parse).</summary>
    public string? Field { get; } = SpotFile.FieldOf(message);
}

/// <summary>Reads spot files.</summary>
public static class SpotFile
{
    private static readonly string[] Required = ["board", "pot", "effectiveStack", "oopRange", "ipRange"];

    private static readonly string[] SpotFields =
    [
        "game", "board", "pot", "effectiveStack", "oopRange", "ipRange", "flop", "turn", "river", "allInThreshold",
        "targetExploitabilityPctPot", "maxIterations", "timeLimitSeconds", "maxMemoryMb",
    ];

    private static readonly string[] StreetFields = ["bets", "raises", "maxRaises", "allIn"];

    /// <summary>Parses a spot file's JSON; unknown fields, missing required fields and malformed JSON are errors.</summary>
    /// <exception cref="SpotException">The JSON is not a valid spot.</exception>
    public static Spot Parse(string json)
    {
        // The structure is checked on a document first, so every message is our own (the runtime's JSON messages
        // are reduced to resource keys in the trimmed CLI).
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        try
        {
            using var document = JsonDocument.Parse(json, options);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SpotException("not a valid spot file: expected a JSON object { ... }");
            }
            CheckFields(root, SpotFields, "");
            foreach (var street in new[] { "flop", "turn", "river" })
            {
                if (root.TryGetProperty(street, out var sizes) && sizes.ValueKind == JsonValueKind.Object)
                {
                    CheckFields(sizes, StreetFields, street + ".");
                }
            }
            if (Required.FirstOrDefault(field => !root.TryGetProperty(field, out _)) is { } missing)
            {
                throw new SpotException($"not a valid spot file: the field '{missing}' is missing (required: {string.Join(", ", Required)})");
            }
        }
        catch (JsonException e)
        {
            throw new SpotException($"not a valid spot file: malformed JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}");
        }
        try
        {
            return JsonSerializer.Deserialize(json, SpotJson.Default.Spot) ?? throw new SpotException("not a valid spot file: expected a JSON object");
        }
        catch (JsonException e)
        {
            throw new SpotException($"not a valid spot file: {e.Path?.TrimStart('$', '.') ?? "a field"} (line {e.LineNumber + 1}) has the wrong type of value");
        }
    }

    /// <summary>The field a spot error message names (see <see cref="SpotException.Field"/>).</summary>
    internal static string? FieldOf(string message)
    {
        const string Invalid = "not a valid spot file: ";
        if (message.StartsWith(Invalid, StringComparison.Ordinal))
        {
            var rest = message[Invalid.Length..];
            var quote = rest.IndexOf('\'', StringComparison.Ordinal);
            if ((rest.StartsWith("unknown field '", StringComparison.Ordinal) || rest.StartsWith("the field '", StringComparison.Ordinal))
                && rest.IndexOf('\'', quote + 1) is var close and > 0)
            {
                return rest[(quote + 1)..close];
            }
            var space = rest.IndexOf(" (line ", StringComparison.Ordinal);
            return space > 0 && Known(rest[..space]) ? rest[..space] : null;
        }
        var end = message.IndexOfAny([':', ',']);
        return end > 0 && Known(message[..end]) ? message[..end] : null;
    }

    private static bool Known(string field) => field.Split('.') switch
    {
        [var name] => SpotFields.Contains(name, StringComparer.Ordinal),
        [var street, var name] => street is "flop" or "turn" or "river" && StreetFields.Contains(name, StringComparer.Ordinal),
        _ => false,
    };

    private static void CheckFields(JsonElement element, string[] known, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new SpotException($"not a valid spot file: unknown field '{prefix}{property.Name}' (fields: {string.Join(", ", known)})");
            }
        }
    }
}

/// <summary>Spot JSON: camelCase, comments and trailing commas allowed, unknown fields refused.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, WriteIndented = true)]
[JsonSerializable(typeof(Spot))]
internal sealed partial class SpotJson : JsonSerializerContext;
