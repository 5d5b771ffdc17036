using System.Text;
using System.Text.Json.Nodes;
using EhrCodingAssist.Web.Tests.Infrastructure;
using EhrCodingAssist.Web.Tests.Queries;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>The app with CodingData:PoaExempt pointing at a site list (J18 exempt, nothing else) instead of the shipped starter.</summary>
public sealed class PoaExemptConfigAppFactory : AppFactory
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ehrca-poa-").FullName;

    public PoaExemptConfigAppFactory()
    {
        var list = Path.Combine(_folder, "site-poa-exempt.txt");
        File.WriteAllLines(list, ["poa-exempt-categories FY2025", "J18"]);
        Settings["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "app.db")};Pooling=False";
        Settings["Validation:UsCorePath"] = TestPaths.UsCore610;
        Settings["CodingData:PoaExempt:0"] = list;
    }
}

public sealed class PoaExemptConfigTests(PoaExemptConfigAppFactory app) : IClassFixture<PoaExemptConfigAppFactory>
{
    [Fact]
    public async Task Put_PoaEdit_UsesTheConfiguredListNotTheStarter()
    {
        app.Ehr.Reset();
        CodingEhr.StubInpatient(app.Ehr);
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder" });
        launched.Client.DefaultRequestHeaders.Add("X-CSRF", "1");

        // Under the starter J18.9 without POA is an edit and Z68.41 with "1" is not; the configured list says the opposite.
        using var response = await launched.Client.PutAsync("/api/encounters/enc-1/coding", new StringContent(
            """{"diagnoses":[{"code":"J18.9","sequence":1},{"code":"Z68.41","sequence":2,"poa":"1"}],"lines":[],"decisions":[]}""",
            Encoding.UTF8,
            "application/json"));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var edit = Assert.Single(body["edits"]!.AsArray(), e => (string?)e!["rule"] == "edit.poa");
        Assert.Equal("POA indicator 1 (exempt) on Z68.41", (string?)edit!["title"]);
    }
}
