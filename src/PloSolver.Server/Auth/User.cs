namespace PloSolver.Server.Auth;

internal sealed class User
{
    public const int MaxEmailLength = 254;
    public const int MaxDisplayNameLength = 100;

    public Guid Id { get; set; }

    /// <summary>Lower-cased and trimmed, unique.</summary>
    public string Email { get; set; } = "";

    public string? DisplayName { get; set; }

    /// <summary>Identity's PasswordHasher format; null for accounts that only sign in with Google.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>The Google account's stable <c>sub</c>, once linked.</summary>
    public string? GoogleSubject { get; set; }

    public int FailedLoginCount { get; set; }

    public DateTime? LockoutEnd { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public UserDto AsDto() => new(Id, Email, DisplayName, PasswordHash is not null, GoogleSubject is not null, CreatedAt);
}

internal sealed record UserDto(Guid Id, string Email, string? DisplayName, bool HasPassword, bool GoogleLinked, DateTime CreatedAt);
