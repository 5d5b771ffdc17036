using Microsoft.EntityFrameworkCore;

namespace EhrCodingAssist.Web.Persistence;

/// <summary>
/// The app's store: documentation queries (with indicators and options), the append-only audit log and the
/// write-back outbox. One subclass per provider carries that provider's migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : StoreDbContext(options)
{
    public DbSet<QueryRecord> Queries => Set<QueryRecord>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<WriteOutboxEntry> WriteOutbox => Set<WriteOutboxEntry>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<QueryRecord>(q =>
        {
            q.ToTable("queries");
            q.HasKey(x => x.Id);
            q.Property(x => x.Id).HasMaxLength(64);
            q.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            q.Property(x => x.WriteStatus).HasConversion<string>().HasMaxLength(16);
            q.Property(x => x.Version).IsConcurrencyToken();
            q.HasIndex(x => new { x.FhirBase, x.EncounterId });
            q.HasIndex(x => new { x.State, x.SentAt });
            q.OwnsMany(x => x.Indicators, i =>
            {
                i.ToTable("query_indicators");
                i.WithOwner().HasForeignKey("QueryId");
                i.HasKey("QueryId", nameof(QueryIndicator.Ordinal));
                i.Property(x => x.Ordinal).ValueGeneratedNever();
                i.Property(x => x.Value).HasPrecision(18, 6);
            });
            q.OwnsMany(x => x.Options, o =>
            {
                o.ToTable("query_options");
                o.WithOwner().HasForeignKey("QueryId");
                o.HasKey("QueryId", nameof(QueryOptionRecord.Ordinal));
                o.Property(x => x.Ordinal).ValueGeneratedNever();
            });
        });
        modelBuilder.Entity<AuditEntry>(a =>
        {
            a.ToTable("audit_log");
            a.HasKey(x => x.Id);
            a.HasIndex(x => x.QueryId);
        });
        modelBuilder.Entity<WriteOutboxEntry>(w =>
        {
            w.ToTable("write_outbox");
            w.HasKey(x => x.Id);
            w.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            w.HasIndex(x => x.IdempotencyKey).IsUnique();
            w.HasIndex(x => x.QueryId);
        });
    }
}

/// <summary>The SQLite flavour of <see cref="AppDbContext"/> (the embedded default).</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

/// <summary>
/// The PostgreSQL flavour of <see cref="AppDbContext"/> (several app instances): instants are stored as UTC
/// <c>timestamp with time zone</c>.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        PostgresConventions.Apply(configurationBuilder);
    }
}
