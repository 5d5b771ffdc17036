using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EhrCodingAssist.Web.Tests.Queries;

public sealed partial class QueryPageTests(QueryAppFactory app) : IClassFixture<QueryAppFactory>
{
    [Fact]
    public async Task CdiPage_UnsentFinding_ShowsIndicatorsFinancialWeightAndAttendingPreselected()
    {
        using var ehr = new FakeEhr();
        using var cdi = app.ClientFor(ehr, "cdi", QueryScenario.Cdi);

        var html = await cdi.GetStringAsync("/queries");

        Assert.Contains("data-rule=\"aki-kdigo\"", html, StringComparison.Ordinal);
        Assert.Contains("Financial weight: CC", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/fhir/Observation/cr2\"", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"Practitioner/dr-a\" selected=\"selected\">", html);
        Assert.Contains("data-testid=\"metrics\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CdiPage_SendWithPaymentWord_ShowsLintProblemAndSendsNothing()
    {
        using var ehr = new FakeEhr();
        using var cdi = app.ClientFor(ehr, "cdi", QueryScenario.Cdi, csrf: false);
        var token = await TokenAsync(cdi);

        var reply = await cdi.PostAsync("/queries?handler=Send", Form(token, ("finding", "aki-kdigo"), ("text", "Creatinine 2.1 mg/dL. AKI would add an MCC."), ("recipient", QueryScenario.Attending), ("options", "N17.9")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.StatusCode);
        Assert.Contains("&#x27;MCC&#x27;", await reply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var api = app.ClientFor(ehr, "cdi", QueryScenario.Cdi);
        Assert.Equal("[]", await api.GetStringAsync("/api/encounters/e1/queries"));
    }

    [Fact]
    public async Task Pages_CdiSendsPhysicianAnswers_ConditionWrittenAndNoFinancialFieldsForPhysician()
    {
        using var ehr = new FakeEhr();
        using var cdi = app.ClientFor(ehr, "cdi", QueryScenario.Cdi, csrf: false);
        var sent = await cdi.PostAsync("/queries?handler=Send", Form(await TokenAsync(cdi), ("finding", "aki-kdigo"), ("recipient", QueryScenario.Attending), ("options", "N17.9")));
        Assert.Contains("Query sent.", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var physician = app.ClientFor(ehr, "physician", QueryScenario.Attending, csrf: false);
        var page = await physician.GetStringAsync("/queries");
        Assert.Contains("<strong>1</strong> open query", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Financial", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(">CC<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("N17.0", page, StringComparison.Ordinal);
        var queryId = QueryIdAttribute().Match(page).Groups[1].Value;

        var answered = await physician.PostAsync("/queries?handler=Answer", Form(TokenFrom(page), ("queryId", queryId), ("option", "N17.9"), ("comment", "AKI on CKD")));

        Assert.Contains("the diagnosis was added to the chart", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(ehr.TransactionPosts);
        var after = await cdi.GetStringAsync("/queries");
        Assert.Contains("Condition/c-1 Provenance/prov-1", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EncounterPage_PhysicianWithSentQuery_ShowsOpenQueryCountAndNoCodingLink()
    {
        using var ehr = new FakeEhr();
        using var cdi = app.ClientFor(ehr, "cdi", QueryScenario.Cdi, csrf: false);
        await cdi.PostAsync("/queries?handler=Send", Form(await TokenAsync(cdi), ("finding", "aki-kdigo"), ("recipient", QueryScenario.Attending), ("options", "N17.9")));

        StubChart(ehr);
        using var physician = app.ClientFor(ehr, "physician", QueryScenario.Attending);
        var home = await physician.GetStringAsync("/");

        Assert.Contains("1 open documentation query", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/queries\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/coding\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/coding\"", await cdi.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CdiPage_NotWrittenDecision_ShownWithExport()
    {
        using var ehr = new FakeEhr(transaction: false);
        using var cdiApi = app.ClientFor(ehr, "cdi", QueryScenario.Cdi);
        var created = await cdiApi.PostAsJsonAsync("/api/queries", new { finding = "aki-kdigo", encounter = "e1" });
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        using var physician = app.ClientFor(ehr, "physician", QueryScenario.Attending);
        await physician.PostAsJsonAsync($"/api/queries/{id}/answer", new { option = "N17.9" });

        var html = await cdiApi.GetStringAsync("/queries");
        var export = await cdiApi.GetAsync($"/queries?handler=Export&queryId={id}");

        Assert.Contains("not-written", html, StringComparison.Ordinal);
        Assert.Contains("Export decision", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var bundle = JsonNode.Parse(await export.Content.ReadAsStringAsync())!;
        Assert.Equal("Condition", bundle["entry"]![0]!["resource"]!["resourceType"]!.GetValue<string>());
    }

    /// <summary>The chart the encounter page reads: the encounter and patient, every search empty.</summary>
    private static void StubChart(FakeEhr ehr)
    {
        static WireMock.ResponseBuilders.IResponseBuilder Fhir(string body) =>
            WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/fhir+json").WithBody(body);
        ehr.Server.Given(WireMock.RequestBuilders.Request.Create().UsingGet()).AtPriority(1000)
            .RespondWith(Fhir("""{"resourceType":"Bundle","type":"searchset","entry":[]}"""));
        ehr.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/fhir/Encounter/e1").UsingGet())
            .RespondWith(Fhir("""{"resourceType":"Encounter","id":"e1","status":"in-progress","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP"},"subject":{"reference":"Patient/p1"},"period":{"start":"2026-03-10T08:00:00Z"}}"""));
        ehr.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/fhir/Patient/p1").UsingGet())
            .RespondWith(Fhir("""{"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1950-01-01"}"""));
    }

    private static async Task<string> TokenAsync(HttpClient client) => TokenFrom(await client.GetStringAsync("/queries"));

    private static string TokenFrom(string html) => AntiforgeryToken().Match(html).Groups[1].Value;

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<article[^>]*data-query=\"([0-9a-f]{32})\"")]
    private static partial Regex QueryIdAttribute();
}
