using EhrCodingAssist.Clinical.Coding;
using EhrCodingAssist.Web.CoderWorkbench.Store;
using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>Registers and maps the coder workbench (reference data, edits, working sets, Claim finalise).</summary>
public static class CodingFeature
{
    /// <summary>Configuration section bound to <see cref="CodingDataPaths"/>.</summary>
    public const string Section = "CodingData";

    /// <summary>Adds the coding reference data (loaded once), the edit engine, the store and the services.</summary>
    public static WebApplicationBuilder AddCoderWorkbench(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<CodingDataPaths>().BindConfiguration(Section);
        builder.Services.AddSingleton(sp => CodingReferenceDataLoader.Load(sp.GetRequiredService<IOptions<CodingDataPaths>>().Value));
        builder.Services.AddSingleton(sp => new CodingEditEngine(sp.GetRequiredService<CodingReferenceData>()));
        CodingStoreSetup.AddCodingStore(builder);
        builder.Services.AddScoped<CodingService>();
        builder.Services.AddScoped<ClaimFinalizer>();
        return builder;
    }

    /// <summary>Migrates the coding tables and maps the API.</summary>
    public static WebApplication MapCoderWorkbench(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        CodingStoreSetup.Migrate(app);
        CodingEndpoints.Map(app);
        return app;
    }
}
