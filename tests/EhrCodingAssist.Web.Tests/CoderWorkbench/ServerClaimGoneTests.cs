using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EhrCodingAssist.Web.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>The written Claim was deleted on the EHR: the stale update's 412 and the re-read's 404/410 say "gone", not "encounter not found".</summary>
public sealed class ServerClaimGoneTests(CodingAppFactory app) : IClassFixture<CodingAppFactory>
{
    private const string WorkingSet = """
        {"diagnoses":[{"code":"J18.9","sequence":1,"poa":"Y","source":"condition"}],
         "lines":[{"code":"G0390","system":"hcpcs","units":1,"pointers":[1]}],"decisions":[]}
        """;

    private static readonly Guid Refusal = Guid.Parse("5e1f3c8a-0000-4000-8000-000000000412");

    private async Task<HttpClient> WrittenThenDeletedAsync(int goneStatus)
    {
        app.Ehr.Reset();
        app.ResetState();
        CodingEhr.StubInpatient(app.Ehr);
        CodingEhr.ReplyToTransaction(app.Ehr, "1");
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder" });
        var client = launched.Client;
        client.DefaultRequestHeaders.Add("X-CSRF", "1");
        using (var put = await client.PutAsync("/api/encounters/enc-1/coding", new StringContent(WorkingSet, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var first = await client.PostAsync("/api/encounters/enc-1/finalize", null))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        // Someone deleted Claim/claim-1 on the EHR: the If-Match update fails, and so does the re-read.
        app.Ehr.Server.Given(Request.Create().WithPath("/fhir").UsingPost()).WithGuid(Refusal).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(412).WithHeader("Content-Type", "application/fhir+json")
                .WithBody("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"conflict"}]}"""));
        app.Ehr.StubFhir("Claim/claim-1", """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"deleted"}]}""", goneStatus);
        return client;
    }

    private List<JsonNode> Transactions() =>
        [.. app.Ehr.Server.LogEntries
            .Where(e => e.RequestMessage.Method == "POST" && e.RequestMessage.Path == "/fhir")
            .Select(e => JsonNode.Parse(e.RequestMessage.Body!)!)];

    [Theory]
    [InlineData(404)]
    [InlineData(410)]
    public async Task Finalize_ServerClaimDeleted_TellsTheCoderAndNextFinaliseCreatesAnew(int goneStatus)
    {
        var client = await WrittenThenDeletedAsync(goneStatus);

        using var response = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("deleted on the EHR", (string?)problem["detail"], StringComparison.Ordinal);
        var stored = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/claim"))!;
        Assert.Null(stored["serverClaim"]);
        Assert.Null(stored["serverVersion"]);
        Assert.Contains(stored["history"]!.AsArray(), h => ((string?)h!["message"])?.Contains("deleted on the EHR", StringComparison.Ordinal) == true);

        app.Ehr.Server.DeleteMapping(Refusal);
        using var again = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var request = Transactions()[^1]["entry"]![0]!["request"]!;
        Assert.Equal("POST", (string?)request["method"]);
        Assert.StartsWith("identifier=urn:ehrcodingassist:claim|", (string?)request["ifNoneExist"], StringComparison.Ordinal);
        Assert.Null(request["ifMatch"]);
    }

    [Fact]
    public async Task Page_ServerClaimDeleted_ShowsTheMessageInsteadOfAnError()
    {
        var client = await WrittenThenDeletedAsync(410);

        var (response, html) = await WorkbenchPageClient.PostAsync(client, "Finalize");

        Assert.True(response.StatusCode == HttpStatusCode.OK, html[..Math.Min(html.Length, 2000)]);
        Assert.Contains("data-testid=\"finalize-outcome\"", html, StringComparison.Ordinal);
        Assert.Contains("deleted on the EHR", html, StringComparison.Ordinal);
        response.Dispose();
    }
}
