using System.Net.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PloSolver.Server.Data;
using PloSolver.Server.Infrastructure;

namespace PloSolver.Server.Auth;

internal sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);

internal sealed record LoginRequest(string? Email, string? Password);

internal sealed record RefreshRequest(string? RefreshToken);

internal sealed record GoogleRequest(string? IdToken);

internal sealed record ProfileUpdate(string? Email, string? DisplayName);

internal sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

/// <summary>Accounts and sessions: /api/auth/* and /api/me.</summary>
internal static class AuthApi
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        var open = auth.MapGroup("").RequireRateLimiting(RateLimitPolicies.Auth);
        open.MapPost("/register", Register);
        open.MapPost("/login", Login);
        open.MapPost("/refresh", Refresh);
        open.MapPost("/google", Google);

        var signedIn = auth.MapGroup("").RequireAuthorization();
        signedIn.MapPost("/logout", Logout);
        signedIn.MapPost("/logout-all", LogoutAll);
        signedIn.MapGet("/sessions", Sessions);
        signedIn.MapDelete("/sessions/{id:guid}", RevokeSession);

        var me = app.MapGroup("/api/me").WithTags("Auth").RequireAuthorization();
        me.MapGet("", GetMe);
        me.MapPatch("", UpdateMe);
        me.MapPost("/password", ChangePassword);
        return app;
    }

    private static async Task<Results<Created<AuthResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterRequest request, AppDbContext db, Passwords passwords, TokenService tokens, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var email = CheckEmail(request.Email, errors);
        CheckPassword("password", request.Password, errors);
        var displayName = CheckDisplayName(request.DisplayName, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            return EmailTaken();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new User { Id = Guid.CreateVersion7(), Email = email!, DisplayName = displayName, CreatedAt = now, UpdatedAt = now };
        user.PasswordHash = passwords.Hash(user, request.Password!);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race with a registration of the same email (the unique index refused the second row).
            db.ChangeTracker.Clear();
            if (await db.Users.AsNoTracking().AnyAsync(u => u.Email == email, cancellationToken))
            {
                return EmailTaken();
            }
            throw;
        }
        var response = await tokens.StartSessionAsync(db, user, http, cancellationToken);
        return TypedResults.Created("/api/me", response);
    }

    private static ProblemHttpResult EmailTaken() => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
        title: "An account with this email already exists",
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["email"] = ["is already registered"] } });

    private static async Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, AppDbContext db, Passwords passwords, TokenService tokens, ServerSettings settings, TimeProvider clock, HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors["email"] = ["is required"];
        }
        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["is required"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var email = request.Email!.Trim().ToLowerInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (user is null)
        {
            passwords.VerifyDecoy(request.Password!);
            return BadCredentials();
        }
        if (user.LockoutEnd > now)
        {
            var seconds = (int)Math.Ceiling((user.LockoutEnd.Value - now).TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-ins",
                detail: $"This account is locked for {seconds} s after {settings.LockoutMaxFailures} wrong passwords.");
        }
        var verdict = passwords.Verify(user, request.Password!);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.FailedLoginCount++;
            if (user.FailedLoginCount >= settings.LockoutMaxFailures)
            {
                user.LockoutEnd = now + settings.LockoutDuration;
                user.FailedLoginCount = 0;
            }
            await db.SaveChangesAsync(cancellationToken);
            return BadCredentials();
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = passwords.Hash(user, request.Password!);
        }
        user.FailedLoginCount = 0;
        user.LockoutEnd = null;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await tokens.StartSessionAsync(db, user, http, cancellationToken));
    }

    private static ProblemHttpResult BadCredentials() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong email or password");

    private static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> Refresh(
        HttpContext http, AppDbContext db, TokenService tokens, CancellationToken cancellationToken)
    {
        // The body is optional (browsers send only the cookie), so it is read by hand: an empty body is fine.
        string? token = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            if (!http.Request.HasJsonContentType())
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body must be application/json");
            }
            var body = await http.Request.ReadFromJsonAsync<RefreshRequest>(cancellationToken);
            token = body?.RefreshToken;
        }
        token ??= http.Request.Cookies[TokenService.RefreshCookie];
        if (string.IsNullOrEmpty(token))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "No refresh token",
                detail: "Send refreshToken in the body or the refresh cookie.");
        }
        var (outcome, response) = await tokens.RefreshAsync(db, token, http, cancellationToken);
        switch (outcome)
        {
            case TokenService.RefreshOutcome.Rotated:
                return TypedResults.Ok(response!);
            case TokenService.RefreshOutcome.Reused:
                TokenService.ClearCookie(http);
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Refresh token already used",
                    detail: "This refresh token was rotated before; the session has been revoked. Sign in again.");
            default:
                TokenService.ClearCookie(http);
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid or expired refresh token");
        }
    }

    private static async Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> Google(
        GoogleRequest request, GoogleSignIn google, AppDbContext db, TokenService tokens, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (!google.IsConfigured)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Google sign-in is not configured",
                detail: "The server has no GOOGLE_CLIENT_ID.");
        }
        if (string.IsNullOrWhiteSpace(request.IdToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["idToken"] = ["is required"] });
        }
        var identity = await google.VerifyAsync(request.IdToken, cancellationToken);
        if (identity is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The Google ID token is not valid");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await db.Users.FirstOrDefaultAsync(u => u.GoogleSubject == identity.Subject, cancellationToken);
        if (user is null && identity.EmailVerified)
        {
            // Link to an existing account with the same, Google-verified, email.
            user = await db.Users.FirstOrDefaultAsync(u => u.Email == identity.Email, cancellationToken);
            if (user is not null)
            {
                user.GoogleSubject = identity.Subject;
                user.UpdatedAt = now;
            }
        }
        if (user is null)
        {
            if (!identity.EmailVerified)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The Google account's email is not verified");
            }
            user = new User
            {
                Id = Guid.CreateVersion7(),
                Email = identity.Email,
                DisplayName = identity.Name,
                GoogleSubject = identity.Subject,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Users.Add(user);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await tokens.StartSessionAsync(db, user, http, cancellationToken));
    }

    private static async Task<NoContent> Logout(HttpContext http, AppDbContext db, TokenService tokens, CancellationToken cancellationToken)
    {
        var sessionId = CurrentUser.SessionId(http.User);
        await tokens.RevokeAsync(db, s => s.Id == sessionId, "logout", cancellationToken);
        TokenService.ClearCookie(http);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> LogoutAll(HttpContext http, AppDbContext db, TokenService tokens, CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(http.User);
        await tokens.RevokeAsync(db, s => s.UserId == userId, "logout-all", cancellationToken);
        TokenService.ClearCookie(http);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<SessionDto>>> Sessions(HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(http.User);
        var current = CurrentUser.SessionId(http.User);
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastUsedAt)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(sessions.Select(s => s.AsDto(current)).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeSession(
        Guid id, HttpContext http, AppDbContext db, TokenService tokens, CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(http.User);
        var revoked = await tokens.RevokeAsync(db, s => s.Id == id && s.UserId == userId, "revoked", cancellationToken);
        return revoked == 0 ? NotFound("session", id) : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> GetMe(HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(http.User);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? NotFound("user", userId) : TypedResults.Ok(user.AsDto());
    }

    private static async Task<Results<Ok<UserDto>, ValidationProblem, ProblemHttpResult>> UpdateMe(
        ProfileUpdate request, HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var email = request.Email is null ? null : CheckEmail(request.Email, errors);
        var displayName = request.DisplayName is null ? null : CheckDisplayName(request.DisplayName, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var userId = CurrentUser.Id(http.User);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return NotFound("user", userId);
        }
        if (email is not null && email != user.Email)
        {
            if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
            {
                return EmailTaken();
            }
            user.Email = email;
        }
        if (request.DisplayName is not null)
        {
            user.DisplayName = displayName;
        }
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(user.AsDto());
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePassword(
        PasswordChange request, HttpContext http, AppDbContext db, Passwords passwords, TokenService tokens, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(http.User);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return NotFound("user", userId);
        }
        var errors = new Dictionary<string, string[]>();
        CheckPassword("newPassword", request.NewPassword, errors);
        // An account made with Google has no password yet and may set one without a current password.
        if (user.PasswordHash is not null && (string.IsNullOrEmpty(request.CurrentPassword) || passwords.Verify(user, request.CurrentPassword) == PasswordVerificationResult.Failed))
        {
            errors["currentPassword"] = [string.IsNullOrEmpty(request.CurrentPassword) ? "is required" : "is wrong"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        user.PasswordHash = passwords.Hash(user, request.NewPassword!);
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        var current = CurrentUser.SessionId(http.User);
        await tokens.RevokeAsync(db, s => s.UserId == userId && s.Id != current, "password-changed", cancellationToken);
        return TypedResults.NoContent();
    }

    public static ProblemHttpResult NotFound(string what, Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}", detail: $"There is no {what} {id} of yours.");

    private static string? CheckEmail(string? text, Dictionary<string, string[]> errors)
    {
        var email = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email))
        {
            errors["email"] = ["is required"];
            return null;
        }
        if (email.Length > User.MaxEmailLength || !MailAddress.TryCreate(email, out var address) || address.Address != email || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            errors["email"] = ["is not an email address"];
            return null;
        }
        return email;
    }

    private static void CheckPassword(string field, string? password, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors[field] = ["is required"];
        }
        else if (password.Length is < MinPasswordLength or > MaxPasswordLength)
        {
            errors[field] = [$"must be {MinPasswordLength} to {MaxPasswordLength} characters long"];
        }
    }

    private static string? CheckDisplayName(string? text, Dictionary<string, string[]> errors)
    {
        var name = text?.Trim();
        if (name is { Length: > User.MaxDisplayNameLength })
        {
            errors["displayName"] = [$"must be at most {User.MaxDisplayNameLength} characters"];
        }
        return string.IsNullOrEmpty(name) ? null : name;
    }
}
