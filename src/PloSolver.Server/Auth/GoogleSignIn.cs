using Google.Apis.Auth;
using PloSolver.Server.Infrastructure;

namespace PloSolver.Server.Auth;

internal sealed record GoogleIdentity(string Subject, string Email, bool EmailVerified, string? Name);

/// <summary>Verifies Google ID tokens (signature against Google's published keys, audience = GOOGLE_CLIENT_ID,
/// issuer, expiry) with Google's own library.</summary>
internal sealed class GoogleSignIn(ServerSettings settings, ILogger<GoogleSignIn> logger)
{
    public bool IsConfigured => settings.GoogleClientId is not null;

    public async Task<GoogleIdentity?> VerifyAsync(string idToken, CancellationToken cancellationToken)
    {
        try
        {
            var payload = await GoogleJsonWebSignature.ValidateAsync(idToken, new GoogleJsonWebSignature.ValidationSettings
            {
                Audience = [settings.GoogleClientId!],
            }).WaitAsync(cancellationToken);
            return new GoogleIdentity(payload.Subject, payload.Email.Trim().ToLowerInvariant(), payload.EmailVerified, payload.Name);
        }
        catch (Exception e) when (e is not (OperationCanceledException or HttpRequestException))
        {
            // InvalidJwtException says what is wrong (expired, wrong audience …); text that is not a JWT at all fails
            // in decoding. The token itself is never logged. Google's keys being unreachable is an outage instead.
            logger.LogInformation("Google ID token refused: {Reason}", e.Message);
            return null;
        }
    }
}
