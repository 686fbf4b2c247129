using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PloSolver.Server.Infrastructure;

namespace PloSolver.Server.Data;

internal static class DataServices
{
    /// <summary>
    /// Registers both provider contexts lazily and resolves <see cref="AppDbContext"/> to the configured one:
    /// the choice is made from the validated settings, after every configuration source is in.
    /// </summary>
    public static IServiceCollection AddData(this IServiceCollection services)
    {
        services.AddSingleton<DbCommandMetrics>();
        services.AddDbContext<PostgresDbContext>((sp, o) => ConfigurePostgres(o, sp.GetRequiredService<ServerSettings>().PostgresConnectionString!)
            .AddInterceptors(sp.GetRequiredService<DbCommandMetrics>()));
        services.AddDbContext<SqliteDbContext>((sp, o) => ConfigureSqlite(o, sp.GetRequiredService<ServerSettings>().SqliteConnectionString)
            .AddInterceptors(sp.GetRequiredService<DbCommandMetrics>()));
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<ServerSettings>().UsesPostgres
            ? sp.GetRequiredService<PostgresDbContext>()
            : sp.GetRequiredService<SqliteDbContext>());
        return services;
    }

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}

/// <summary>For <c>dotnet ef migrations add X --context PostgresDbContext -o Data/Migrations/Postgres</c>; never connects.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDbContext>
{
    public PostgresDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgresDbContext>)DataServices.ConfigurePostgres(new DbContextOptionsBuilder<PostgresDbContext>(), "Host=localhost;Database=design").Options);
}

/// <summary>For <c>dotnet ef migrations add X --context SqliteDbContext -o Data/Migrations/Sqlite</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDbContext>
{
    public SqliteDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteDbContext>)DataServices.ConfigureSqlite(new DbContextOptionsBuilder<SqliteDbContext>(), "Data Source=design.db").Options);
}
