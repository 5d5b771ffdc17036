using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Tests.Terminology;

/// <summary>Against the full FY2025 data in ../shared/data/icd10cm.</summary>
public sealed class FullCodeSetTests
{
    private static IcdCodeSet Set => TerminologyTestData.Full;

    [Fact]
    public void Load_SharedFolder_HasOfficialCounts()
    {
        Assert.Equal(2025, Set.FiscalYear);
        Assert.Equal(97_584, Set.Count);
        Assert.Equal(74_260, Set.BillableCount);
    }

    [Fact]
    public void Find_DottedOrDotless_ReturnsBillableAndHeader()
    {
        Assert.True(Set.Find("E11.9")!.Billable);
        Assert.True(Set.Find("e119")!.Billable);
        Assert.False(Set.Find("E11")!.Billable);
        Assert.False(Set.Find("I50.2")!.Billable);
        Assert.Equal("Type 2 diabetes mellitus without complications", Set.Find("E11.9")!.LongTitle);
        Assert.Null(Set.Find("E11.99"));
        Assert.Null(Set.Find("CH04"));
    }

    [Fact]
    public void Excludes1_ChildCode_InheritsCategoryNotes()
    {
        var excludes = Set.Excludes1("E11.9");

        Assert.Contains("E10", excludes);
        Assert.Contains("O24.4", excludes);
        Assert.Contains("P70.2", excludes);
        Assert.DoesNotContain("E11", excludes);
    }

    [Fact]
    public void Excludes1_Range_ExpandsInTabularOrder()
    {
        // A40 Excludes1: neonatal (P36.0-P36.1); A41: T61-T62 style ranges elsewhere.
        var excludes = Set.Excludes1("A40.9");

        Assert.Contains("P36.0", excludes);
        Assert.Contains("P36.1", excludes);
        Assert.DoesNotContain("P36.2", excludes);
    }

    [Fact]
    public void Excludes1Conflict_Type1AndType2Diabetes_IsSymmetric()
    {
        ICodeSet set = Set;

        Assert.True(set.Excludes1Conflict("E11.9", "E10.65"));
        Assert.True(set.Excludes1Conflict("E10.65", "E11.9"));
        Assert.False(set.Excludes1Conflict("E11.9", "I10"));
        Assert.False(set.Excludes1Conflict("E11.9", "E11.65"));
    }

    [Theory]
    [InlineData("G63", "E11.42", true)] // (E08-E13 with .42)
    [InlineData("G63", "E13.42", true)]
    [InlineData("G63", "E11.40", false)]
    [InlineData("I73.89", "E11.51", true)] // (E08-E13 with .51-.52)
    [InlineData("I73.89", "E11.52", true)]
    [InlineData("I73.89", "E11.59", false)]
    [InlineData("R47.01", "I69.320", true)] // (I69. with final characters -20)
    [InlineData("R47.01", "I69.321", false)]
    [InlineData("G02", "B27.02", true)] // (B27.- with fifth character 2)
    [InlineData("G02", "B27.01", false)]
    [InlineData("I00", "I01.1", true)] // (I01.0 -I01.9)
    [InlineData("F06.7", "I69.810", true)] // (I69.81- I69.91-)
    [InlineData("F06.7", "I69.910", true)]
    [InlineData("F06.7", "I69.90", false)]
    public void Excludes1Conflict_QualifiedAndIrregularReferences_AreRead(string first, string second, bool expected)
    {
        ICodeSet set = Set;

        Assert.Equal(expected, set.Excludes1Conflict(first, second));
    }

    [Fact]
    public void IsManifestation_InDiseasesClassifiedElsewhere_IsTrueOnlyForThose()
    {
        Assert.True(Set.IsManifestation("G63"));
        Assert.True(Set.IsManifestation("F02.80"));
        Assert.True(Set.IsManifestation("D63.1"));
        Assert.False(Set.IsManifestation("A41.9"));
        Assert.False(Set.IsManifestation("N18.4"));
        Assert.True(Set.HasCodeFirstNote("N18.4"));
    }

    [Fact]
    public void Parent_SeventhCharacterCode_SkipsPlaceholders()
    {
        Assert.Equal("E11.6", Set.Parent("E11.65")!.Code);
        Assert.Equal("E11", Set.Parent("E11.6")!.Code);
        Assert.Null(Set.Parent("E11"));
    }

    [Fact]
    public void Search_Words_ReturnsMatchingTitlesShortestFirst()
    {
        var hits = Set.Search("acute kidney failure", 5);

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Contains("kidney", h.LongTitle, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("N17", hits[0].Code);
        Assert.Equal(20, Set.Search("S72").Count);
        Assert.Equal("S72", Set.Search("S72")[0].Code);
    }

    [Fact]
    public void Search_InclusionTerm_FindsCodeAfterTitleMatches()
    {
        var eltor = Set.Search("eltor");
        Assert.Equal("A00.1", eltor[0].Code);

        var subendocardial = Set.Search("subendocardial infarction", 50);
        Assert.Contains(subendocardial, c => c.Code == "I21.4");
        Assert.DoesNotContain("subendocardial", subendocardial[^1].LongTitle, StringComparison.OrdinalIgnoreCase);
    }
}
