using System.Data;
using Microsoft.EntityFrameworkCore;
using PloSolver.Server.Infrastructure;

namespace PloSolver.Server.Data;

/// <summary>Applies the configured provider's migrations at start-up and for the <c>migrate</c> command.</summary>
internal static class DatabaseMigrator
{
    /// <summary>Arbitrary constant naming this application's advisory lock ("PLOS" in ASCII).</summary>
    private const long AdvisoryLockKey = 0x504C4F53;

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<ServerSettings>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("PloSolver.Server.Data.Migrations");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!settings.UsesPostgres)
        {
            Directory.CreateDirectory(settings.DataDirectory);
            await db.Database.MigrateAsync(cancellationToken);
            // WAL lets the request threads read while a job worker writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            logger.LogInformation("SQLite database at {Path} is up to date", Path.Combine(settings.DataDirectory, "plosolver.db"));
            return;
        }

        // Several replicas may start at once: one migrates while the others wait on a session-level advisory
        // lock, then find nothing left to do. The lock goes with the connection if the process dies.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var command = db.Database.GetDbConnection().CreateCommand())
            {
                command.CommandText = $"SELECT pg_advisory_lock({AdvisoryLockKey})";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }
            await using (var command = db.Database.GetDbConnection().CreateCommand())
            {
                command.CommandText = $"SELECT pg_advisory_unlock({AdvisoryLockKey})";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            logger.LogInformation("PostgreSQL database is up to date");
        }
        finally
        {
            if (db.Database.GetDbConnection().State == ConnectionState.Open)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
