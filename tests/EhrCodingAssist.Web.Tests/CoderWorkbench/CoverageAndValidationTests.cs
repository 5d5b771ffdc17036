using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EhrCodingAssist.Web.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>A patient without Coverage is a blocking coding edit; a Firely-invalid Claim is refused readably and never sent.</summary>
public sealed class CoverageAndValidationTests(CodingAppFactory app) : IClassFixture<CodingAppFactory>
{
    private const string WorkingSet = """
        {"diagnoses":[{"code":"J18.9","sequence":1,"poa":"Y","source":"condition"}],
         "lines":[{"code":"G0390","system":"hcpcs","units":1,"pointers":[1]}],"decisions":[]}
        """;

    private async Task<HttpClient> LaunchAsync(string? coverages, bool claimSupported = true)
    {
        app.Ehr.Reset();
        app.ResetState();
        CodingEhr.StubInpatient(app.Ehr, claimSupported);
        if (coverages is not null)
        {
            StubOverride("Coverage", coverages);
        }

        CodingEhr.ReplyToTransaction(app.Ehr, "1");
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder" });
        launched.Client.DefaultRequestHeaders.Add("X-CSRF", "1");
        using var put = await launched.Client.PutAsync("/api/encounters/enc-1/coding", new StringContent(WorkingSet, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return launched.Client;
    }

    // Takes precedence over CodingEhr's stub of the same path.
    private void StubOverride(string path, string json) =>
        app.Ehr.Server.Given(Request.Create().WithPath("/fhir/" + path).UsingGet()).AtPriority(-1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody(json));

    private int TransactionsSent() =>
        app.Ehr.Server.LogEntries.Count(e => e.RequestMessage.Method == "POST" && e.RequestMessage.Path == "/fhir");

    public static TheoryData<string> NoActiveCoverage => new()
    {
        CodingEhr.Searchset(),
        CodingEhr.Searchset("""{"resourceType":"Coverage","id":"cov-old","status":"cancelled","beneficiary":{"reference":"Patient/pat-1"},"payor":[{"reference":"Organization/payer-1"}]}"""),
        CodingEhr.Searchset("""{"resourceType":"Coverage","id":"cov-old","status":"active","beneficiary":{"reference":"Patient/pat-1"},"payor":[{"reference":"Organization/payer-1"}],"period":{"start":"2024-01-01","end":"2025-03-09"}}"""),
    };

    [Theory]
    [MemberData(nameof(NoActiveCoverage))]
    public async Task Get_NoCoverageActiveOnDateOfService_ShowsBlockingCoverageEdit(string coverages)
    {
        var client = await LaunchAsync(coverages);

        var view = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/coding"))!;

        var edit = Assert.Single(view["edits"]!.AsArray(), e => (string?)e!["rule"] == "edit.coverage")!;
        Assert.True((bool)edit["blocking"]!);
        Assert.Equal("No active Coverage for the patient on the date of service", (string?)edit["title"]);
        Assert.Contains("2025-03-10", (string?)edit["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CoverageEndingOnDateOfService_RaisesNoCoverageEdit()
    {
        var client = await LaunchAsync(CodingEhr.Searchset(
            """{"resourceType":"Coverage","id":"cov-2","status":"active","beneficiary":{"reference":"Patient/pat-1"},"payor":[{"reference":"Organization/payer-1"}],"period":{"start":"2024-01-01","end":"2025-03-10"}}"""));

        var view = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/coding"))!;

        Assert.DoesNotContain(view["edits"]!.AsArray(), e => (string?)e!["rule"] == "edit.coverage");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Finalize_NoCoverage_Returns422WithCoverageEditAndSendsNothing(bool claimSupported)
    {
        var client = await LaunchAsync(CodingEhr.Searchset(), claimSupported);

        using var response = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonNode.Parse(text)!;
        Assert.Equal("Blocking coding edits", (string?)problem["title"]);
        Assert.Contains(problem["edits"]!.AsArray(), e => (string?)e!["rule"] == "edit.coverage");
        Assert.DoesNotContain("cardinality", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, TransactionsSent());
    }

    [Fact]
    public async Task Page_NoCoverage_ShowsCoverageEditBeforeFinalise()
    {
        var client = await LaunchAsync(CodingEhr.Searchset());

        var html = await client.GetStringAsync("/coding");

        Assert.Contains("data-rule=\"edit.coverage\"", html, StringComparison.Ordinal);
        Assert.Contains("No active Coverage for the patient on the date of service", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finalize_FirelyInvalidClaim_Returns422WithReadableReasonAndSendsNothing()
    {
        var client = await LaunchAsync(coverages: null);
        // The EHR's encounter ends before it starts: the Claim's billablePeriod breaks R4's per-1 invariant.
        StubOverride("Encounter/enc-1", """
            {"resourceType":"Encounter","id":"enc-1","status":"finished",
             "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP"},
             "subject":{"reference":"Patient/pat-1"},"period":{"start":"2025-03-10T08:00:00Z","end":"2025-03-09T08:00:00Z"},
             "serviceProvider":{"reference":"Organization/org-1"}}
            """);

        using var response = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True((HttpStatusCode)422 == response.StatusCode, text);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal("Invalid resource, nothing sent", (string?)problem["title"]);
        var error = Assert.Single(problem["errors"]!.AsArray())!.ToString();
        Assert.StartsWith("Claim.billablePeriod: ", error, StringComparison.Ordinal);
        Assert.Contains("start must not be after end", error, StringComparison.Ordinal);
        Assert.Equal(0, TransactionsSent());
        var stored = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/claim"))!;
        Assert.Equal("invalid", (string?)stored["writeStatus"]);
    }
}
