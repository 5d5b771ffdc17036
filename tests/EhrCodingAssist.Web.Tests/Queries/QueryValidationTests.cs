using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace EhrCodingAssist.Web.Tests.Queries;

public sealed class QueryValidationTests(QueryAppFactory app) : IClassFixture<QueryAppFactory>
{
    [Fact]
    public async Task Answer_ConditionFailsUsCoreValidation_NeverSentAndReasonShown()
    {
        using var ehr = new FakeEhr();
        using var cdi = app.ClientFor(ehr, "cdi", QueryScenario.Cdi);
        var created = await cdi.PostAsJsonAsync("/api/queries", new { finding = "aki-kdigo", encounter = QueryScenario.NoPatientEncounterId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        using var physician = app.ClientFor(ehr, "physician", QueryScenario.Attending);

        var reply = await physician.PostAsJsonAsync($"/api/queries/{id}/answer", new { option = "N17.9" });

        var result = JsonNode.Parse(await reply.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal("invalid", result["writeStatus"]!.GetValue<string>());
        Assert.Contains("Condition", result["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("subject", result["reason"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(ehr.TransactionPosts);
    }
}
