using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PloSolver.Server.Data;
using PloSolver.Server.Infrastructure;

namespace PloSolver.Server.Auth;

/// <summary>What sign-in, registration and refresh answer.</summary>
internal sealed record AuthResponse(string AccessToken, int ExpiresIn, string RefreshToken, UserDto User);

/// <summary>Claims of the access token that handlers read.</summary>
internal static class CurrentUser
{
    public static Guid Id(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(JwtRegisteredClaimNames.Sub)!);

    public static Guid? IdOrNull(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(JwtRegisteredClaimNames.Sub), out var id) ? id : null;

    public static Guid SessionId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(JwtRegisteredClaimNames.Jti)!);
}

/// <summary>
/// Issues access tokens (JWT, HS256, <c>jti</c> = session id) and refresh tokens
/// (<c>{sessionId}.{secret}</c>; only an HMAC of the secret is stored), and rotates them.
/// </summary>
internal sealed class TokenService(ServerSettings settings, SessionValidator sessions, TimeProvider clock)
{
    public const string RefreshCookie = "plosolver_refresh";

    private readonly JsonWebTokenHandler _handler = new();

    public static SymmetricSecurityKey SigningKey(ServerSettings settings) => new(SHA256.HashData(Encoding.UTF8.GetBytes(settings.JwtSecretKey)));

    /// <summary>Creates a session for a user who just proved who they are, and its first tokens.</summary>
    public async Task<AuthResponse> StartSessionAsync(AppDbContext db, User user, HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var secret = NewSecret();
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(),
            UserId = user.Id,
            RefreshTokenHash = Hash(secret),
            CreatedAt = now,
            LastUsedAt = now,
            ExpiresAt = now + settings.RefreshTokenLifetime,
            UserAgent = Truncate(http.Request.Headers.UserAgent.ToString(), 256),
            IpAddress = WebDefaults.ClientIp(http),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return Respond(http, user, session, secret);
    }

    /// <summary>The outcome of presenting a refresh token.</summary>
    internal enum RefreshOutcome
    {
        Rotated,
        Invalid,
        Reused,
    }

