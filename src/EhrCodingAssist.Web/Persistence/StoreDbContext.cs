using Microsoft.EntityFrameworkCore;

namespace EhrCodingAssist.Web.Persistence;

/// <summary>A stored record whose every update bumps its optimistic-concurrency version (a concurrency token).</summary>
public interface IVersionedRecord
{
    /// <summary>The concurrency version; incremented by <see cref="StoreDbContext"/> on every update.</summary>
    int Version { get; set; }
}

/// <summary>A stored record that is only ever added: an update or delete is refused by <see cref="StoreDbContext"/>.</summary>
#pragma warning disable CA1040 // a marker: the rule is the store's, not a member's
public interface IAppendOnlyRecord;
#pragma warning restore CA1040

/// <summary>
/// The save rules every store of the app shares, on every provider: append-only records (<see cref="IAppendOnlyRecord"/>)
/// are never changed or deleted, and every change to a versioned record (<see cref="IVersionedRecord"/>) bumps its version.
/// </summary>
public abstract class StoreDbContext(DbContextOptions options) : DbContext(options)
{
    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void PrepareSave()
    {
        if (ChangeTracker.Entries<IAppendOnlyRecord>().FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted) is { } changed)
        {
            throw new InvalidOperationException($"{changed.Entity.GetType().Name} records are append-only: they cannot be changed or deleted.");
        }

        foreach (var entry in ChangeTracker.Entries<IVersionedRecord>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version++;
        }
    }
}
