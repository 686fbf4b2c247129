using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using PloSolver.Server.Infrastructure;

namespace PloSolver.Server.Web;

/// <summary>
/// Serves the built web app (web/dist) from the same origin as the API: files as they are, hashed assets cached
/// for a year, and index.html for every other GET outside /api, /health and /metrics, since the app routes
/// /spots, /jobs, /shared/{slug} … itself.
/// </summary>
internal static class WebAppHosting
{
    /// <summary>The policy the app's pages run under: everything from this origin, nothing inline.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication MapWebApp(this WebApplication app, ServerSettings settings)
    {
        if (settings.WebRoot is not { } root)
        {
            return app;
        }
        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context => Prepare(context.Context),
        });
        app.MapFallback(async context =>
        {
            var path = context.Request.Path;
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                || path.StartsWithSegments("/api") || path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics"))
            {
                // Not a page: the API's own 404 (ProblemDetails from the status-code pages).
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            var index = files.GetFileInfo("index.html");
            Prepare(context);
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(index, context.RequestAborted);
        });
        return app;
    }

    private static void Prepare(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache";
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
    }
}
