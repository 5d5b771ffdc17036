using System.Net;
using System.Text.Json.Nodes;
using EhrCodingAssist.Web.Tests.Infrastructure;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>
/// <c>GET /api/coding/icd10cm</c> without <c>date</c> searches the release of the session's encounter date (the app loads the
/// FY2025 starter set only), and the newest release only when the session has no encounter.
/// </summary>
public sealed class IcdSearchReleaseTests(CodingAppFactory app) : IClassFixture<CodingAppFactory>
{
    private async Task<HttpClient> LaunchAsync(string start, string? encounter = "enc-1")
    {
        app.Ehr.Reset();
        app.ResetState();
        CodingEhr.StubInpatient(app.Ehr, start: start);
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder", Encounter = encounter });
        return launched.Client;
    }

    private static async Task<JsonNode> SearchAsync(HttpClient client, string query = "q=pneumonia")
    {
        using var response = await client.GetAsync($"/api/coding/icd10cm?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!;
    }

    [Fact]
    public async Task Search_NoDate_Fy2025Encounter_SearchesItsYearsReleaseExactly()
    {
        var client = await LaunchAsync("2025-03-10T08:00:00Z");

        var body = await SearchAsync(client);

        Assert.Equal("ICD-10-CM FY2025", (string?)body["version"]);
        Assert.Equal(2025, (int)body["codeSet"]!["fiscalYear"]!);
        Assert.True((bool)body["codeSet"]!["exact"]!);
        Assert.Contains(body["codes"]!.AsArray(), c => (string?)c!["code"] == "J18.9");
        Assert.Single(app.Ehr.Received("/fhir/Encounter/enc-1"));
    }

    [Fact]
    public async Task Search_NoDate_EncounterBeforeEveryRelease_FindsNothingAsTheWorkbenchWould()
    {
        var client = await LaunchAsync("2019-06-01T08:00:00Z");

        var body = await SearchAsync(client);
        var view = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/coding"))!;

        Assert.Null((string?)body["version"]);
        Assert.Equal(2019, (int)body["codeSet"]!["fiscalYear"]!);
        Assert.Empty(body["codes"]!.AsArray());
        Assert.Equal(view["codeSet"]!.ToJsonString(), body["codeSet"]!.ToJsonString());
    }

    [Fact]
    public async Task Search_Date_WinsOverTheEncounterDate()
    {
        var client = await LaunchAsync("2019-06-01T08:00:00Z");

        var body = await SearchAsync(client, "q=pneumonia&date=2025-03-10");

        Assert.Equal("ICD-10-CM FY2025", (string?)body["version"]);
        Assert.Empty(app.Ehr.Received("/fhir/Encounter/enc-1"));
    }

    [Fact]
    public async Task Search_NoDate_NoEncounterInTheSession_SearchesTheNewestRelease()
    {
        var client = await LaunchAsync("2019-06-01T08:00:00Z", encounter: null);

        var body = await SearchAsync(client);

        Assert.Equal("ICD-10-CM FY2025", (string?)body["version"]);
        Assert.Equal(2025, (int)body["codeSet"]!["fiscalYear"]!);
        Assert.True((bool)body["codeSet"]!["exact"]!);
        Assert.Contains(body["codes"]!.AsArray(), c => (string?)c!["code"] == "J18.9");
        Assert.Empty(app.Ehr.Received("/fhir/Encounter/enc-1"));
    }
}
