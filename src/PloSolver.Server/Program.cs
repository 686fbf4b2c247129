using PloSolver.Server.Auth;
using PloSolver.Server.Data;
using PloSolver.Server.Equity;
using PloSolver.Server.Health;
using PloSolver.Server.Infrastructure;
using PloSolver.Server.Jobs;
using PloSolver.Server.Solving;
using PloSolver.Server.Spots;
using PloSolver.Server.Web;
using Prometheus;
using Scalar.AspNetCore;

// plosolver server. Arguments: none (serve), `migrate` (apply migrations and exit), `worker` (job workers only).
var command = args.FirstOrDefault(a => !a.StartsWith('-'));
if (command is not (null or "migrate" or "worker"))
{
    Console.Error.WriteLine($"PloSolver.Server: unknown command '{command}'; expected migrate or worker (or nothing to serve)");
    return 2;
}

AppMetrics.SuppressRuntimeAdapters();
var builder = WebApplication.CreateBuilder(args);
if (command == "worker")
{
    builder.Configuration["SERVER_ROLE"] = "worker";
}
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls($"http://0.0.0.0:{(builder.Configuration["PORT"] is { Length: > 0 } port ? port : "5001")}");
}

// Report every configuration problem, each naming its variable, before anything (logging included) needs the
// settings. The same checks run again when the options are first used (ValidateOnStart).
var problems = ServerSettings.Read(builder.Configuration, builder.Environment).Problems;
if (problems.Count > 0)
{
    Console.Error.WriteLine("PloSolver.Server: the configuration is not valid:");
    foreach (var problem in problems)
    {
        Console.Error.WriteLine("  " + problem);
    }
    return 1;
}

builder.Services.AddServerSettings();
builder.Services.AddServerLogging();
builder.Services.AddWebDefaults();
builder.Services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>().AddOperationTransformer<BearerSecurityTransformer>());
builder.Services.AddData();
builder.Services.AddAuth();
builder.Services.AddEquity();
builder.Services.AddJobs();
builder.Services.AddSolver();

var app = builder.Build();

var settings = app.Services.GetRequiredService<ServerSettings>();
// Each busy compute slot holds a thread-pool thread for up to its wall-clock limit. Keep that many threads on top of
// the pool's usual minimum, so that requests waiting on I/O never wait for the pool to inject threads while every
// slot computes.
ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
ThreadPool.SetMinThreads(Math.Max(minWorkers, Environment.ProcessorCount + settings.EquityConcurrency), minIo);

await DatabaseMigrator.MigrateAsync(app.Services);
if (command == "migrate")
{
    return 0;
}

app.UseForwardedHeaders();
app.UseRequestMetrics(); // outside the exception handler, so it counts the status the client gets
app.UseRequestLogging(); // outside the exception handler, so it logs the status the client gets
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
app.UseJobCompression();
if (settings.IsProduction)
{
    app.UseHsts();
}
app.UseRequestSizeLimit();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHealth();
app.MapMetrics("/metrics");
if (settings.Role != ServerRole.Worker)
{
    app.MapAuth();
    app.MapEquity();
    app.MapSpots();
    app.MapJobs();
    app.MapSolver();
    app.MapOpenApi("/api/openapi.json");
    app.MapScalarApiReference("/api/docs", o => o.WithTitle("PLOSolver API").WithOpenApiRoutePattern("/api/openapi.json").DisableDefaultFonts());
    app.MapWebApp(settings);
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
