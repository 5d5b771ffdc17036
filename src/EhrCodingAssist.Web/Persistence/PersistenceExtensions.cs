using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.Persistence;

/// <summary>Registers the app's store and migrates it at start-up.</summary>
public static class PersistenceExtensions
{
    // A query record's two owned collections (indicators, options) are loaded with it in one query, read consistently;
    // they hold a handful of rows each, so the row product stays small. Stated explicitly, so EF does not warn on start.
    private const QuerySplittingBehavior QuerySplitting = QuerySplittingBehavior.SingleQuery;

    /// <summary>Adds <see cref="AppDbContext"/> for the configured provider.</summary>
    public static WebApplicationBuilder AddPersistence(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .Validate(
                o => o.Provider != "postgres" || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is 'postgres'.")
            .ValidateOnStart();

        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == "postgres")
        {
            builder.Services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(options.ConnectionString, n => n.UseQuerySplittingBehavior(QuerySplitting)));
        }
        else
        {
            var connectionString = SqliteConnectionString(options, builder.Environment.ContentRootPath);
            builder.Services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(connectionString, n => n.UseQuerySplittingBehavior(QuerySplitting)));
        }

        return builder;
    }

    /// <summary>Applies pending migrations (never EnsureCreated), so a new SQLite file is created on first start.</summary>
    public static WebApplication MigrateDatabase(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            return app;
        }

        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.Migrate();
        return app;
    }

    internal static string SqliteConnectionString(DatabaseOptions options, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var folder = Path.GetFullPath(options.DataFolder ?? "data", contentRoot);
        Directory.CreateDirectory(folder);
        return "Data Source=" + Path.Combine(folder, "ehrcodingassist.db");
    }
}