    /// <summary>
    /// Rotates a refresh token. A token that was already rotated (or a lost race between two uses of the same
    /// token) revokes the whole session: one of the two holders is not the user.
    /// </summary>
    public async Task<(RefreshOutcome Outcome, AuthResponse? Response)> RefreshAsync(AppDbContext db, string token, HttpContext http, CancellationToken cancellationToken)
    {
        if (!TryParseRefreshToken(token, out var sessionId, out var secret))
        {
            return (RefreshOutcome.Invalid, null);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var session = await db.UserSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || session.RevokedAt is not null || session.ExpiresAt <= now)
        {
            return (RefreshOutcome.Invalid, null);
        }
        var presented = Hash(secret);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(session.RefreshTokenHash)))
        {
            await RevokeAsync(db, s => s.Id == sessionId, "refresh-token-reuse", cancellationToken);
            return (RefreshOutcome.Reused, null);
        }
        var next = NewSecret();
        var nextHash = Hash(next);
        var expires = now + settings.RefreshTokenLifetime;
        var rotated = await db.UserSessions
            .Where(s => s.Id == sessionId && s.RefreshTokenHash == presented && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RefreshTokenHash, nextHash).SetProperty(s => s.LastUsedAt, now).SetProperty(s => s.ExpiresAt, expires),
                cancellationToken);
        if (rotated == 0)
        {
            await RevokeAsync(db, s => s.Id == sessionId, "refresh-token-reuse", cancellationToken);
            return (RefreshOutcome.Reused, null);
        }
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == session.UserId, cancellationToken);
        session.RefreshTokenHash = nextHash;
        session.ExpiresAt = expires;
        return (RefreshOutcome.Rotated, Respond(http, user, session, next));
    }

    /// <summary>Revokes the sessions matching <paramref name="which"/> and forgets them in this instance's cache at
    /// once (other instances notice within the cache's lifetime).</summary>
    public async Task<int> RevokeAsync(AppDbContext db, System.Linq.Expressions.Expression<Func<UserSession, bool>> which, string reason,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.UserSessions.Where(which).Where(s => s.RevokedAt == null).Select(s => s.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }
        var count = await db.UserSessions.Where(s => ids.Contains(s.Id) && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevokedReason, reason), cancellationToken);
        foreach (var id in ids)
        {
            sessions.Forget(id);
        }
        return count;
    }

    private AuthResponse Respond(HttpContext http, User user, UserSession session, string secret)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var access = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = user.Id.ToString(),
                [JwtRegisteredClaimNames.Jti] = session.Id.ToString(),
                [JwtRegisteredClaimNames.Email] = user.Email,
            },
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.AccessTokenLifetime,
            Issuer = AuthServices.Issuer,
            Audience = AuthServices.Audience,
            SigningCredentials = new SigningCredentials(SigningKey(settings), SecurityAlgorithms.HmacSha256),
        });
        var refresh = $"{session.Id:N}.{secret}";
        http.Response.Cookies.Append(RefreshCookie, refresh, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Strict,
            Path = "/api/auth",
            Expires = session.ExpiresAt,
            IsEssential = true,
        });
        return new AuthResponse(access, (int)settings.AccessTokenLifetime.TotalSeconds, refresh, user.AsDto());
    }

    public static void ClearCookie(HttpContext http) =>
        http.Response.Cookies.Delete(RefreshCookie, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, Path = "/api/auth" });

    private static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private string Hash(string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(settings.SecretKey), Encoding.UTF8.GetBytes(secret)));

    private static bool TryParseRefreshToken(string token, out Guid sessionId, out string secret)
    {
        secret = "";
        sessionId = default;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot != 32 || !Guid.TryParseExact(token.AsSpan(0, 32), "N", out sessionId) || token.Length - dot - 1 is < 40 or > 64)
        {
            return false;
        }
        secret = token[(dot + 1)..];
        return true;
    }

    private static string? Truncate(string text, int length) => text.Length == 0 ? null : text.Length <= length ? text : text[..length];
}

/// <summary>
/// Answers "is this access token's session still valid?" for every authenticated request. Answers are cached for
/// a few seconds (SESSION_CACHE_MS, default 5 s), so a session revoked on another instance stops working within
/// that time while most requests cost no database round trip.
/// </summary>
internal sealed class SessionValidator(IMemoryCache cache, IServiceScopeFactory scopes, ServerSettings settings, TimeProvider clock)
{
    public async ValueTask<bool> IsActiveAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(sessionId, out bool active))
        {
            return active;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        active = await db.UserSessions.AsNoTracking().AnyAsync(s => s.Id == sessionId && s.RevokedAt == null && s.ExpiresAt > now, cancellationToken);
        if (settings.SessionCacheTtl > TimeSpan.Zero)
        {
            cache.Set(sessionId, active, settings.SessionCacheTtl);
        }
        return active;
    }

    public void Forget(Guid sessionId) => cache.Remove(sessionId);
}

/// <summary>Identity's password hasher (PBKDF2-HMAC-SHA512, salted, versioned format) with our iteration count.</summary>
internal sealed class Passwords(ServerSettings settings)
{
    private readonly PasswordHasher<User> _hasher = new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions
    {
        CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
        IterationCount = settings.PasswordHashIterations,
    }));

    /// <summary>A hash nobody's password matches, verified for unknown emails so that they take as long as known ones.</summary>
    private string? _decoy;

    public string Hash(User user, string password) => _hasher.HashPassword(user, password);

    public PasswordVerificationResult Verify(User user, string password) =>
        user.PasswordHash is null ? PasswordVerificationResult.Failed : _hasher.VerifyHashedPassword(user, user.PasswordHash, password);

    public void VerifyDecoy(string password) =>
        _hasher.VerifyHashedPassword(new User(), _decoy ??= _hasher.HashPassword(new User(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))), password);
}
