using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EhrCodingAssist.Web.Tests.Infrastructure;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>
/// The EHR applied a finalise but the app saw a 5xx: the retry's conditional create matches the old Claim (200, not
/// updated), so the app follows with an If-Match update carrying the coder's current Claim; there is never a second Claim.
/// </summary>
public sealed class LostResponseRetryTests(CodingAppFactory app) : IClassFixture<CodingAppFactory>
{
    private static readonly Guid LostResponse = Guid.Parse("5e1f3c8a-0000-4000-8000-000000000500");

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private List<JsonNode> Transactions() =>
        [.. app.Ehr.Server.LogEntries
            .Where(e => e.RequestMessage.Method == "POST" && e.RequestMessage.Path == "/fhir")
            .Select(e => JsonNode.Parse(e.RequestMessage.Body!)!)];

    private void StubEhrThatAlreadyHoldsTheClaim()
    {
        // Conditional create: the identifier matches the Claim written by the lost call; 200, no ETag, unversioned location.
        app.Ehr.Server.Given(Request.Create().WithPath("/fhir").UsingPost()).AtPriority(5)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody("""
                {"resourceType":"Bundle","type":"transaction-response","entry":[
                  {"response":{"status":"200 OK","location":"Claim/claim-1"}},
                  {"response":{"status":"200 OK","location":"Condition/c-9/_history/1"}},
                  {"response":{"status":"201 Created","location":"Provenance/p-1/_history/1"}}]}
                """));
        // The version-aware update.
        app.Ehr.Server.Given(Request.Create().WithPath("/fhir").UsingPost().WithBody(new WildcardMatcher("*\"method\":\"PUT\"*"))).AtPriority(2)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody("""
                {"resourceType":"Bundle","type":"transaction-response","entry":[
                  {"response":{"status":"200 OK","location":"Claim/claim-1/_history/2","etag":"W/\"2\""}},
                  {"response":{"status":"201 Created","location":"Provenance/p-2/_history/1"}}]}
                """));
        app.Ehr.StubFhir("Claim/claim-1", """{"resourceType":"Claim","id":"claim-1","meta":{"versionId":"1"},"status":"draft"}""");
    }

    [Fact]
    public async Task Finalize_RetryAfterLostResponse_UpdatesTheOneClaimWithIfMatch()
    {
        app.Ehr.Reset();
        app.ResetState();
        CodingEhr.StubInpatient(app.Ehr);
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder" });
        var client = launched.Client;
        client.DefaultRequestHeaders.Add("X-CSRF", "1");
        using (var put = await client.PutAsync("/api/encounters/enc-1/coding", Json("""
            {"diagnoses":[{"code":"J18.9","sequence":1,"poa":"Y","source":"condition"}],"lines":[],"decisions":[]}
            """)))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        // The EHR applies the transaction but the app gets a 500.
        app.Ehr.Server.Given(Request.Create().WithPath("/fhir").UsingPost()).WithGuid(LostResponse).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(500).WithHeader("Content-Type", "application/fhir+json")
                .WithBody("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"timeout"}]}"""));
        using (var lost = await client.PostAsync("/api/encounters/enc-1/finalize", null))
        {
            Assert.Equal(HttpStatusCode.BadGateway, lost.StatusCode);
        }

        app.Ehr.Server.DeleteMapping(LostResponse);
        StubEhrThatAlreadyHoldsTheClaim();
        // The coder adds a secondary diagnosis before retrying: the server must end up with it.
        using (var put = await client.PutAsync("/api/encounters/enc-1/coding", Json("""
            {"diagnoses":[{"code":"J18.9","sequence":1,"poa":"Y","source":"condition"},{"code":"E11.9","sequence":2,"poa":"Y","source":"coder"}],"lines":[],"decisions":[]}
            """)))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using var retry = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var transactions = Transactions();
        Assert.Equal(3, transactions.Count);
        // Every create of the Claim was conditional on its one identifier: the server can hold only one Claim.
        var claimRequests = transactions.Select(t => t["entry"]![0]!["request"]!).ToList();
        var identifiers = claimRequests.Where(r => (string?)r["method"] == "POST").Select(r => (string?)r["ifNoneExist"]).ToList();
        Assert.Equal(2, identifiers.Count);
        Assert.Single(identifiers.Distinct());
        Assert.StartsWith("identifier=urn:ehrcodingassist:claim|", identifiers[0], StringComparison.Ordinal);
        var update = transactions[2]["entry"]![0]!;
        Assert.Equal("PUT", (string?)update["request"]!["method"]);
        Assert.Equal("Claim/claim-1", (string?)update["request"]!["url"]);
        Assert.Equal("W/\"1\"", (string?)update["request"]!["ifMatch"]);
        Assert.Equal("E11.9", (string?)update["resource"]!["diagnosis"]![1]!["diagnosisCodeableConcept"]!["coding"]![0]!["code"]);
        var stored = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/claim"))!;
        Assert.Equal("written", (string?)stored["writeStatus"]);
        Assert.Equal("Claim/claim-1", (string?)stored["serverClaim"]);
        Assert.Equal("2", (string?)stored["serverVersion"]);
    }
}
