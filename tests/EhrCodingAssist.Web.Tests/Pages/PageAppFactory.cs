using EhrCodingAssist.Web.Session;
using EhrCodingAssist.Web.Tests.Encounters;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EhrCodingAssist.Web.Tests.Pages;

/// <summary>
/// The app under WebApplicationFactory with the launch replaced by a settable session and the EHR by a
/// <see cref="FhirStub"/> reached without tokens: the page and API tests start after the SMART launch.
/// </summary>
public sealed class PageAppFactory : WebApplicationFactory<Program>
{
    static PageAppFactory()
    {
        // The rule engine's UCUM library (Fhir.Metrics) needs predefined-cultures-only off (see AppFactory).
        AppContext.SetSwitch("System.Globalization.PredefinedCulturesOnly", false);
    }

    public PageAppFactory()
    {
        // Cookies are Secure (the app runs in EHR iframes): talk HTTPS like a browser would.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    internal FakeSessions Sessions { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ISmartSessionAccessor>(Sessions);
            services.AddSingleton<IEhrFhirClientFactory>(new PlainClientFactory());
        });
    }
}

/// <summary>A session accessor whose session the test sets; records encounter selections.</summary>
internal sealed class FakeSessions : ISmartSessionAccessor
{
    public SmartSession? Current { get; set; }

    public void SelectEncounter(string encounterId) =>
        Current = Current is null ? null : Current with { EncounterId = encounterId };
}
