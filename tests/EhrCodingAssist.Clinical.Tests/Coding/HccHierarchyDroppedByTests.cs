using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Tests.Terminology;

namespace EhrCodingAssist.Clinical.Tests.Coding;

public sealed class HccHierarchyDroppedByTests
{
    private static readonly Lazy<(HccHierarchy Hierarchy, HccTable Table)> V28 = new(() =>
    {
        string Data(string file) => Path.Combine(TerminologyTestData.SharedData, "cms_hcc", file);
        return (HccHierarchy.Load(Data("ra_hierarchies_2026.csv")), HccTable.Load(Data("ra_dx_to_cc_2026.csv"), Data("ra_labels_2026.csv")));
    });

    [Fact]
    public void DroppedBy_DiabetesWithoutComplicationsBesideWithComplications_NamesHcc37()
    {
        var (hierarchy, table) = V28.Value;
        HccCategory[] present = [.. table.Find("E11.22"), .. table.Find("E11.9"), .. table.Find("I50.22")];

        var by = hierarchy.DroppedBy(table.Find("E11.9")[0], present);

        Assert.Equal(37, by?.Number);
    }

    [Fact]
    public void DroppedBy_ParentOrUnrelatedCategory_IsNull()
    {
        var (hierarchy, table) = V28.Value;
        HccCategory[] present = [.. table.Find("E11.22"), .. table.Find("E11.9"), .. table.Find("I50.22")];

        Assert.Null(hierarchy.DroppedBy(table.Find("E11.22")[0], present));
        Assert.Null(hierarchy.DroppedBy(table.Find("I50.22")[0], present));
        Assert.Null(hierarchy.DroppedBy(table.Find("E11.9")[0], [.. table.Find("E11.9"), .. table.Find("I50.22")]));
    }
}
