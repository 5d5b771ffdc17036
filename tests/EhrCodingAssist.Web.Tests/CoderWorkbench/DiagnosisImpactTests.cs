using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EhrCodingAssist.Web.CoderWorkbench.Store;
using EhrCodingAssist.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using EhrCodingAssist.Web.Tests.Queries;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>The coding app with the MS-DRG v40 CC/MCC list and the CMS-HCC V28 tables from ../shared/data, as the sandbox configures them.</summary>
public sealed class CmsTablesAppFactory : AppFactory
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ehrca-coding-cms-").FullName;

    public CmsTablesAppFactory()
    {
        Settings["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "app.db")};Pooling=False";
        Settings["Validation:UsCorePath"] = TestPaths.UsCore610;
        var data = Path.Combine(TestPaths.Shared, "data");
        Settings["CodingData:CcMcc"] = Path.Combine(data, "msdrg", "msdrg_v40_cc_mcc_list.tsv");
        Settings["CodingData:CcMccVersion"] = "MS-DRG v40";
        Settings["CodingData:HccMapping"] = Path.Combine(data, "cms_hcc", "ra_dx_to_cc_2026.csv");
        Settings["CodingData:HccLabels"] = Path.Combine(data, "cms_hcc", "ra_labels_2026.csv");
        Settings["CodingData:HccHierarchies"] = Path.Combine(data, "cms_hcc", "ra_hierarchies_2026.csv");
    }

    /// <summary>Forgets stored working sets and Claims (tests share one app).</summary>
    public void ResetState()
    {
        using var scope = Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<CodingDbContext>();
        store.ClaimHistory.ExecuteDelete();
        store.Codings.ExecuteDelete();
    }
}

/// <summary>CC/MCC (secondary diagnoses only) and HCC V28 with the hierarchy applied over the claim, in the API and on the page.</summary>
public sealed partial class DiagnosisImpactTests(CmsTablesAppFactory app) : IClassFixture<CmsTablesAppFactory>
{
    // J96.01 principal (MCC as a secondary, n/a here); I50.22 CC/HCC226; E11.22 HCC37; E11.9 HCC38, trumped by HCC37; N18.4 CC/HCC327.
    private const string WorkingSet = """
        {"diagnoses":[{"code":"J96.01","sequence":1,"poa":"Y"},{"code":"I50.22","sequence":2,"poa":"Y"},{"code":"E11.22","sequence":3,"poa":"Y"},
                      {"code":"E11.9","sequence":4,"poa":"Y"},{"code":"N18.4","sequence":5,"poa":"Y"}],"lines":[],"decisions":[]}
        """;

    private async Task<HttpClient> LaunchAsync(string intent = "coder")
    {
        app.Ehr.Reset();
        app.ResetState();
        CodingEhr.StubInpatient(app.Ehr);
        var coder = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder" });
        coder.Client.DefaultRequestHeaders.Add("X-CSRF", "1");
        using var put = await coder.Client.PutAsync("/api/encounters/enc-1/coding", new StringContent(WorkingSet, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return intent == "coder" ? coder.Client : (await app.LaunchAsync(new LaunchSpec { Intent = intent })).Client;
    }

    [Fact]
    public async Task Get_CmsTablesConfigured_ShowsCcMccAndHccPerDiagnosisWithVersions()
    {
        var client = await LaunchAsync();

        var view = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/coding"))!;

        var impact = view["impact"]!.AsArray().ToDictionary(i => (string)i!["code"]!, i => ((string?)i!["severity"], (string?)i["hcc"]));
        Assert.Equal(("principal: n/a", "HCC213"), impact["J96.01"]);
        Assert.Equal(("CC", "HCC226"), impact["I50.22"]);
        Assert.Equal((null, "HCC37"), impact["E11.22"]);
        Assert.Equal((null, "HCC38 (trumped by HCC37 on this claim)"), impact["E11.9"]);
        Assert.Equal(("CC", "HCC327"), impact["N18.4"]);
        var e119 = view["impact"]!.AsArray().Single(i => (string?)i!["code"] == "E11.9")!;
        Assert.Equal("HCC37", (string?)e119["hccs"]![0]!["droppedBy"]);
        Assert.Equal("MS-DRG v40", (string?)view["impactTables"]!["ccMcc"]);
        Assert.Equal("CMS-HCC V28 (ra_dx_to_cc_2026.csv)", (string?)view["impactTables"]!["hcc"]);
    }

    [Fact]
    public async Task Page_CdiView_ShowsImpactColumnAndTableVersions()
    {
        var client = await LaunchAsync(intent: "cdi");

        var html = await client.GetStringAsync("/coding");

        var cells = ImpactCell().Matches(html).ToDictionary(m => m.Groups["code"].Value, m => WebUtility.HtmlDecode(m.Groups["text"].Value).Trim());
        Assert.Equal("principal: n/a HCC213", cells["J96.01"]);
        Assert.Equal("CC HCC226", cells["I50.22"]);
        Assert.Equal("HCC38 (trumped by HCC37 on this claim)", cells["E11.9"]);
        Assert.Contains("CC/MCC: MS-DRG v40; HCC: CMS-HCC V28 (ra_dx_to_cc_2026.csv)", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-code=\"(?<code>[^\"]+)\" data-sequence=\"\\d+\">.*?<td data-testid=\"impact\"[^>]*>(?<text>[^<]*)</td>", RegexOptions.Singleline)]
    private static partial Regex ImpactCell();
}
