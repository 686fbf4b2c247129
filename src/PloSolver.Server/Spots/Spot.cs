using System.Text.Json;

namespace PloSolver.Server.Spots;

/// <summary>A saved spot: a name, tags and the spot itself (an equity request or, later, a solver spot) as JSON.</summary>
internal sealed class Spot
{
    public const int MaxNameLength = 200;
    public const int MaxTags = 20;
    public const int MaxTagLength = 40;

    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Lower-case tags stored as <c>|a|b|</c>, so "has tag t" is a portable <c>LIKE '%|t|%'</c> on both
    /// databases.</summary>
    public string Tags { get; set; } = "|";

    /// <summary>The spot's JSON object, stored as text.</summary>
    public string Data { get; set; } = "{}";

    /// <summary>Set once the owner shares the spot: 22 characters of base64url from 128 random bits.</summary>
    public string? ShareSlug { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public static string JoinTags(IEnumerable<string> tags) => "|" + string.Concat(tags.Select(t => t + "|"));

    public static string[] SplitTags(string tags) => tags.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public SpotDto AsDto() => new(Id, Name, SplitTags(Tags), JsonDocument.Parse(Data).RootElement.Clone(), ShareSlug, CreatedAt, UpdatedAt);
}

internal sealed record SpotDto(Guid Id, string Name, string[] Tags, JsonElement Data, string? ShareSlug, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>What anyone with the link sees: no owner, no id.</summary>
internal sealed record SharedSpotDto(string Name, string[] Tags, JsonElement Data, DateTime UpdatedAt);
