using System.Net;
using System.Text.Json.Nodes;

namespace EhrCodingAssist.Web.Tests.Faults;

/// <summary>
/// The fault matrix for loading an encounter (page and findings API): whatever the EHR does with the Encounter read or a
/// search, the answer is readable (never a raw 500 or the EHR's own text), it ends within the app's bounds, and a failed
/// search leaves the rest of the chart evaluated with a warning naming it.
/// </summary>
public sealed class PageLoadFaultTests(FaultAppFactory app) : IClassFixture<FaultAppFactory>
{
    public static TheoryData<string> AllFaults => [.. Faults.All];

    [Theory]
    [MemberData(nameof(AllFaults))]
    public async Task EncounterPage_EncounterReadFails_ReadableErrorPageNot500(string fault)
    {
        var client = await Faults.LaunchAsync(app);
        Faults.Stub(app.Ehr, "GET", "/fhir/Encounter/enc-1", fault);

        using var page = await client.GetAsync("/");

        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        var (status, text) = Expected(fault);
        Assert.True((int)page.StatusCode == status, $"{fault}: HTTP {(int)page.StatusCode} {html}");
        Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed on the EHR", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Faults.DiagnosticsPhi, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllFaults))]
    public async Task FindingsApi_EncounterReadFails_ProblemDetailsNot500(string fault)
    {
        var client = await Faults.LaunchAsync(app);
        Faults.Stub(app.Ehr, "GET", "/fhir/Encounter/enc-1", fault);

        using var response = await client.GetAsync("/api/encounters/enc-1/findings");

        var body = await response.Content.ReadAsStringAsync();
        var (status, text) = Expected(fault);
        Assert.True((int)response.StatusCode == status, $"{fault}: HTTP {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal("/error/ehr", (string?)problem["type"]);
        Assert.Contains(text, (string?)problem["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain(Faults.DiagnosticsPhi, body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllFaults))]
    public async Task EncounterPage_ObservationSearchFails_PageShownWithWarningRestEvaluated(string fault)
    {
        var client = await Faults.LaunchAsync(app);
        Faults.Stub(app.Ehr, "GET", "/fhir/Observation", fault);

        using var response = await client.GetAsync("/api/encounters/enc-1/findings");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{fault}: HTTP {(int)response.StatusCode} {body}");
        var warnings = JsonNode.Parse(body)!["encounters"]!.AsArray()[0]!["warnings"]!.AsArray().Select(w => (string?)w).ToList();
        var warning = Assert.Single(warnings, w => w!.StartsWith("Observations: not loaded, ", StringComparison.Ordinal));
        Assert.Contains(SearchText(fault), warning, StringComparison.Ordinal);
        Assert.DoesNotContain(Faults.DiagnosticsPhi, body, StringComparison.Ordinal);
        // The other searches were read: the documented Condition's chart still answered.
        Assert.True(app.Count("GET", "/fhir/Condition") >= 1);
    }

    [Fact]
    public async Task EncounterPage_TransientReadFailure_RetriedOnceThenShown()
    {
        var client = await Faults.LaunchAsync(app);
        app.Ehr.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/fhir/Encounter/enc-1").UsingGet())
            .InScenario("flaky").WillSetStateTo("recovered").AtPriority(-1).RespondWith(Faults.Response("503"));

        using var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(2, app.Count("GET", "/fhir/Encounter/enc-1"));
    }

    [Fact]
    public async Task EncounterPage_ObservationWithInvalidStatusAndPatientGenderM_PageShownBothNamed()
    {
        var client = await Faults.LaunchAsync(app);
        app.Ehr.StubFhir("Patient/pat-1", """{"resourceType":"Patient","id":"pat-1","gender":"M","birthDate":"1950-01-01"}""");
        app.Ehr.StubFhir("Observation", CoderWorkbench.CodingEhr.Searchset(
            """{"resourceType":"Observation","id":"o-odd","status":"preliminary-ish","code":{"text":"x"},"subject":{"reference":"Patient/pat-1"}}"""));

        using var page = await client.GetAsync("/");

        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.True(page.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("The chart was not read completely", html, StringComparison.Ordinal);
        Assert.Contains("Observation/o-odd: it holds values that are not valid FHIR (Observation.status)", html, StringComparison.Ordinal);
        Assert.Contains("Patient/pat-1: values that are not valid FHIR were ignored (Patient.gender)", html, StringComparison.Ordinal);
    }

    private static (int Status, string Text) Expected(string fault) => fault switch
    {
        "404" => (404, "The EHR found nothing for Encounter/enc-1 (HTTP 404)."),
        "409" or "412" => (502, $"The EHR refused Encounter/enc-1 (HTTP {fault})."),
        "429" => (503, "The EHR is busy"),
        "500" or "503" => (502, $"The EHR failed while answering Encounter/enc-1 (HTTP {fault})"),
        "frozen" => (504, "The EHR did not answer in time"),
        "malformed-json" => (502, "The EHR's answer to Encounter/enc-1 could not be read: it is not valid JSON."),
        "html" => (502, "The EHR's answer to Encounter/enc-1 could not be read: it is not valid JSON."),
        "top-level-array" => (502, "The EHR's answer to Encounter/enc-1 could not be read: it is not a JSON object."),
        "empty-response" => (502, "could not be"),
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    private static string SearchText(string fault) => fault switch
    {
        "404" => "the EHR found nothing for the Observations search (HTTP 404)",
        "409" or "412" => $"the EHR refused the Observations search (HTTP {fault})",
        "429" => "the EHR is busy",
        "500" or "503" => $"the EHR failed while answering the Observations search (HTTP {fault})",
        "frozen" => "the EHR did not answer in time",
        "malformed-json" => "could not be read: it is not valid JSON",
        "html" => "could not be read: it is not valid JSON",
        "top-level-array" => "could not be read: it is not a JSON object",
        "empty-response" => "could not be",
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };
}
