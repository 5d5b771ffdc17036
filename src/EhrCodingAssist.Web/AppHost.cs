using EhrCodingAssist.Web.Launch;
using EhrCodingAssist.Web.Logging;
using EhrCodingAssist.Web.CoderWorkbench;
using EhrCodingAssist.Web.Encounters;
using EhrCodingAssist.Web.Findings;
using EhrCodingAssist.Web.Pages;
using EhrCodingAssist.Web.Queries;
using EhrCodingAssist.Web.Session;
using EhrCodingAssist.Web.EhrFailures;

namespace EhrCodingAssist.Web;

/// <summary>
/// Builds the app. Program.cs and the sandbox launcher both call this, so the app runs the same way
/// standalone, under the sandbox EHR and under WebApplicationFactory. One Add/Map extension per feature.
/// </summary>
public static class AppHost
{
    /// <summary>Creates the configured app; <paramref name="configure"/> lets a host add settings first.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        ConfigureServices(builder);
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    /// <summary>Registers every feature's services.</summary>
    public static void ConfigureServices(WebApplicationBuilder builder)
    {
        builder.Logging.AddPhiSafeLogging();
        builder.Services.AddProblemDetails();
        builder.AddSmartLaunch();
        builder.AddEhrHttpPipeline();
        builder.AddEhrFailureHandling();
        builder.AddDocumentationQueries();
        builder.AddEncounterSnapshots();
        builder.AddEncounterPages();
        builder.AddFindings();
        builder.AddCoderWorkbench();
    }

    /// <summary>Maps every feature's endpoints.</summary>
    public static void ConfigurePipeline(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapSmartLaunch();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.MapDocumentationQueries();
        app.MapEncounterPages();
        app.MapFindingsApi();
        app.MapCoderWorkbench();
    }
}
