using System.Net;
using System.Text.RegularExpressions;
using EhrCodingAssist.Web.Tests.Encounters;
using Hl7.Fhir.Model;
using static EhrCodingAssist.Web.Tests.Encounters.SnapshotFixtures;

namespace EhrCodingAssist.Web.Tests.Pages;

public sealed partial class EncounterPickerTests(PageAppFactory app) : IClassFixture<PageAppFactory>
{
    private static FhirStub EhrWithTwoAdmissions()
    {
        var ehr = Ehr();
        var second = Encounter("e2");
        second.Location[0].Location.Display = "Cardiac unit";
        ehr.Search("Encounter", "status", "in-progress", FhirStub.Page([Encounter(), second]));
        return ehr;
    }

    [Fact]
    public async System.Threading.Tasks.Task Get_NoEncounterInContext_ListsInProgressEncounters()
    {
        using var ehr = EhrWithTwoAdmissions();
        app.Sessions.Current = SessionFor(ehr.Base, encounterId: null);

        var html = await app.CreateClient().GetStringAsync(new Uri("/encounters", UriKind.Relative));

        Assert.Contains("Ward 4 East", html, StringComparison.Ordinal);
        Assert.Contains("Cardiac unit", html, StringComparison.Ordinal);
        Assert.Equal(2, OpenButton().Count(html));
        Assert.Contains(ehr.RequestedUrls(), u => u.Contains("patient=p1", StringComparison.Ordinal) && u.Contains("status=in-progress", StringComparison.Ordinal));
    }

    [Fact]
    public async System.Threading.Tasks.Task Post_ListedEncounter_SelectsItAndRedirectsHome()
    {
        using var ehr = EhrWithTwoAdmissions();
        app.Sessions.Current = SessionFor(ehr.Base, encounterId: null);
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var form = await client.GetStringAsync(new Uri("/encounters", UriKind.Relative));

        using var response = await client.PostAsync(new Uri("/encounters", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["encounterId"] = "e2", ["__RequestVerificationToken"] = Antiforgery(form) }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Equal("e2", app.Sessions.Current?.EncounterId);
    }

    [Fact]
    public async System.Threading.Tasks.Task Post_EncounterNotListed_RefusedAndNothingSelected()
    {
        using var ehr = EhrWithTwoAdmissions();
        app.Sessions.Current = SessionFor(ehr.Base, encounterId: null);
        var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var form = await client.GetStringAsync(new Uri("/encounters", UriKind.Relative));

        using var response = await client.PostAsync(new Uri("/encounters", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["encounterId"] = "other-patients-encounter", ["__RequestVerificationToken"] = Antiforgery(form) }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(app.Sessions.Current?.EncounterId);
    }

    private static string Antiforgery(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(">Open this encounter<")]
    private static partial Regex OpenButton();
}
