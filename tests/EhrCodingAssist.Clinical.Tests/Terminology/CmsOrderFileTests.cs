using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Tests.Terminology;

public sealed class CmsOrderFileTests
{
    private static readonly string[] Sample =
    [
        TerminologyTestData.OrderLine(1, "E11", false, "Type 2 diabetes mellitus", "Type 2 diabetes mellitus"),
        TerminologyTestData.OrderLine(2, "E116", false, "Type 2 diabetes mellitus with other specified complications", "Type 2 diabetes mellitus with other specified complications"),
        TerminologyTestData.OrderLine(3, "E1165", true, "Type 2 diabetes mellitus with hyperglycemia", "Type 2 diabetes mellitus with hyperglycemia"),
        TerminologyTestData.OrderLine(4, "E119", true, "Type 2 diabetes mellitus without complications", "Type 2 diabetes mellitus without complications"),
        TerminologyTestData.OrderLine(5, "N179", true, "Acute kidney failure, unspecified", "Acute kidney failure, unspecified"),
    ];

    [Fact]
    public void Load_OrderFile_ReadsFlagsTitlesAndYear()
    {
        var path = TerminologyTestData.WriteTemp("icd10cm_order_2024.txt", Sample);

        var set = Assert.IsType<IcdCodeSet>(CodeSetLoader.Load(path));

        Assert.Equal(2024, set.FiscalYear);
        Assert.Equal("ICD-10-CM FY2024", set.Version);
        Assert.Equal(5, set.Count);
        Assert.False(set.Find("E11")!.Billable);
        var e1165 = set.Find("e1165");
        Assert.NotNull(e1165);
        Assert.Equal("E11.65", e1165.Code);
        Assert.True(e1165.Billable);
        Assert.Equal("Type 2 diabetes mellitus with hyperglycemia", e1165.ShortTitle);
        Assert.Same(e1165, set.Find("E11.65"));
        Assert.Null(set.Find("E11.66"));
    }

    [Fact]
    public void Load_FolderWithOrderFile_DetectsFormat()
    {
        var path = TerminologyTestData.WriteTemp("icd10cm_order_2025.txt", Sample);

        var set = CodeSetLoader.Load(Path.GetDirectoryName(path)!);

        Assert.Equal(2025, set.FiscalYear);
        Assert.NotNull(set.Find("N17.9"));
    }

    [Fact]
    public void Load_ExplicitYear_OverridesFileName()
    {
        var path = TerminologyTestData.WriteTemp("codes.txt", Sample);

        Assert.Equal(2023, CodeSetLoader.Load(path, 2023).FiscalYear);
        Assert.Throws<CodeSetFormatException>(() => CodeSetLoader.Load(path));
    }

    [Theory]
    [InlineData("flag", "column 15")]
    [InlineData("short", "characters")]
    [InlineData("order", "order number")]
    [InlineData("code", "not a dotless")]
    [InlineData("duplicate", "twice")]
    [InlineData("spacing", "single spaces")]
    public void Load_MalformedLine_ThrowsNamingFileAndLine(string defect, string reason)
    {
        var good = TerminologyTestData.OrderLine(6, "E1166", true, "Type 2 diabetes mellitus with other", "Type 2 diabetes mellitus with other");
        var badLine = defect switch
        {
            "flag" => good[..14] + "7" + good[15..],
            "short" => "00006 E1166   1 Short",
            "order" => "0000X" + good[5..],
            "code" => good[..6] + "1E166  " + good[13..],
            "duplicate" => TerminologyTestData.OrderLine(6, "E119", true, "Again", "Again"),
            _ => good[..13] + "x" + good[14..],
        };
        var path = TerminologyTestData.WriteTemp("icd10cm_order_2025.txt", [.. Sample, badLine]);

        var ex = Assert.Throws<CodeSetFormatException>(() => CodeSetLoader.Load(path));

        Assert.Equal(path, ex.File);
        Assert.Equal(6, ex.Line);
        Assert.StartsWith($"{path}:6: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingPath_Throws()
    {
        var ex = Assert.Throws<CodeSetFormatException>(() => CodeSetLoader.Load("/nonexistent/icd10cm_order_2025.txt"));

        Assert.Contains("no such file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_CodePrefixOrWords_FindsCodes()
    {
        var set = CodeSetLoader.Load(TerminologyTestData.WriteTemp("icd10cm_order_2025.txt", Sample));

        Assert.Equal(["E11", "E11.6", "E11.65", "E11.9"], set.Search("E11").Select(c => c.Code));
        Assert.Equal(["E11.65"], set.Search("e11.65").Select(c => c.Code));
        Assert.Equal(["E11.65"], set.Search("diabetes hyperglyc").Select(c => c.Code));
        Assert.Equal(["N17.9"], set.Search("kidney").Select(c => c.Code));
        Assert.Empty(set.Search("sepsis"));
    }
}
