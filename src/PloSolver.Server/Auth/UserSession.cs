namespace PloSolver.Server.Auth;

/// <summary>One signed-in device. Its id is the <c>jti</c> of every access token issued for it.</summary>
internal sealed class UserSession
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>HMAC-SHA256 (keyed by SECRET_KEY) of the current refresh token's secret part, hex.</summary>
    public string RefreshTokenHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime LastUsedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    /// <summary>logout, logout-all, revoked, password-changed, refresh-token-reuse.</summary>
    public string? RevokedReason { get; set; }

    public string? UserAgent { get; set; }

    public string? IpAddress { get; set; }

    public SessionDto AsDto(Guid currentSessionId) => new(Id, CreatedAt, LastUsedAt, ExpiresAt, UserAgent, IpAddress, Id == currentSessionId);
}

internal sealed record SessionDto(Guid Id, DateTime CreatedAt, DateTime LastUsedAt, DateTime ExpiresAt, string? UserAgent, string? IpAddress, bool Current);
