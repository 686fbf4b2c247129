using Microsoft.EntityFrameworkCore;
using PloSolver.Server.Auth;
using PloSolver.Server.Jobs;
using PloSolver.Server.Spots;

namespace PloSolver.Server.Data;

/// <summary>
/// The server's tables. Two subclasses fix the provider (<see cref="PostgresDbContext"/>,
/// <see cref="SqliteDbContext"/>) so that each has its own migrations folder; handlers use this base type.
/// </summary>
internal abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<Spot> Spots => Set<Spot>();

    public DbSet<Job> Jobs => Set<Job>();

    public DbSet<JobSolution> JobSolutions => Set<JobSolution>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(e =>
        {
            e.ToTable("users");
            e.Property(u => u.Email).HasMaxLength(User.MaxEmailLength);
            e.HasIndex(u => u.Email).IsUnique();
            e.Property(u => u.DisplayName).HasMaxLength(User.MaxDisplayNameLength);
            e.Property(u => u.GoogleSubject).HasMaxLength(255);
            e.HasIndex(u => u.GoogleSubject).IsUnique();
        });
        modelBuilder.Entity<UserSession>(e =>
        {
            e.ToTable("user_sessions");
            // The primary key is the access token's jti, so validating a token is one primary-key lookup.
            e.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => s.UserId);
            e.Property(s => s.RefreshTokenHash).HasMaxLength(64);
            e.Property(s => s.UserAgent).HasMaxLength(256);
            e.Property(s => s.IpAddress).HasMaxLength(64);
            e.Property(s => s.RevokedReason).HasMaxLength(64);
        });
        modelBuilder.Entity<Spot>(e =>
        {
            e.ToTable("spots");
            e.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(s => s.UserId);
            e.Property(s => s.Name).HasMaxLength(Spot.MaxNameLength);
            e.Property(s => s.Tags).HasMaxLength(2048);
            e.Property(s => s.ShareSlug).HasMaxLength(32);
            e.HasIndex(s => s.ShareSlug).IsUnique();
        });
        modelBuilder.Entity<Job>(e =>
        {
            e.ToTable("jobs");
            e.HasOne<User>().WithMany().HasForeignKey(j => j.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(j => new { j.Status, j.CreatedAt });
            e.HasIndex(j => j.UserId);
            e.Property(j => j.Type).HasMaxLength(32);
            e.Property(j => j.Status).HasMaxLength(16);
            e.Property(j => j.WorkerId).HasMaxLength(128);
        });
        modelBuilder.Entity<JobSolution>(e =>
        {
            e.ToTable("job_solutions");
            e.HasKey(s => s.JobId);
            e.HasOne<Job>().WithOne().HasForeignKey<JobSolution>(s => s.JobId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

/// <summary>PostgreSQL (production, tests); migrations in Data/Migrations/Postgres.</summary>
internal sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : AppDbContext(options);

/// <summary>The embedded SQLite database; migrations in Data/Migrations/Sqlite.</summary>
internal sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : AppDbContext(options);
