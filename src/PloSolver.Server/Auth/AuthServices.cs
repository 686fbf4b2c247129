using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PloSolver.Server.Infrastructure;

namespace PloSolver.Server.Auth;

internal static class AuthServices
{
    public const string Issuer = "plosolver";
    public const string Audience = "plosolver-api";

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
            };
        });
        services.AddAuthorization();
        return services;
    }
}
