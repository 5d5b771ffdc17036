using Microsoft.EntityFrameworkCore;

namespace EhrCodingAssist.Web.CoderWorkbench.Store;

/// <summary>
/// The coder workbench's tables (working sets, Claims with history) in the app's database, with their own migrations
/// and migrations-history table so they stay independent of the query store.
/// </summary>
public sealed class CodingDbContext(DbContextOptions<CodingDbContext> options) : DbContext(options)
{
    /// <summary>The migrations-history table of this context.</summary>
    public const string HistoryTable = "__CodingMigrationsHistory";

    /// <summary>Working sets and Claims, one per encounter.</summary>
    public DbSet<CodingRecord> Codings => Set<CodingRecord>();

    /// <summary>Append-only Claim history.</summary>
    public DbSet<ClaimHistoryEntry> ClaimHistory => Set<ClaimHistoryEntry>();

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<CodingRecord>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version++;
        }

        if (ChangeTracker.Entries<ClaimHistoryEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Claim history is append-only.");
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

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
