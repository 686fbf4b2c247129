using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.JsonWebTokens;

namespace PloSolver.Server.Infrastructure;

/// <summary>Rate-limit policy names used by the feature route groups.</summary>
internal static class RateLimitPolicies
{
    /// <summary>Per client IP: register, login, refresh, Google sign-in.</summary>
    public const string Auth = "auth";

    /// <summary>Per user (signed in) or client IP (anonymous): equity, evaluation, range parsing, job submission.</summary>
    public const string Compute = "compute";
}

/// <summary>The cross-cutting HTTP pieces: JSON, ProblemDetails, limits, headers, CORS, forwarded headers.</summary>
internal static class WebDefaults
{
    public static IServiceCollection AddWebDefaults(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        // Make binding failures throw, so ProblemExceptionHandler can name the offending JSON field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddSingleton<ProblemExceptionHandler>();
        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<ServerSettings>((o, s) =>
            {
                o.Limits.MaxRequestBodySize = s.MaxRequestBodyBytes;
                o.AddServerHeader = false;
            });

        services.AddOptions<ForwardedHeadersOptions>().Configure<ServerSettings>((o, s) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Only the configured proxy networks are believed; with none configured, only loopback.
            foreach (var network in s.ForwardedNetworks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });

        // Jobs' JSON (a solve's nodes list every hand: hundreds of kilobytes) is compressed; nothing it holds is a
        // secret, so compressing it over HTTPS leaks nothing. Other answers stay as they are.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["application/json"];
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);

        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<ServerSettings>((o, s) =>
        {
            o.AddDefaultPolicy(policy =>
            {
                if (s.CorsOrigins.Length > 0)
                {
                    policy.WithOrigins(s.CorsOrigins).AllowAnyHeader().AllowAnyMethod().AllowCredentials().WithExposedHeaders("Retry-After");
                }
            });
        });

        services.AddRateLimiter(o =>
        {
            o.OnRejected = async (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"Try again in {seconds} s.",
                    },
                });
            };
            o.AddPolicy(RateLimitPolicies.Auth, http =>
            {
                var settings = http.RequestServices.GetRequiredService<ServerSettings>();
                return RateLimitPartition.GetFixedWindowLimiter("ip:" + ClientIp(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.AuthRequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            o.AddPolicy(RateLimitPolicies.Compute, http =>
            {
                var settings = http.RequestServices.GetRequiredService<ServerSettings>();
                var user = http.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
                // Anonymous callers share their IP's budget and get a quarter of a signed-in user's.
                var (key, limit) = user is not null ? ("user:" + user, settings.ComputeRequestsPerMinute) : ("ip:" + ClientIp(http), Math.Max(1, settings.ComputeRequestsPerMinute / 4));
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limit,
                    TokensPerPeriod = Math.Max(1, limit / 60),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return services;
    }

    /// <summary>Compresses the JSON of <c>GET /api/jobs…</c> (not the event stream) for clients that accept it.</summary>
    public static IApplicationBuilder UseJobCompression(this IApplicationBuilder app) =>
        app.UseWhen(c => HttpMethods.IsGet(c.Request.Method) && c.Request.Path.StartsWithSegments("/api/jobs")
            && !c.Request.Path.Value!.EndsWith("/events", StringComparison.Ordinal), b => b.UseResponseCompression());

    public static string ClientIp(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Security headers on every response; the API reference page needs its own script and styles.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // The web app's pages set their own policy (WebAppHosting); everything else is locked down.
            if (!string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                return Task.CompletedTask;
            }
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/docs")
                ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'"
                : "default-src 'none'; frame-ancestors 'none'";
            return Task.CompletedTask;
        }, context);
        return next(context);
    });

    /// <summary>
    /// Refuses a body whose declared length is over the limit with a 413 ProblemDetails before anything reads it
    /// (Kestrel enforces the same limit on bodies of unknown length while they are read).
    /// </summary>
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app)
    {
        var limit = app.ApplicationServices.GetRequiredService<ServerSettings>().MaxRequestBodyBytes;
        return app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = ProblemExceptionHandler.TooLarge(context),
                });
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }
            await next(context);
        });
    }
}