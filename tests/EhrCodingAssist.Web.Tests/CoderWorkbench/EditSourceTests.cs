using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EhrCodingAssist.Web.Tests.Infrastructure;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>Each edit carries the published source its rule follows, in the API and next to the rule id on the page.</summary>
public sealed class EditSourceTests(CodingAppFactory app) : IClassFixture<CodingAppFactory>
{
    private async Task<HttpClient> LaunchWithHeaderCodeAsync()
    {
        app.Ehr.Reset();
        app.ResetState();
        CodingEhr.StubInpatient(app.Ehr);
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder" });
        launched.Client.DefaultRequestHeaders.Add("X-CSRF", "1");
        using var put = await launched.Client.PutAsync("/api/encounters/enc-1/coding", new StringContent(
            """{"diagnoses":[{"code":"J18","sequence":1,"poa":"Y"}],"lines":[],"decisions":[]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var body = JsonNode.Parse(await put.Content.ReadAsStringAsync())!;
        var edit = Assert.Single(body["edits"]!.AsArray(), e => (string?)e!["rule"] == "edit.header-code")!;
        Assert.Equal("ICD-10-CM Official Guidelines FY2025 I.B.1 (level of detail in coding)", (string?)edit["source"]);
        return launched.Client;
    }

    [Fact]
    public async Task Get_HeaderCode_EditHasItsGuidelineSource()
    {
        var client = await LaunchWithHeaderCodeAsync();

        var view = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/coding"))!;

        var edit = Assert.Single(view["edits"]!.AsArray(), e => (string?)e!["rule"] == "edit.header-code")!;
        Assert.Equal("ICD-10-CM Official Guidelines FY2025 I.B.1 (level of detail in coding)", (string?)edit["source"]);
    }

    [Fact]
    public async Task Page_HeaderCode_ShowsSourceNextToRuleId()
    {
        var client = await LaunchWithHeaderCodeAsync();

        var html = await client.GetStringAsync("/coding");

        Assert.Contains(
            "<code>edit.header-code</code>; source: <span data-testid=\"edit-source\">ICD-10-CM Official Guidelines FY2025 I.B.1 (level of detail in coding)</span>",
            html, StringComparison.Ordinal);
    }
}
