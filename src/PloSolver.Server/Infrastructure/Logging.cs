using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace PloSolver.Server.Infrastructure;

/// <summary>
/// Structured logs: readable lines on the console in development, compact JSON in production plus a size-rotated
/// file (logs/plosolver.log, 10 MB × 10). Request logs carry method, path (never the query string or headers),
/// status and time; bodies, passwords and tokens are never logged.
/// </summary>
internal static class Logging
{
    public const string LogFile = "logs/plosolver.log";

    public static IServiceCollection AddServerLogging(this IServiceCollection services) =>
        services.AddSerilog((sp, config) =>
        {
            var settings = sp.GetRequiredService<ServerSettings>();
            var level = Enum.TryParse<LogEventLevel>(settings.LogLevel, ignoreCase: true, out var parsed) ? parsed : LogEventLevel.Information;
            config.MinimumLevel.Is(level)
                .MinimumLevel.Override("Microsoft.AspNetCore", level > LogEventLevel.Warning ? level : LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", level > LogEventLevel.Warning ? level : LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                // Data protection keys protect nothing here (no cookies are encrypted); its warning is noise.
                .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", LogEventLevel.Error)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Application", "plosolver");
            if (settings.IsProduction)
            {
                config.WriteTo.Console(new CompactJsonFormatter())
                    .WriteTo.File(new CompactJsonFormatter(), LogFile, fileSizeLimitBytes: 10 * 1024 * 1024, rollOnFileSizeLimit: true,
                        retainedFileCountLimit: 10, shared: true);
            }
            else
            {
                config.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture,
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }
        });

    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // The route pattern rather than the path where there is one: a shared spot's path is its secret slug.
            o.GetMessageTemplateProperties = (http, path, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue((http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? path)),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ];
            // Health probes and metric scrapes every few seconds would drown everything else.
            o.GetLevel = (http, _, error) => error is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/health") || http.Request.Path.StartsWithSegments("/metrics") ? LogEventLevel.Verbose
                : LogEventLevel.Information;
        });
}
