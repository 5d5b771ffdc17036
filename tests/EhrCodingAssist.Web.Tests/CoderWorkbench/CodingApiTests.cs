using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EhrCodingAssist.Web.Tests.Infrastructure;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

public sealed class CodingApiTests(CodingAppFactory app) : IClassFixture<CodingAppFactory>
{
    private const string WorkingSet = """
        {"diagnoses":[{"code":"J96.01","sequence":1,"poa":"Y","source":"suggestion"},{"code":"J18.9","sequence":2,"poa":"Y","source":"condition"}],
         "lines":[{"code":"G0390","system":"hcpcs","modifiers":["25"],"units":1,"pointers":[1,2]}],
         "decisions":[]}
        """;

    private async Task<HttpClient> LaunchCoderAsync(bool claimSupported = true, string intent = "coder", string start = "2025-03-10T08:00:00Z")
    {
        app.Ehr.Reset();
        app.ResetState();
        CodingEhr.StubInpatient(app.Ehr, claimSupported, start);
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = intent, FhirUser = "Practitioner/sandbox-coder" });
        launched.Client.DefaultRequestHeaders.Add("X-CSRF", "1");
        return launched.Client;
    }

    private static async Task PutAsync(HttpClient client, string body = WorkingSet)
    {
        using var response = await client.PutAsync("/api/encounters/enc-1/coding", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private List<JsonNode> Transactions() =>
        [.. app.Ehr.Server.LogEntries
            .Where(e => e.RequestMessage.Method == "POST" && e.RequestMessage.Path == "/fhir")
            .Select(e => JsonNode.Parse(e.RequestMessage.Body!)!)];

    [Fact]
    public async Task Put_MissingPoaOnInpatient_ReturnsPoaEdit()
    {
        var client = await LaunchCoderAsync();

        using var response = await client.PutAsync("/api/encounters/enc-1/coding", new StringContent(
            """{"diagnoses":[{"code":"J18.9","sequence":1}],"lines":[],"decisions":[]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var edit = Assert.Single(body["edits"]!.AsArray(), e => (string?)e!["rule"] == "edit.poa");
        Assert.True((bool)edit!["blocking"]!);
    }

    [Fact]
    public async Task Put_CompleteWorkingSet_RaisesNoBlockingEdit()
    {
        var client = await LaunchCoderAsync();

        using var response = await client.PutAsync("/api/encounters/enc-1/coding", new StringContent(WorkingSet, Encoding.UTF8, "application/json"));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.DoesNotContain(body["edits"]!.AsArray(), e => (bool)e!["blocking"]!);
        Assert.Equal("J96.01", (string?)body["workingSet"]!["diagnoses"]![0]!["code"]);
    }

    [Fact]
    public async Task Put_WithoutCsrfHeader_Returns403()
    {
        var client = await LaunchCoderAsync();
        client.DefaultRequestHeaders.Remove("X-CSRF");

        using var response = await client.PutAsync("/api/encounters/enc-1/coding", new StringContent(WorkingSet, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Put_AsPhysician_Returns403Problem()
    {
        var client = await LaunchCoderAsync(intent: "physician");

        using var response = await client.PutAsync("/api/encounters/enc-1/coding", new StringContent(WorkingSet, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_Launched_ShowsDocumentedDiagnosisAndDefaultWorkingSet()
    {
        var client = await LaunchCoderAsync();

        var body = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/coding"))!;

        Assert.Equal("institutional", (string?)body["claimType"]);
        Assert.Contains(body["documented"]!.AsArray(), d => (string?)d!["code"] == "J18.9");
        Assert.NotNull(body["edits"]);
    }

    [Fact]
    public async Task Finalize_ClaimServer_PostsExpectedTransaction()
    {
        var client = await LaunchCoderAsync();
        CodingEhr.ReplyToTransaction(app.Ehr, "1");
        await PutAsync(client);

        using var response = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Claim/claim-1", (string?)outcome["claim"]);
        var bundle = Assert.Single(Transactions());
        Assert.Equal("transaction", (string?)bundle["type"]);
        var entries = bundle["entry"]!.AsArray();
        var claimEntry = entries[0]!;
        Assert.Equal("POST", (string?)claimEntry["request"]!["method"]);
        Assert.StartsWith("identifier=urn:ehrcodingassist:claim|", (string?)claimEntry["request"]!["ifNoneExist"], StringComparison.Ordinal);
        var claim = claimEntry["resource"]!;
        Assert.Equal("draft", (string?)claim["status"]);
        Assert.Equal("institutional", (string?)claim["type"]!["coding"]![0]!["code"]);
        Assert.Equal("Coverage/cov-1", (string?)claim["insurance"]![0]!["coverage"]!["reference"]);
        Assert.Equal("J96.01", (string?)claim["diagnosis"]![0]!["diagnosisCodeableConcept"]!["coding"]![0]!["code"]);
        Assert.Equal("principal", (string?)claim["diagnosis"]![0]!["type"]![0]!["coding"]![0]!["code"]);
        Assert.Equal("secondary", (string?)claim["diagnosis"]![1]!["type"]![0]!["coding"]![0]!["code"]);
        Assert.Equal("y", (string?)claim["diagnosis"]![0]!["onAdmission"]!["coding"]![0]!["code"]);
        var item = claim["item"]![0]!;
        Assert.Equal("G0390", (string?)item["productOrService"]!["coding"]![0]!["code"]);
        Assert.Equal("25", (string?)item["modifier"]![0]!["coding"]![0]!["code"]);
        Assert.Equal("[1,2]", item["diagnosisSequence"]!.ToJsonString());
        // The accepted suggestion becomes a Condition (conditional create); the documented J18.9 is not re-created.
        var condition = Assert.Single(entries, e => (string?)e!["resource"]!["resourceType"] == "Condition")!;
        Assert.Equal("J96.01", (string?)condition["resource"]!["code"]!["coding"]![0]!["code"]);
        Assert.NotNull((string?)condition["request"]!["ifNoneExist"]);
        var provenance = Assert.Single(entries, e => (string?)e!["resource"]!["resourceType"] == "Provenance")!;
        Assert.Contains(provenance["resource"]!["agent"]!.AsArray(), a => (string?)a!["who"]!["reference"] == "Practitioner/sandbox-coder");
    }

    [Fact]
    public async Task Finalize_Twice_UpdatesTheOneClaimWithIfMatch()
    {
        var client = await LaunchCoderAsync();
        CodingEhr.ReplyToTransaction(app.Ehr, "1");
        await PutAsync(client);

        using var first = await client.PostAsync("/api/encounters/enc-1/finalize", null);
        using var second = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var transactions = Transactions();
        Assert.Equal(2, transactions.Count);
        var claimRequests = transactions.Select(t => t["entry"]![0]!["request"]!).ToList();
        Assert.Single(claimRequests, r => (string?)r["method"] == "POST");
        Assert.Equal("PUT", (string?)claimRequests[1]["method"]);
        Assert.Equal("Claim/claim-1", (string?)claimRequests[1]["url"]);
        Assert.Equal("W/\"1\"", (string?)claimRequests[1]["ifMatch"]);
    }

    [Fact]
    public async Task Finalize_StaleIfMatch_Returns409WithServerVersionAndChanges()
    {
        var client = await LaunchCoderAsync();
        CodingEhr.ReplyToTransaction(app.Ehr, "1");
        await PutAsync(client);
        using var first = await client.PostAsync("/api/encounters/enc-1/finalize", null);
        CodingEhr.ReplyToTransaction(app.Ehr, "1", status: 412, priority: 1);
        app.Ehr.StubFhir("Claim/claim-1", """
            {"resourceType":"Claim","id":"claim-1","meta":{"versionId":"3"},"status":"active",
             "diagnosis":[{"sequence":1,"diagnosisCodeableConcept":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"A41.9"}]}}]}
            """);

        using var response = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3", (string?)problem["serverVersion"]);
        Assert.Contains(problem["changes"]!.AsArray(), c => (string?)c!["field"] == "diagnosis[1]" && ((string?)c["server"])!.StartsWith("A41.9", StringComparison.Ordinal));
        var stored = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/claim"))!;
        Assert.Equal("conflict", (string?)stored["writeStatus"]);
        Assert.Equal("3", (string?)stored["serverVersion"]);
    }

    [Fact]
    public async Task Finalize_ServerWithoutClaim_KeepsClaimNotWrittenWithHistory()
    {
        var client = await LaunchCoderAsync(claimSupported: false);
        await PutAsync(client);

        using var response = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Transactions());
        var stored = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/claim"))!;
        Assert.Equal("not-written", (string?)stored["writeStatus"]);
        Assert.Equal("Claim", (string?)stored["claim"]!["resourceType"]);
        Assert.Contains(stored["history"]!.AsArray(), h => (string?)h!["status"] == "not-written");
    }

    [Fact]
    public async Task Finalize_BlockingEdit_Returns422AndSendsNothing()
    {
        var client = await LaunchCoderAsync();
        CodingEhr.ReplyToTransaction(app.Ehr, "1");
        await PutAsync(client, """{"diagnoses":[{"code":"J18","sequence":1,"poa":"Y"}],"lines":[],"decisions":[]}""");

        using var response = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(problem["edits"]!.AsArray(), e => (string?)e!["rule"] == "edit.header-code");
        Assert.Empty(Transactions());
    }

    [Fact]
    public async Task GetPutFinalize_YearWithoutRelease_OneNonBlockingCodeSetWarningAndTheClaimGoesOutWithIt()
    {
        // The app loads the FY2025 starter set only; 2026-11-27 is in FY2027.
        var client = await LaunchCoderAsync(start: "2026-11-27T08:00:00Z");
        CodingEhr.ReplyToTransaction(app.Ehr, "1");

        var view = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/coding"))!;
        Assert.Equal(2027, (int)view["codeSet"]!["fiscalYear"]!);
        Assert.Equal("ICD-10-CM FY2025", (string?)view["codeSet"]!["version"]);
        Assert.False((bool)view["codeSet"]!["exact"]!);
        var warning = Assert.Single(view["edits"]!.AsArray(), e => (string?)e!["rule"] == "edit.code-set-year")!;
        Assert.False((bool)warning["blocking"]!);
        Assert.Contains("ICD-10-CM FY2025", (string?)warning["title"], StringComparison.Ordinal);

        using var put = await client.PutAsync("/api/encounters/enc-1/coding", new StringContent(WorkingSet, Encoding.UTF8, "application/json"));
        var saved = JsonNode.Parse(await put.Content.ReadAsStringAsync())!;
        var edits = saved["edits"]!.AsArray();
        Assert.Single(edits, e => (string?)e!["rule"] == "edit.code-set-year" && !(bool)e["blocking"]!);
        Assert.DoesNotContain(edits, e => (bool)e!["blocking"]!);
        Assert.Equal("Acute respiratory failure with hypoxia", (string?)saved["workingSet"]!["diagnoses"]![0]!["display"]);

        using var response = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Transactions());
        var stored = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/claim"))!;
        Assert.Equal("written", (string?)stored["writeStatus"]);
        Assert.Contains("checked against ICD-10-CM FY2025", (string?)stored["message"], StringComparison.Ordinal);
        Assert.Contains(stored["history"]!.AsArray(), h => ((string?)h!["message"])?.Contains("FY2027", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Finalize_DateBeforeEveryRelease_CodeSetFindingBlocks()
    {
        var client = await LaunchCoderAsync(start: "2019-06-01T08:00:00Z");
        CodingEhr.ReplyToTransaction(app.Ehr, "1");
        await PutAsync(client);

        using var response = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var edit = Assert.Single(problem["edits"]!.AsArray(), e => (string?)e!["rule"] == "edit.code-set-year")!;
        Assert.Equal("No ICD-10-CM release applies to FY2019", (string?)edit["title"]);
        Assert.Empty(Transactions());
    }

    [Fact]
    public async Task GetPut_PlaceOfService_DefaultsFromInpatientClassAndIsSavedWithTheWorkingSet()
    {
        var client = await LaunchCoderAsync();

        var view = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/coding"))!;
        Assert.Equal("21", (string?)view["workingSet"]!["placeOfService"]);

        var changed = JsonNode.Parse(WorkingSet)!;
        changed["placeOfService"] = " 22 ";
        using var put = await client.PutAsync("/api/encounters/enc-1/coding", new StringContent(changed.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal("22", (string?)JsonNode.Parse(await put.Content.ReadAsStringAsync())!["workingSet"]!["placeOfService"]);
        var reread = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/coding"))!;
        Assert.Equal("22", (string?)reread["workingSet"]!["placeOfService"]);

        changed["placeOfService"] = "2A";
        using var bad = await client.PutAsync("/api/encounters/enc-1/coding", new StringContent(changed.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("place of service", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-03-10", 2025, true)]
    [InlineData("2026-11-27", 2027, false)]
    public async Task Search_Date_UsesTheReleaseTheRegistryResolves(string date, int fiscalYear, bool exact)
    {
        var client = await LaunchCoderAsync();

        var body = JsonNode.Parse(await client.GetStringAsync($"/api/coding/icd10cm?q=pneumonia&date={date}"))!;

        Assert.Equal("ICD-10-CM FY2025", (string?)body["version"]);
        Assert.Equal(fiscalYear, (int)body["codeSet"]!["fiscalYear"]!);
        Assert.Equal(exact, (bool)body["codeSet"]!["exact"]!);
        Assert.Contains(body["codes"]!.AsArray(), c => (string?)c!["code"] == "J18.9");
    }

    [Fact]
    public async Task Search_DateBeforeEveryRelease_FindsNothing()
    {
        var client = await LaunchCoderAsync();

        var body = JsonNode.Parse(await client.GetStringAsync("/api/coding/icd10cm?q=pneumonia&date=2019-06-01"))!;

        Assert.Null((string?)body["version"]);
        Assert.Empty(body["codes"]!.AsArray());
    }
}
