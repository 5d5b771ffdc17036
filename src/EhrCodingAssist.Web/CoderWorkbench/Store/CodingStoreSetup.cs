using EhrCodingAssist.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.CoderWorkbench.Store;

/// <summary>Registers <see cref="CodingDbContext"/> on the app's database (same "Database" settings) and migrates it.</summary>
internal static class CodingStoreSetup
{
    public static void AddCodingStore(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == "postgres")
        {
            builder.Services.AddDbContext<CodingDbContext>(o => o.UseNpgsql(options.ConnectionString, n => n.MigrationsHistoryTable(CodingDbContext.HistoryTable)));
        }
        else
        {
            var connectionString = PersistenceExtensions.SqliteConnectionString(options, builder.Environment.ContentRootPath);
            builder.Services.AddDbContext<CodingDbContext>(o => o.UseSqlite(connectionString, s => s.MigrationsHistoryTable(CodingDbContext.HistoryTable)));
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
}

/// <summary>Lets `dotnet ef migrations add --context CodingDbContext` build the context without starting the app.</summary>
internal sealed class CodingDesignTimeFactory : IDesignTimeDbContextFactory<CodingDbContext>
{
    public CodingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CodingDbContext>()
            .UseSqlite("Data Source=design-time.db", s => s.MigrationsHistoryTable(CodingDbContext.HistoryTable)).Options);
}
