using System.Text.Json.Nodes;
using EhrCodingAssist.Web.Tests.Infrastructure;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>The app with one site POA exempt list, of FY2024, and the FY2025 ICD-10-CM starter set.</summary>
public sealed class PoaExemptFy2024AppFactory()
    : CodingDataAppFactory("CodingData:PoaExempt:0", "site-poa-exempt-fy2024.txt", "poa-exempt-categories FY2024", "Z68");

/// <summary>GET coding on an inpatient encounter whose fiscal year has no POA exempt list names the earlier list used, as a warning.</summary>
public sealed class PoaExemptYearWarningTests(PoaExemptFy2024AppFactory app) : IClassFixture<PoaExemptFy2024AppFactory>
{
    private async Task<JsonArray> EditsAsync(string start)
    {
        app.Ehr.Reset();
        CodingEhr.StubInpatient(app.Ehr, start: start);
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder" });
        var view = JsonNode.Parse(await launched.Client.GetStringAsync("/api/encounters/enc-1/coding"))!;
        return view["edits"]!.AsArray();
    }

    [Fact]
    public async Task Get_Fy2025Encounter_WarnsThatTheFy2024ListIsUsed_WithoutBlocking()
    {
        var edits = await EditsAsync("2025-03-10T08:00:00Z");

        var warning = Assert.Single(edits, e => (string?)e!["rule"] == "edit.poa-exempt-year")!;
        Assert.Equal("POA exempt list FY2025 is not loaded: POA is checked against the FY2024 list", (string?)warning["title"]);
        var text = (string?)warning["text"];
        Assert.Contains("the category list site-poa-exempt-fy2024.txt", text, StringComparison.Ordinal);
        Assert.Contains("CodingData:PoaExempt", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetDirectoryName(app.DataFile)!, text, StringComparison.Ordinal);
        Assert.False((bool)warning["blocking"]!);
        Assert.DoesNotContain(edits, e => (string?)e!["rule"] == "edit.code-set-year"); // the FY2025 ICD-10-CM release is loaded
    }

    [Fact]
    public async Task Get_Fy2024Encounter_TheListIsTheYearsOwn_NoWarning()
    {
        var edits = await EditsAsync("2024-03-10T08:00:00Z");

        Assert.DoesNotContain(edits, e => (string?)e!["rule"] == "edit.poa-exempt-year");
    }
}
