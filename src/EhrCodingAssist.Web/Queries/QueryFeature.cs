using EhrCodingAssist.Web.Persistence;
using EhrCodingAssist.Web.WriteBack;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EhrCodingAssist.Web.Queries;

/// <summary>Registers and maps the documentation-query feature (store, lifecycle, write-back, API).</summary>
public static partial class QueryFeature
{
    /// <summary>Adds the store, the query services, the write-back and the escalation sweep.</summary>
    public static WebApplicationBuilder AddDocumentationQueries(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPersistence();
        builder.Services.AddOptions<QueryLifecycleOptions>().BindConfiguration(QueryLifecycleOptions.Section)
            .Validate(o => o.EscalateAfter > TimeSpan.Zero && o.ExpireAfter > o.EscalateAfter && o.SweepInterval > TimeSpan.Zero,
                "Queries: EscalateAfter must be positive and shorter than ExpireAfter; SweepInterval positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<ValidationOptions>().BindConfiguration(ValidationOptions.Section)
            .Validate(o => o.UsCorePath is null || Directory.Exists(o.UsCorePath), "Validation:UsCorePath must be an existing folder.")
            .ValidateOnStart();
        builder.Services.AddMemoryCache();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FhirResourceValidator>();
        builder.Services.AddSingleton<WriteLocks>();
        builder.Services.AddScoped<CapabilityReader>();
        builder.Services.AddScoped<CdexMirror>();
        builder.Services.AddScoped<WriteBackService>();
        builder.Services.AddScoped<QueryService>();
        AddFindingSource(builder.Services);
        builder.Services.AddHostedService<QueryEscalationService>();
        return builder;
    }

    /// <summary>Migrates the store and maps the query API.</summary>
    public static WebApplication MapDocumentationQueries(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MigrateDatabase();
        QueryEndpoints.Map(app);
        return app;
    }

    // Implemented beside AnalyzerQueryFindingSource (the findings feature's adapter); tests register their own source.
    static partial void AddFindingSource(IServiceCollection services);
}
