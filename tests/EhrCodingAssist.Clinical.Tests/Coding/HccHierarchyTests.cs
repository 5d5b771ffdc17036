using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Tests.Terminology;

namespace EhrCodingAssist.Clinical.Tests.Coding;

public sealed class HccHierarchyTests
{
    private static string Data(string file) => Path.Combine(TerminologyTestData.SharedData, "cms_hcc", file);

    [Fact]
    public void Apply_V28DiabetesWithAndWithoutComplications_KeepsOnlyTheParent()
    {
        var hierarchy = HccHierarchy.Load(Data("ra_hierarchies_2026.csv"));
        var table = HccTable.Load(Data("ra_dx_to_cc_2026.csv"), Data("ra_labels_2026.csv"));

        var kept = hierarchy.Apply([.. table.Find("E11.9"), .. table.Find("E11.22"), .. table.Find("I50.22")]);

        Assert.Equal([37, 226], kept.Select(h => h.Number));
    }

    [Fact]
    public void Apply_UnrelatedCategories_KeepsAll()
    {
        var hierarchy = HccHierarchy.Load(Data("ra_hierarchies_2026.csv"));

        var kept = hierarchy.Apply([new HccCategory(38, "Diabetes"), new HccCategory(226, "Heart failure"), new HccCategory(38, "Diabetes")]);

        Assert.Equal([38, 226], kept.Select(h => h.Number));
    }
}
