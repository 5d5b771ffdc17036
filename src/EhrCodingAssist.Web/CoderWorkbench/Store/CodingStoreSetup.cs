using EhrCodingAssist.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.CoderWorkbench.Store;

/// <summary>
/// Registers <see cref="CodingDbContext"/> on the app's database (same "Database" settings as
/// <see cref="PersistenceExtensions.AddPersistence"/>: the SQLite or the PostgreSQL flavour) and migrates it.
/// </summary>
internal static class CodingStoreSetup
{
    public static void AddCodingStore(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == "postgres")
        {
            builder.Services.AddDbContext<CodingDbContext, PostgresCodingDbContext>(o => UsePostgres(o, options.ConnectionString!));
        }
        else
        {
            var connectionString = PersistenceExtensions.SqliteConnectionString(options, builder.Environment.ContentRootPath);
            builder.Services.AddDbContext<CodingDbContext, SqliteCodingDbContext>(o => UseSqlite(o, connectionString));
        }
    }

    /// <summary>Applies pending migrations (never EnsureCreated) when the app migrates its store.</summary>
    public static void Migrate(WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            return;
        }

        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CodingDbContext>().Database.Migrate();
    }

    /// <summary>SQLite with this context's own migrations-history table.</summary>
    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, s => s.MigrationsHistoryTable(CodingDbContext.HistoryTable));

    /// <summary>PostgreSQL with this context's own migrations-history table.</summary>
    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, n => n.MigrationsHistoryTable(CodingDbContext.HistoryTable));
}

/// <summary>Lets `dotnet ef migrations add --context SqliteCodingDbContext` build the context without starting the app.</summary>
internal sealed class SqliteCodingDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCodingDbContext>
{
    public SqliteCodingDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteCodingDbContext>();
        CodingStoreSetup.UseSqlite(options, "Data Source=design-time.db");
        return new(options.Options);
    }
}

/// <summary>Lets `dotnet ef migrations add --context PostgresCodingDbContext` build the context without a server (no connection is opened).</summary>
internal sealed class PostgresCodingDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCodingDbContext>
{
    public PostgresCodingDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresCodingDbContext>();
        CodingStoreSetup.UsePostgres(options, "Host=localhost;Database=ehrcodingassist");
        return new(options.Options);
    }
}
