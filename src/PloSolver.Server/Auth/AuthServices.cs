using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PloSolver.Server.Infrastructure;

namespace PloSolver.Server.Auth;

internal static class AuthServices
{
    public const string Issuer = "plosolver";
    public const string Audience = "plosolver-api";

    private const string DatabaseOutageKey = "plosolver.database-outage";

    public static IServiceCollection AddAuth(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<Passwords>();
        services.AddSingleton<GoogleSignIn>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<ServerSettings>((o, settings) =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = Issuer,
                ValidAudience = Audience,
                IssuerSigningKey = TokenService.SigningKey(settings),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = JwtRegisteredClaimNames.Sub,
            };
            o.Events = new JwtBearerEvents
            {
                // A signature is not enough: the session must still exist and not be revoked (logout, password
                // change, refresh-token reuse), checked against the shared session table.
                OnTokenValidated = async context =>
                {
                    var jti = context.Principal?.FindFirst(JwtRegisteredClaimNames.Jti)?.Value;
                    var validator = context.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
                    if (!Guid.TryParse(jti, out var sessionId) || !await validator.IsActiveAsync(sessionId, context.HttpContext.RequestAborted))
                    {
                        context.Fail("The session has ended.");
                    }
                },
                // The session table could not be read: that is an outage (503), not a bad token (401), or clients
                // would throw away good tokens and sign in again.
                OnAuthenticationFailed = context =>
                {
                    if (ProblemExceptionHandler.IsDatabaseOutage(context.Exception))
                    {
                        context.HttpContext.Items[DatabaseOutageKey] = context.Exception;
                    }
                    return Task.CompletedTask;
                },
                OnChallenge = async context =>
                {
                    if (context.HttpContext.Items[DatabaseOutageKey] is Exception outage)
                    {
                        context.HandleResponse();
                        var handler = context.HttpContext.RequestServices.GetRequiredService<ProblemExceptionHandler>();
                        await handler.TryHandleAsync(context.HttpContext, outage, context.HttpContext.RequestAborted);
                    }
                },
            };
        });
        services.AddAuthorization();
        return services;
    }
}
