using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Terminology;
using EhrCodingAssist.Clinical.Tests.Terminology;

namespace EhrCodingAssist.Clinical.Tests.Coding;

public sealed class ReferenceDataTests
{
    private static string Data(params string[] parts) => Path.Combine([TerminologyTestData.SharedData, .. parts]);

    [Fact]
    public void CcMccTable_MsDrgV40_ReadsSeverities()
    {
        var table = CcMccTable.Load(Data("msdrg", "msdrg_v40_cc_mcc_list.tsv"), "MS-DRG v40");

        Assert.Equal(CcMccSeverity.Mcc, table.Find("I50.21"));
        Assert.Equal(CcMccSeverity.Cc, table.Find("I5022"));
        Assert.Equal(CcMccSeverity.MccIfDischargedAlive, table.Find("I46.9"));
        Assert.Null(table.Find("E11.9"));
        Assert.Equal("MCC", table.Label("I50.21"));
        Assert.Null(table.Label("E11.9"));
        Assert.Equal(18_129, table.Count);
    }

    [Fact]
    public void CcMccTable_BadSeverity_ThrowsNamingLine()
    {
        var path = TerminologyTestData.WriteTemp("cc.tsv", "icd10cm_code\tseverity\tdescription", "A000\tCC\tCholera", "A001\tBIG\tCholera");

        var ex = Assert.Throws<CodeSetFormatException>(() => CcMccTable.Load(path, "test"));

        Assert.Equal(3, ex.Line);
    }

    [Fact]
    public void HccTable_V28_MapsCodesToCategoriesWithLabels()
    {
        var table = HccTable.Load(Data("cms_hcc", "ra_dx_to_cc_2026.csv"), Data("cms_hcc", "ra_labels_2026.csv"));

        Assert.Equal(7_903, table.Count);
        Assert.Equal(37, Assert.Single(table.Find("E11.22")).Number);
        Assert.Equal("Diabetes with Chronic Complications", table.Find("E11.22")[0].Label);
        Assert.Equal("HCC38", Assert.Single(table.Find("E11.9")).Name);
        Assert.Equal(226, Assert.Single(table.Find("I50.22")).Number);
        Assert.Equal(327, Assert.Single(table.Find("N18.4")).Number);
        Assert.Empty(table.Find("I10"));
    }

    [Fact]
    public void HcpcsCodeSet_October2025_ReadsCodesModifiersAndDates()
    {
        var set = HcpcsCodeSet.Load(Data("hcpcs", "HCPC2025_OCT_ANWEB.csv"));

        Assert.Equal(8_463, set.CodeCount);
        Assert.Equal(383, set.ModifierCount);
        Assert.Equal("HCPC2025_OCT_ANWEB", set.Version);
        var j1100 = set.Find("J1100")!;
        Assert.Equal("Dexamethasone sodium phos", j1100.ShortDescription);
        Assert.True(j1100.IsValidOn(new DateOnly(2025, 10, 1)));
        var terminated = set.Find("A4397")!;
        Assert.True(terminated.IsValidOn(new DateOnly(2021, 12, 31)));
        Assert.False(terminated.IsValidOn(new DateOnly(2022, 1, 1)));
        Assert.False(set.Find("A2030")!.IsValidOn(new DateOnly(2025, 3, 31)));
        Assert.NotNull(set.FindModifier("A1"));
        Assert.NotNull(set.FindModifier("LT"));
        Assert.Null(set.FindModifier("95"));
    }

    [Theory]
    [InlineData("99213", true)]
    [InlineData("0001F", true)]
    [InlineData("0042T", true)]
    [InlineData("0001U", true)]
    [InlineData("9921", false)]
    [InlineData("J1100", false)]
    [InlineData("9921X", false)]
    public void CptCodeSet_IsWellFormed_ChecksShape(string code, bool expected) =>
        Assert.Equal(expected, CptCodeSet.IsWellFormed(code));

    [Fact]
    public void CptCodeSet_CodesOnly_HasNoDescriptors()
    {
        Assert.True(CptCodeSet.CodesOnly.IsKnown("99213"));
        Assert.Null(CptCodeSet.CodesOnly.Descriptor("99213"));
    }

    [Fact]
    public void CptCodeSet_CustomerDescriptorFile_ImportsAndRestrictsKnownCodes()
    {
        var path = TerminologyTestData.WriteTemp("LONGULT.txt", "10000\tCustomer descriptor one", "", "10001|Customer descriptor two");

        var set = CptCodeSet.LoadDescriptors(path);

        Assert.Equal("Customer descriptor two", set.Descriptor("10001"));
        Assert.True(set.IsKnown("10000"));
        Assert.False(set.IsKnown("10002"));

        File.WriteAllLines(path, ["10000\tok", "not a line"]);
        Assert.Equal(2, Assert.Throws<CodeSetFormatException>(() => CptCodeSet.LoadDescriptors(path)).Line);
    }
}
