using EhrCodingAssist.Clinical.Coding;
using EhrCodingAssist.Clinical.Terminology;
using EhrCodingAssist.Clinical.Tests.Terminology;

namespace EhrCodingAssist.Clinical.Tests.Coding;

public sealed class CodingReferenceDataLoaderTests
{
    private static string Data(params string[] parts) => Path.Combine([TerminologyTestData.SharedData, .. parts]);

    [Fact]
    public void Load_SharedData_LoadsEveryTableAndImpact()
    {
        var data = CodingReferenceDataLoader.Load(new CodingDataPaths
        {
            IcdCodeSets = [Data("icd10cm")],
            CcMcc = Data("msdrg", "msdrg_v40_cc_mcc_list.tsv"),
            HccMapping = Data("cms_hcc", "ra_dx_to_cc_2026.csv"),
            HccLabels = Data("cms_hcc", "ra_labels_2026.csv"),
            NcciPtp = [TerminologyTestData.WriteTemp("ptp.txt", NcciTableTests.PtpLines)],
            Mue = TerminologyTestData.WriteTemp("mue.txt", NcciTableTests.MueLines),
        });

        Assert.Equal(97_584, data.IcdCodeSets.Resolve(new DateOnly(2025, 1, 1)).Set!.Count);
        Assert.NotNull(data.Ptp);
        Assert.NotNull(data.Mue);
        Assert.Null(data.Hcpcs);
        Assert.Equal("CC", data.CcMcc!.Label("I50.22"));
        Assert.Equal(["HCC226"], data.Hcc!.Find("I50.22").Select(h => h.Name));
        Assert.Null(data.CcMcc.Label("E11.9"));
        Assert.Equal(["HCC38"], data.Hcc.Find("E11.9").Select(h => h.Name));
        Assert.Null(data.CcMcc.Label("I10"));
        Assert.Empty(data.Hcc.Find("I10"));
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingIt()
    {
        var ex = Assert.Throws<CodeSetFormatException>(() => CodingReferenceDataLoader.Load(new CodingDataPaths { IcdCodeSets = [Data("icd10cm")], Mue = "/nonexistent/mue.txt" }));

        Assert.Equal("/nonexistent/mue.txt", ex.File);
    }
}
