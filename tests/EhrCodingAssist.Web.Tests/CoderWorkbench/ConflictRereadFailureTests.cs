using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EhrCodingAssist.Web.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>
/// The EHR answers the finalise transaction with a conflict and then fails the re-read of its Claim (by id, or by the
/// Claim identifier when no id is known yet): a 409 about the Claim, kept in its history, never "Encounter not found".
/// </summary>
public sealed class ConflictRereadFailureTests(CodingAppFactory app) : IClassFixture<CodingAppFactory>
{
    private const string WorkingSet = """
        {"diagnoses":[{"code":"J18.9","sequence":1,"poa":"Y","source":"condition"}],"lines":[],"decisions":[]}
        """;

    private async Task<HttpClient> LaunchAsync()
    {
        app.Ehr.Reset();
        app.ResetState();
        CodingEhr.StubInpatient(app.Ehr);
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder" });
        var client = launched.Client;
        client.DefaultRequestHeaders.Add("X-CSRF", "1");
        using var put = await client.PutAsync("/api/encounters/enc-1/coding", new StringContent(WorkingSet, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return client;
    }

    private void ClaimSearchAnswers(IResponseBuilder response) =>
        app.Ehr.Server.Given(Request.Create().WithPath("/fhir/Claim").WithParam("identifier").UsingGet()).AtPriority(-1).RespondWith(response); // before StubInpatient's empty search (priority 0)

    private static IResponseBuilder Status(int status) => Response.Create().WithStatusCode(status)
        .WithHeader("Content-Type", "application/fhir+json")
        .WithBody("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"exception"}]}""");

    private static async Task<string> AssertClaimConflictAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, body);
        var problem = JsonNode.Parse(body)!;
        var detail = (string?)problem["detail"];
        Assert.Equal("The Claim changed on the EHR", (string?)problem["title"]);
        Assert.Contains("The EHR refused the Claim with a conflict (HTTP 409)", detail, StringComparison.Ordinal);
        Assert.Contains("nothing was written", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Encounter", body, StringComparison.OrdinalIgnoreCase);
        return detail!;
    }

    [Theory]
    [InlineData(404)]
    [InlineData(500)]
    public async Task Finalize_ConflictWithoutServerId_IdentifierSearchFails_Is409AboutTheClaim(int status)
    {
        var client = await LaunchAsync();
        CodingEhr.ReplyToTransaction(app.Ehr, "1", status: 409);
        ClaimSearchAnswers(Status(status));

        using var response = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        var detail = await AssertClaimConflictAsync(response);
        Assert.Contains($"The EHR answered HTTP {status} while finalising (search of Claim by its identifier)", detail, StringComparison.Ordinal);
        // One search: a 404 is final, a 500 is retried (Ehr:Http:MaxRetries, default 2).
        Assert.Equal(status == 500 ? 3 : 1, app.Ehr.Received("/fhir/Claim").Count(e => e.RequestMessage.Query?.ContainsKey("identifier") == true));
        var stored = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/claim"))!;
        Assert.Equal("conflict", (string?)stored["writeStatus"]);
        Assert.Equal(detail, (string?)stored["message"]);
        Assert.Equal("conflict", (string?)stored["history"]!.AsArray()[^1]!["status"]);
    }

    [Fact]
    public async Task Finalize_ConflictWithoutServerId_SearchRefusedForScope_Is409NamingTheScope()
    {
        var client = await LaunchAsync();
        CodingEhr.ReplyToTransaction(app.Ehr, "1", status: 409);
        ClaimSearchAnswers(Status(403));

        using var response = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        var detail = await AssertClaimConflictAsync(response);
        Assert.Contains("The EHR refused it for lack of a scope (patient/Claim.s) while finalising (search of Claim by its identifier)", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finalize_ConflictWithServerId_ReadFails_Is409AboutThatClaim_AndKeepsItsId()
    {
        var client = await LaunchAsync();
        CodingEhr.ReplyToTransaction(app.Ehr, "1");
        using (var first = await client.PostAsync("/api/encounters/enc-1/finalize", null))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        CodingEhr.ReplyToTransaction(app.Ehr, "1", status: 409, priority: 1);
        app.Ehr.Server.Given(Request.Create().WithPath("/fhir/Claim/claim-1").UsingGet()).AtPriority(1).RespondWith(Status(503));

        using var response = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        var detail = await AssertClaimConflictAsync(response);
        Assert.Contains("The EHR answered HTTP 503 while finalising (re-read of Claim/claim-1)", detail, StringComparison.Ordinal);
        var stored = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/claim"))!;
        Assert.Equal("Claim/claim-1", (string?)stored["serverClaim"]);
        Assert.Equal("1", (string?)stored["serverVersion"]);
    }
}
