using EhrCodingAssist.Web.Pages.Style;
using EhrCodingAssist.Web.Session;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.FileProviders;

namespace EhrCodingAssist.Web.Pages;

/// <summary>Registers the server-rendered pages (Razor Pages), their style sheet and the EHR's SMART style.</summary>
public static class PagesSetup
{
    /// <summary>Adds Razor Pages and the SMART style source.</summary>
    public static WebApplicationBuilder AddEncounterPages(this WebApplicationBuilder builder)
    {
        // The pages live in this assembly, which is not the entry assembly when the sandbox (or a test) hosts the app.
        builder.Services.AddRazorPages().ConfigureApplicationPartManager(manager =>
        {
            var assembly = typeof(PagesSetup).Assembly;
            if (!manager.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
            {
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    manager.ApplicationParts.Add(part);
                }
            }
        });
        builder.Services.AddMemoryCache();
        builder.Services.AddHttpClient(SmartStyleSource.AnonymousClient);
        builder.Services.AddScoped<SmartStyleSource>();
        return builder;
    }

    /// <summary>
    /// Maps the pages, the app's style sheet (embedded in the assembly so the app looks the same however it is
    /// hosted) and <c>/css/ehr-style.css</c>, the session's SMART style as CSS variables.
    /// </summary>
    public static WebApplication MapEncounterPages(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(PagesSetup).Assembly, "EhrCodingAssist.Web.wwwroot"),
        });
        app.MapGet("/css/ehr-style.css", async (ISmartSessionAccessor sessions, SmartStyleSource styles, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.Text(await styles.CssAsync(sessions.Current, context.RequestAborted), "text/css");
        });
        app.MapRazorPages();
        return app;
    }
}
