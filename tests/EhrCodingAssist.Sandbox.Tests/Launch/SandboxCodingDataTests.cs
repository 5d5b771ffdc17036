using EhrCodingAssist.Clinical.Coding;
using EhrCodingAssist.Sandbox.Hosting;

namespace EhrCodingAssist.Sandbox.Tests.Launch;

/// <summary>The sandbox points the app's coding data at ../shared/data when it is there, and at nothing when it is not.</summary>
public sealed class SandboxCodingDataTests
{
    [Fact]
    public void SharedData_FullIcd10CmAndCmsTables_AreConfiguredAndLoad()
    {
        var settings = new Dictionary<string, string?>();

        SandboxCodingData.Add(settings, Path.Combine(SharedData.Root(), "data"));

        Assert.EndsWith("icd10cm_fy2025_tabular_with_notes.txt", settings["CodingData:IcdCodeSets:0"], StringComparison.Ordinal);
        Assert.EndsWith("msdrg_v40_cc_mcc_list.tsv", settings["CodingData:CcMcc"], StringComparison.Ordinal);
        var data = CodingReferenceDataLoader.Load(new CodingDataPaths { IcdCodeSets = [settings["CodingData:IcdCodeSets:0"]!] });
        var set = Assert.Single(data.IcdCodeSets.All);
        Assert.Equal(2025, set.FiscalYear);
        Assert.NotNull(set.Find("A02.21")); // far outside the starter set: the full release is what the coder searches
        Assert.Null(set.Find("NOT.A.CODE"));
    }

    [Fact]
    public void NoSharedData_NothingIsConfigured_TheAppUsesItsStarterSet()
    {
        var settings = new Dictionary<string, string?>();

        SandboxCodingData.Add(settings, Directory.CreateTempSubdirectory("ehrca-no-shared-").FullName);

        Assert.Empty(settings);
    }
}
