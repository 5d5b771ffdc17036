using System.Net;
using System.Text.Json;
using EhrCodingAssist.Web.Tests.Encounters;
using static EhrCodingAssist.Web.Tests.Encounters.SnapshotFixtures;

namespace EhrCodingAssist.Web.Tests.Pages;

public sealed class FindingsApiTests(PageAppFactory app) : IClassFixture<PageAppFactory>
{
    [Fact]
    public async System.Threading.Tasks.Task Get_SessionEncounter_ReturnsAnalyzeShapeWithEvidence()
    {
        using var ehr = Ehr();
        ehr.Search("Observation", "category", "laboratory,vital-signs", FhirStub.Page(
        [
            Creatinine("cr1", 1.0m, "2026-11-20T09:00:00Z"),
            Creatinine("cr2", 2.1m, "2026-11-21T09:00:00Z"),
        ]));
        app.Sessions.Current = SessionFor(ehr.Base);

        using var response = await app.CreateClient().GetAsync(new Uri("/api/encounters/e1/findings", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var encounter = Assert.Single(json.RootElement.GetProperty("encounters").EnumerateArray());
        Assert.Equal("Encounter/e1", encounter.GetProperty("encounter").GetString());
        Assert.Equal("Patient/p1", encounter.GetProperty("patient").GetString());
        var aki = encounter.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "aki-kdigo");
        Assert.Contains(aki.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("reference").GetString() == "Observation/cr2");
    }

    [Fact]
    public async System.Threading.Tasks.Task Get_OtherEncounter_ForbiddenProblem()
    {
        using var ehr = Ehr();
        app.Sessions.Current = SessionFor(ehr.Base);

        using var response = await app.CreateClient().GetAsync(new Uri("/api/encounters/e2/findings", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(ehr.RequestedUrls(), u => u.Contains("/fhir/Encounter/e2", StringComparison.Ordinal));
    }

    [Fact]
    public async System.Threading.Tasks.Task Get_NotLaunched_UnauthorizedProblem()
    {
        app.Sessions.Current = null;

        using var response = await app.CreateClient().GetAsync(new Uri("/api/encounters/e1/findings", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
