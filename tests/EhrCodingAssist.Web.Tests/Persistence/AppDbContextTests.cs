using EhrCodingAssist.Web.Persistence;
using EhrCodingAssist.Web.Queries;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EhrCodingAssist.Web.Tests.Persistence;

public sealed class AppDbContextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ehrcodingassist-db-").FullName;

    private SqliteAppDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "t.db")};Pooling=False").Options);

    [Fact]
    public void Migrate_NewFile_CreatesStoreTables()
    {
        using var db = NewContext();

        db.Database.Migrate();

        Assert.True(File.Exists(Path.Combine(_folder, "t.db")));
        Assert.Contains("InitialCreate", db.Database.GetAppliedMigrations().Single(), StringComparison.Ordinal);
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "t.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'";
        var tables = (string)command.ExecuteScalar()!;
        foreach (var table in new[] { "queries", "query_indicators", "query_options", "audit_log", "write_outbox" })
        {
            Assert.Contains(table, tables, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Migrations_BothProviders_MatchTheModel()
    {
        using var sqlite = NewContext();
        using var postgres = new PostgresAppDbContext(
            new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=unused").Options);

        Assert.False(sqlite.Database.HasPendingModelChanges());
        Assert.False(postgres.Database.HasPendingModelChanges());
        Assert.NotEmpty(postgres.Database.GetMigrations());
    }

    [Fact]
    public async Task SaveChanges_ModifiedAuditEntry_Throws()
    {
        using var db = NewContext();
        await db.Database.MigrateAsync();
        var entry = new AuditEntry { QueryId = "q", Action = "read", User = "Practitioner/x", At = DateTimeOffset.UtcNow };
        db.AuditLog.Add(entry);
        await db.SaveChangesAsync();

        db.AuditLog.Remove(entry);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Sweep_OldSentQueries_EscalatedThenExpired()
    {
        using var db = NewContext();
        await db.Database.MigrateAsync();
        var sent = DateTimeOffset.Parse("2026-03-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        db.Queries.Add(new QueryRecord
        {
            Id = "q-open", FhirBase = "b", EncounterId = "e", RuleId = "r", RuleVersion = "1", Topic = "t", Title = "t", Text = "x",
            Author = "Practitioner/c", Recipient = "Practitioner/d", State = QueryState.Sent, CreatedAt = sent, SentAt = sent,
        });
        await db.SaveChangesAsync();
        var options = new QueryLifecycleOptions { EscalateAfter = TimeSpan.FromDays(2), ExpireAfter = TimeSpan.FromDays(10) };

        Assert.Equal(0, await QueryEscalationService.SweepAsync(db, options, sent.AddDays(1), default));
        Assert.Equal(1, await QueryEscalationService.SweepAsync(db, options, sent.AddDays(3), default));
        Assert.Equal(0, await QueryEscalationService.SweepAsync(db, options, sent.AddDays(4), default));
        var q = await db.Queries.SingleAsync();
        Assert.Equal(QueryState.Sent, q.State);
        Assert.NotNull(q.EscalatedAt);
        Assert.Equal(1, await QueryEscalationService.SweepAsync(db, options, sent.AddDays(11), default));
        Assert.Equal(QueryState.Expired, (await db.Queries.SingleAsync()).State);
        Assert.Equal(["escalated", "expired"], await db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
