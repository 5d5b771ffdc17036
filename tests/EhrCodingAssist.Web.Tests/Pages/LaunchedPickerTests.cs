using System.Net;
using EhrCodingAssist.Web.Tests.Encounters;
using EhrCodingAssist.Web.Tests.Infrastructure;
using static EhrCodingAssist.Web.Tests.Encounters.SnapshotFixtures;

namespace EhrCodingAssist.Web.Tests.Pages;

/// <summary>The picker after a real SMART launch (the SMART owner's fixture: WireMock EHR, token handling).</summary>
public sealed class LaunchedPickerTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async System.Threading.Tasks.Task Launch_WithoutEncounter_PickerListsEncountersFetchedWithSessionToken()
    {
        app.Ehr.Reset();
        var admission = Encounter("enc-9", patientId: "pat-1");
        admission.Location[0].Location.Display = "Step-down unit";
        app.Ehr.StubFhir("Encounter", FhirStub.Serialize(FhirStub.Page([admission])), bearer: "at-1");
        var launched = await app.LaunchAsync(new LaunchSpec { Encounter = null });

        using var home = await launched.Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/encounters", home.Headers.Location?.OriginalString);

        var html = await launched.Client.GetStringAsync(new Uri("/encounters", UriKind.Relative));
        Assert.Contains("Step-down unit", html, StringComparison.Ordinal);
        Assert.DoesNotContain("at-1", html, StringComparison.Ordinal);
        var search = Assert.Single(app.Ehr.Received("/fhir/Encounter"));
        Assert.Equal("in-progress", search.RequestMessage.Query?["status"].ToString());
    }
}
