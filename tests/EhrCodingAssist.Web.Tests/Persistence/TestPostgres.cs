// The live PostgreSQL of the tests. `.ci/run` (and `.ci/postgres <command>` for a developer) starts a throwaway server
// and sets EHRCODING_TEST_POSTGRES to a connection string of its "postgres" database. Tests marked [PostgresFact] need
// it: without it they are skipped with the reason, except under CI (the CI variable set) where they run and fail, so CI
// can never skip them silently. A PostgresDatabase fixture creates one database per test class and drops it after.
using EhrCodingAssist.Web.CoderWorkbench.Store;
using EhrCodingAssist.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EhrCodingAssist.Web.Tests.Persistence;

internal static class TestPostgres
{
    public const string Variable = "EHRCODING_TEST_POSTGRES";

    /// <summary>The server's connection string, or null when no test server was started.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static string RequireServer() => Server ?? throw new InvalidOperationException(
        $"{Variable} is not set but CI is: the PostgreSQL tests must not be skipped in CI. Run them through .ci/run, "
        + "which starts a throwaway PostgreSQL (.ci/postgres).");

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<(string Name, string ConnectionString)> CreateDatabaseAsync()
    {
        var server = RequireServer();
        var name = "ehrca_test_" + Guid.NewGuid().ToString("N")[..20];
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        return (name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever still uses it.</summary>
    public static async Task DropDatabaseAsync(string name, string connectionString)
    {
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await ExecuteAsync(RequireServer(), $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A fact that needs the live PostgreSQL (see <see cref="TestPostgres"/>): skipped without it, except under CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.Server is null && !TestPostgres.InCi)
        {
            Skip = $"No PostgreSQL: {TestPostgres.Variable} is not set. Run the tests through .ci/run, or "
                + ".ci/postgres dotnet test ..., which start a throwaway PostgreSQL.";
        }
    }
}

/// <summary>One database per test class, migrated for both contexts, dropped after.</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private readonly List<(string Name, string ConnectionString)> _created = [];
    private string? _connectionString;

    /// <summary>The migrated database's connection string (fails with the reason where there is no server).</summary>
    public string ConnectionString => _connectionString ?? TestPostgres.RequireServer();

    public PostgresAppDbContext OpenApp(string? connectionString = null) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString ?? ConnectionString).Options);

    public PostgresCodingDbContext OpenCoding(string? connectionString = null)
    {
        var options = new DbContextOptionsBuilder<PostgresCodingDbContext>();
        CodingStoreSetup.UsePostgres(options, connectionString ?? ConnectionString);
        return new(options.Options);
    }

    /// <summary>Another empty database, dropped with this fixture.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var created = await TestPostgres.CreateDatabaseAsync();
        _created.Add(created);
        return created.ConnectionString;
    }

    public async Task InitializeAsync()
    {
        if (TestPostgres.Server is null)
        {
            return; // The tests are skipped, or (under CI) fail on ConnectionString.
        }

        _connectionString = await CreateEmptyDatabaseAsync();
        await using (var app = OpenApp())
        {
            await app.Database.MigrateAsync();
        }

        await using var coding = OpenCoding();
        await coding.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var (name, connectionString) in _created)
        {
            await TestPostgres.DropDatabaseAsync(name, connectionString);
        }
    }
}
