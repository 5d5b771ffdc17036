using EhrCodingAssist.Web.CoderWorkbench.Store;
using EhrCodingAssist.Web.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EhrCodingAssist.Web.Tests.Persistence;

/// <summary>Both stores on SQLite (the default): the shared <see cref="StoreScenarios"/> and the coding store's history.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    // What `dotnet ef migrations script --context CodingDbContext` printed before the store had a PostgreSQL flavour
    // (commit 342efb2): the tables and history row of every SQLite file the coder workbench has created so far.
    private const string CodingFileBeforeProviderSplit = """
        CREATE TABLE IF NOT EXISTS "__CodingMigrationsHistory" (
            "MigrationId" TEXT NOT NULL CONSTRAINT "PK___CodingMigrationsHistory" PRIMARY KEY,
            "ProductVersion" TEXT NOT NULL
        );
        CREATE TABLE "claim_history" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK_claim_history" PRIMARY KEY AUTOINCREMENT,
            "CodingId" TEXT NOT NULL, "At" TEXT NOT NULL, "User" TEXT NOT NULL, "Status" TEXT NOT NULL,
            "Message" TEXT NULL, "ClaimJson" TEXT NULL
        );
        CREATE TABLE "codings" (
            "Id" TEXT NOT NULL CONSTRAINT "PK_codings" PRIMARY KEY,
            "FhirBase" TEXT NOT NULL, "EncounterId" TEXT NOT NULL, "WorkingSetJson" TEXT NOT NULL, "UpdatedAt" TEXT NOT NULL,
            "UpdatedBy" TEXT NULL, "ClaimJson" TEXT NULL, "ClaimStatus" TEXT NOT NULL, "ClaimMessage" TEXT NULL,
            "ServerClaimId" TEXT NULL, "ServerClaimVersion" TEXT NULL, "WrittenResources" TEXT NULL, "Version" INTEGER NOT NULL
        );
        CREATE INDEX "IX_claim_history_CodingId" ON "claim_history" ("CodingId");
        CREATE UNIQUE INDEX "IX_codings_FhirBase_EncounterId" ON "codings" ("FhirBase", "EncounterId");
        INSERT INTO "__CodingMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('20261127021905_InitialCoding', '10.0.15');
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("ehrcodingassist-store-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "app.db")};Pooling=False";

    private SqliteAppDbContext OpenApp() => new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(ConnectionString).Options);

    private SqliteCodingDbContext OpenCoding()
    {
        var options = new DbContextOptionsBuilder<SqliteCodingDbContext>();
        CodingStoreSetup.UseSqlite(options, ConnectionString);
        return new(options.Options);
    }

    private async Task MigrateAsync()
    {
        await using (var app = OpenApp())
        {
            await app.Database.MigrateAsync();
        }

        await using var coding = OpenCoding();
        await coding.Database.MigrateAsync();
    }

    [Fact]
    public async Task Migrate_CodingFileFromBeforeTheProviderSplit_AppliesNothingAndKeepsItsRows()
    {
        await using (var connection = new SqliteConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = CodingFileBeforeProviderSplit + """
                INSERT INTO "codings" VALUES ('c-old', 'https://ehr.example/fhir/', 'enc-old', '{}', '2026-11-27 02:30:00+00:00',
                  'Practitioner/coder', NULL, 'NotWritten', NULL, NULL, NULL, NULL, 3);
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using var coding = OpenCoding();
        Assert.Empty(await coding.Database.GetPendingMigrationsAsync());

        await coding.Database.MigrateAsync(); // would fail with "table already exists" if it re-ran the migration

        Assert.Equal(["20261127021905_InitialCoding"], await coding.Database.GetAppliedMigrationsAsync());
        var old = await coding.Codings.SingleAsync(c => c.EncounterId == "enc-old");
        Assert.Equal(ClaimWriteStatus.NotWritten, old.ClaimStatus);
        Assert.Equal(3, old.Version);
    }

    [Fact]
    public void Migrations_CodingStoreBothProviders_MatchTheModelInTheirOwnHistoryTable()
    {
        using var sqlite = OpenCoding();
        var options = new DbContextOptionsBuilder<PostgresCodingDbContext>();
        CodingStoreSetup.UsePostgres(options, "Host=localhost;Database=unused");
        using var postgres = new PostgresCodingDbContext(options.Options);

        Assert.False(sqlite.Database.HasPendingModelChanges());
        Assert.False(postgres.Database.HasPendingModelChanges());
        Assert.Equal(["20261127021905_InitialCoding"], sqlite.Database.GetMigrations());
        Assert.Single(postgres.Database.GetMigrations(), m => m.EndsWith("_InitialCoding", StringComparison.Ordinal));
        Assert.Contains(CodingDbContext.HistoryTable, sqlite.GetService<IHistoryRepository>().GetCreateScript(), StringComparison.Ordinal);
        Assert.Contains(CodingDbContext.HistoryTable, postgres.GetService<IHistoryRepository>().GetCreateScript(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryOutboxAndAudit_RoundTrip()
    {
        await MigrateAsync();
        await StoreScenarios.QueryOutboxAndAuditRoundTripAsync(OpenApp);
    }

    [Fact]
    public async Task StaleQueryUpdate_IsRefused()
    {
        await MigrateAsync();
        await StoreScenarios.StaleQueryUpdateIsRefusedAsync(OpenApp);
    }

    [Fact]
    public async Task CodingAndClaimHistory_RoundTrip()
    {
        await MigrateAsync();
        await StoreScenarios.CodingAndClaimHistoryRoundTripAsync(OpenCoding);
    }

    [Fact]
    public async Task StaleCodingUpdate_IsRefused()
    {
        await MigrateAsync();
        await StoreScenarios.StaleCodingUpdateIsRefusedAsync(OpenCoding);
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
