using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>
/// The EHR applied the finalise transaction but gave no Claim version and the read-back of the Claim failed: the
/// outcome is "written" with a note (not a refusal), and the next finalise reads the version before its If-Match update.
/// </summary>
public sealed class ClaimVersionReadBackTests(CodingAppFactory app) : IClassFixture<CodingAppFactory>
{
    private const string WorkingSet = """
        {"diagnoses":[{"code":"J18.9","sequence":1,"poa":"Y","source":"condition"},{"code":"E11.9","sequence":2,"poa":"Y","source":"coder"}],
         "lines":[],"decisions":[]}
        """;

    private static readonly Guid ReadFails = Guid.Parse("5e1f3c8a-0000-4000-8000-000000000503");

    private List<JsonNode> Transactions() =>
        [.. app.Ehr.Server.LogEntries
            .Where(e => e.RequestMessage.Method == "POST" && e.RequestMessage.Path == "/fhir")
            .Select(e => JsonNode.Parse(e.RequestMessage.Body!)!)];

    private int ClaimReads() =>
        app.Ehr.Server.LogEntries.Count(e => e.RequestMessage.Method == "GET" && e.RequestMessage.Path == "/fhir/Claim/claim-1");

    private async Task<HttpClient> WrittenWithoutVersionAsync()
    {
        app.ResetState();
        var client = await CodingEhr.LaunchStubbedCoderAsync(app);
        // Applied: Claim created, unversioned location and no ETag, so the app must read the Claim for its version.
        app.Ehr.Server.Given(Request.Create().WithPath("/fhir").UsingPost()).AtPriority(5)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody("""
                {"resourceType":"Bundle","type":"transaction-response","entry":[
                  {"response":{"status":"201 Created","location":"Claim/claim-1"}},
                  {"response":{"status":"201 Created","location":"Condition/c-9/_history/1"}},
                  {"response":{"status":"201 Created","location":"Provenance/p-1/_history/1"}}]}
                """));
        app.Ehr.Server.Given(Request.Create().WithPath("/fhir/Claim/claim-1").UsingGet()).WithGuid(ReadFails).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Content-Type", "application/fhir+json")
                .WithBody("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"transient"}]}"""));
        using var put = await client.PutAsync("/api/encounters/enc-1/coding", new StringContent(WorkingSet, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return client;
    }

    [Fact]
    public async Task Finalize_VersionReadBackFails_WrittenWithANote_NextFinaliseReadsItThenUpdatesWithIfMatch()
    {
        var client = await WrittenWithoutVersionAsync();

        using var first = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        var body = await first.Content.ReadAsStringAsync();
        Assert.True(first.StatusCode == HttpStatusCode.OK, body);
        var outcome = JsonNode.Parse(body)!;
        Assert.Equal("written", (string?)outcome["status"]);
        Assert.Equal("Claim/claim-1", (string?)outcome["claim"]);
        Assert.Contains("Condition/c-9", outcome["written"]!.AsArray().Select(w => (string?)w));
        var note = (string?)outcome["message"];
        Assert.Contains("were written to the EHR", note, StringComparison.Ordinal);
        Assert.Contains("could not be read back (HTTP 503)", note, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", note, StringComparison.OrdinalIgnoreCase);
        var stored = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/claim"))!;
        Assert.Equal("written", (string?)stored["writeStatus"]);
        Assert.Equal("Claim/claim-1", (string?)stored["serverClaim"]);
        Assert.Null(stored["serverVersion"]);
        Assert.Equal("written", (string?)stored["history"]!.AsArray()[^1]!["status"]);
        Assert.Contains("could not be read back", (string?)stored["history"]!.AsArray()[^1]!["message"], StringComparison.Ordinal);

        // Still unreadable: the re-finalise sends nothing rather than an update without If-Match.
        var readsBefore = ClaimReads();
        using (var blind = await client.PostAsync("/api/encounters/enc-1/finalize", null))
        {
            Assert.Equal(HttpStatusCode.BadGateway, blind.StatusCode);
            var problem = JsonNode.Parse(await blind.Content.ReadAsStringAsync())!;
            Assert.Contains("never sent without If-Match", (string?)problem["detail"], StringComparison.Ordinal);
        }

        Assert.Single(Transactions());
        // A read is retried on 503 (Ehr:Http:MaxRetries, default 2): one read, three attempts.
        Assert.Equal(readsBefore + 3, ClaimReads());

        // Readable again: the re-finalise reads version 4 and updates the one Claim with If-Match.
        app.Ehr.Server.DeleteMapping(ReadFails);
        app.Ehr.StubFhir("Claim/claim-1", """{"resourceType":"Claim","id":"claim-1","meta":{"versionId":"4"},"status":"draft"}""");
        app.Ehr.Server.Given(Request.Create().WithPath("/fhir").UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody("""
                {"resourceType":"Bundle","type":"transaction-response","entry":[
                  {"response":{"status":"200 OK","location":"Claim/claim-1/_history/5","etag":"W/\"5\""}},
                  {"response":{"status":"200 OK","location":"Condition/c-9/_history/1"}},
                  {"response":{"status":"201 Created","location":"Provenance/p-2/_history/1"}}]}
                """));

        using var again = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var transactions = Transactions();
        Assert.Equal(2, transactions.Count);
        Assert.Equal("POST", (string?)transactions[0]["entry"]![0]!["request"]!["method"]);
        var update = transactions[1]["entry"]![0]!["request"]!;
        Assert.Equal("PUT", (string?)update["method"]);
        Assert.Equal("Claim/claim-1", (string?)update["url"]);
        Assert.Equal("W/\"4\"", (string?)update["ifMatch"]);
        var after = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/claim"))!;
        Assert.Equal("5", (string?)after["serverVersion"]);
    }
}
