using EhrCodingAssist.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EhrCodingAssist.Web.CoderWorkbench.Store;

/// <summary>
/// The coder workbench's tables (working sets, Claims with history) in the app's database, with their own migrations
/// and migrations-history table so they stay independent of the query store. One subclass per provider carries that
/// provider's migrations (like <see cref="AppDbContext"/>); services depend on this base type.
/// </summary>
public abstract class CodingDbContext(DbContextOptions options) : StoreDbContext(options)
{
    /// <summary>The migrations-history table of this context.</summary>
    public const string HistoryTable = "__CodingMigrationsHistory";

    /// <summary>Working sets and Claims, one per encounter.</summary>
    public DbSet<CodingRecord> Codings => Set<CodingRecord>();

    /// <summary>Append-only Claim history.</summary>
    public DbSet<ClaimHistoryEntry> ClaimHistory => Set<ClaimHistoryEntry>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<CodingRecord>(c =>
        {
            c.ToTable("codings");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).HasMaxLength(64);
            c.Property(x => x.FhirBase).HasMaxLength(512);
            c.Property(x => x.EncounterId).HasMaxLength(128);
            c.Property(x => x.ClaimStatus).HasConversion<string>().HasMaxLength(16);
            c.Property(x => x.Version).IsConcurrencyToken();
            c.HasIndex(x => new { x.FhirBase, x.EncounterId }).IsUnique();
        });
        modelBuilder.Entity<ClaimHistoryEntry>(h =>
        {
            h.ToTable("claim_history");
            h.HasKey(x => x.Id);
            h.Property(x => x.CodingId).HasMaxLength(64);
            h.Property(x => x.User).HasMaxLength(256);
            h.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            h.HasIndex(x => x.CodingId);
        });
    }
}

/// <summary>The SQLite flavour of <see cref="CodingDbContext"/> (the embedded default).</summary>
public sealed class SqliteCodingDbContext(DbContextOptions<SqliteCodingDbContext> options) : CodingDbContext(options);

/// <summary>The PostgreSQL flavour of <see cref="CodingDbContext"/>: instants are stored as UTC <c>timestamp with time zone</c>.</summary>
public sealed class PostgresCodingDbContext(DbContextOptions<PostgresCodingDbContext> options) : CodingDbContext(options)
{
    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        PostgresConventions.Apply(configurationBuilder);
    }
}
