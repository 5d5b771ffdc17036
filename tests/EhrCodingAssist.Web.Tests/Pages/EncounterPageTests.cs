using System.Net;
using EhrCodingAssist.Web.Tests.Encounters;
using Hl7.Fhir.Model;
using static EhrCodingAssist.Web.Tests.Encounters.SnapshotFixtures;

namespace EhrCodingAssist.Web.Tests.Pages;

public sealed class EncounterPageTests(PageAppFactory app) : IClassFixture<PageAppFactory>
{
    private static FhirStub AkiEhr()
    {
        var ehr = Ehr();
        ehr.Search("Observation", "category", "laboratory,vital-signs", FhirStub.Page(
        [
            Creatinine("cr1", 1.0m, "2026-11-20T09:00:00Z"),
            Creatinine("cr2", 2.1m, "2026-11-21T09:00:00Z"),
        ]));
        return ehr;
    }

    [Fact]
    public async System.Threading.Tasks.Task Get_LaunchedEncounter_ShowsBannerEncounterAndFindingWithEvidence()
    {
        using var ehr = AkiEhr();
        app.Sessions.Current = SessionFor(ehr.Base);

        var html = await app.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("Alex Testperson", html, StringComparison.Ordinal);
        Assert.Contains("MRN-0001", html, StringComparison.Ordinal);
        Assert.Contains("Ward 4 East", html, StringComparison.Ordinal);
        Assert.Contains("Dr. Rivera", html, StringComparison.Ordinal);
        Assert.Contains("Documentation queries", html, StringComparison.Ordinal);
        Assert.Contains("aki-kdigo", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/fhir/Observation/cr2\"", html, StringComparison.Ordinal);
        Assert.Contains("2.1 mg/dL", html, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Get_NoBannerRequested_HidesPatientBanner()
    {
        using var ehr = AkiEhr();
        app.Sessions.Current = SessionFor(ehr.Base) with { NeedPatientBanner = false };

        var html = await app.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.DoesNotContain("patient-banner", html, StringComparison.Ordinal);
        Assert.Contains("aki-kdigo", html, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Get_PagingLoop_ShowsWarning()
    {
        using var ehr = Ehr();
        // An EHR whose page 2 links to itself: paging stops at the repeated link.
        ehr.Search("Observation", "category", "laboratory,vital-signs",
            FhirStub.Page([Creatinine("cr1", 1.0m, "2026-11-20T09:00:00Z")], ehr.Base + "/Observation?page=2"));
        ehr.Search("Observation", "page", "2",
            FhirStub.Page([Creatinine("cr2", 2.1m, "2026-11-21T09:00:00Z")], ehr.Base + "/Observation?page=2"), priority: 1);
        app.Sessions.Current = SessionFor(ehr.Base);

        var html = await app.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("The chart was not read completely", html, StringComparison.Ordinal);
        Assert.Contains("a paging loop", html, StringComparison.Ordinal);
        Assert.Equal(2, ehr.RequestedUrls().Count(u => u.Contains("/fhir/Observation", StringComparison.Ordinal)));
    }

    [Fact]
    public async System.Threading.Tasks.Task Get_NotLaunched_ShowsLaunchHint()
    {
        app.Sessions.Current = null;

        var html = await app.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("Launch from your EHR", html, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Get_NoEncounterInContext_RedirectsToPicker()
    {
        using var ehr = Ehr();
        app.Sessions.Current = SessionFor(ehr.Base, encounterId: null);
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/encounters", response.Headers.Location?.OriginalString);
    }
}
