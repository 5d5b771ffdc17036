using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Terminology;
using EhrCodingAssist.Clinical.Tests.Terminology;

namespace EhrCodingAssist.Clinical.Tests.Coding;

/// <summary>The POA exempt list loader: the authored category format and the CMS code-level file, and their errors.</summary>
public sealed class PoaExemptListTests
{
    /// <summary>A few rows in the layout of CMS's POAexemptCodesFY25.txt (tab-delimited, heading row, dotted codes, quoted titles with commas).</summary>
    private static readonly string[] CmsFy25 =
    [
        "OrdFY25\tPOAexemptCode\tDescription",
        "01241\tB91\tSequelae of poliomyelitis",
        "11598\tI25.2\tOld myocardial infarction",
        "12128\tI69.065\t\"Other paralytic syndrome following nontraumatic subarachnoid hemorrhage, bilateral\"",
        string.Empty,
    ];

    [Fact]
    public void Categories_CoverEveryCodeBelowAnEntryExceptTheExceptions()
    {
        var path = TerminologyTestData.WriteTemp(
            "my-poa-list.txt",
            "# site list, reviewed 2026-09",
            string.Empty,
            "poa-exempt-categories FY2026  reviewed by coding",
            "Z68",
            "z77110-Z77.128   # dotted, dotless, any case",
            "V00\u2013V09       # en dash",
            "!V00.81-",
            "  I25.2",
            "# O80 commented out");

        var list = PoaExemptList.Load(path);

        Assert.Equal(2026, list.FiscalYear);
        Assert.Equal(PoaExemptListFormat.Categories, list.Format);
        Assert.Equal(path, list.Source);
        Assert.Equal(4, list.Count);
        Assert.True(list.IsExempt("Z68"));
        Assert.True(list.IsExempt("Z68.41"));
        Assert.True(list.IsExempt("Z77118"));
        Assert.True(list.IsExempt("V00.01XA"));
        Assert.True(list.IsExempt("V09.9XXA"));
        Assert.True(list.IsExempt("I25.2"));
        Assert.False(list.IsExempt("Z77.129"));
        Assert.False(list.IsExempt("V00.811A"));
        Assert.False(list.IsExempt("V10.0XXA"));
        Assert.False(list.IsExempt("I25.10"));
        Assert.False(list.IsExempt("O80"));
        Assert.False(list.IsExempt("not a code"));
    }

    [Fact]
    public void CmsFile_ListsExactCodesNotCategories()
    {
        var path = TerminologyTestData.WriteTemp("POAexemptCodesFY25.txt", CmsFy25);

        var list = PoaExemptList.Load(path);

        Assert.Equal(2025, list.FiscalYear);
        Assert.Equal(PoaExemptListFormat.CmsCodes, list.Format);
        Assert.Equal(3, list.Count);
        Assert.True(list.IsExempt("I25.2"));
        Assert.True(list.IsExempt("I252"));
        Assert.True(list.IsExempt("B91"));
        Assert.True(list.IsExempt("I69.065"));
        Assert.False(list.IsExempt("B91.0"));
        Assert.False(list.IsExempt("I69.06"));
        Assert.False(list.IsExempt("I25.10"));
    }

    [Fact]
    public void CmsFile_SavedAsCsv_TakesTheYearFromTheFileName()
    {
        var path = TerminologyTestData.WriteTemp(
            "poa_exempt_FY26.csv",
            "POAexemptCode,Description",
            "Z68.41,\"Body mass index [BMI] 40.0-44.9, adult\"",
            "Z79.4,Long term (current) use of insulin");

        var list = PoaExemptList.Load(path);

        Assert.Equal(2026, list.FiscalYear);
        Assert.True(list.IsExempt("Z68.41"));
        Assert.True(list.IsExempt("Z794"));
        Assert.False(list.IsExempt("Z68.45"));
    }

    [Theory]
    [InlineData("Order2021", "poa.txt", 2021)]
    [InlineData("OrdApr23", "poa.txt", 2023)]
    [InlineData("Order25", "poa-2019.txt", 2025)]
    [InlineData("Ord", "poa-exempt-2024.txt", 2024)]
    [InlineData("Ord", "POAexemptCodesFY27.txt", 2027)]
    public void CmsFile_FiscalYear_FromOrderHeadingElseFileName(string orderHeading, string fileName, int year)
    {
        var path = TerminologyTestData.WriteTemp(fileName, $"{orderHeading}\tPOAexemptCode\tDescription", "11598\tI25.2\tOld myocardial infarction");

        Assert.Equal(year, PoaExemptList.Load(path).FiscalYear);
    }

    [Theory]
    [InlineData("Z68 Z69", 3, "one entry per line")]
    [InlineData("1Z68", 3, "is not an ICD-10-CM code")]
    [InlineData("Z99-Z00", 3, "ends before it starts")]
    [InlineData("A00-A01-A02", 3, "is not a code, a category or a range")]
    [InlineData("!", 3, "is not an ICD-10-CM code")]
    [InlineData("Z68,Z69", 3, "is not an ICD-10-CM code")]
    public void Categories_MalformedLine_ThrowsNamingFileAndLine(string entry, int line, string reason)
    {
        var path = TerminologyTestData.WriteTemp("poa.txt", "poa-exempt-categories FY2025", "Z00-Z03", entry, "Z08");

        var ex = Assert.Throws<CodeSetFormatException>(() => PoaExemptList.Load(path));

        Assert.Equal(path, ex.File);
        Assert.Equal(line, ex.Line);
        Assert.StartsWith($"{path}:{line}: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CmsFile_RowWithoutACode_ThrowsNamingFileAndLine()
    {
        var path = TerminologyTestData.WriteTemp("POAexemptCodesFY25.txt", [.. CmsFy25[..3], "11599\tI25.X!\tBroken row", "11600"]);

        var ex = Assert.Throws<CodeSetFormatException>(() => PoaExemptList.Load(path));

        Assert.Equal(4, ex.Line);
        Assert.Contains("'I25.X!' in column 2 (POAexemptCode)", ex.Reason, StringComparison.Ordinal);

        var shortRow = TerminologyTestData.WriteTemp("POAexemptCodesFY25.txt", [.. CmsFy25[..3], "11600"]);
        Assert.Equal(4, Assert.Throws<CodeSetFormatException>(() => PoaExemptList.Load(shortRow)).Line);
    }

    [Theory]
    [InlineData(new[] { "# comment", "code\tdescription", "I25.2\tOld MI" }, 2, "expected the header")]
    [InlineData(new[] { "poa-exempt-categories 2025", "I25.2" }, 1, "expected the header")]
    [InlineData(new[] { "poa-exempt-categories FY25", "I25.2" }, 1, "expected the header")]
    [InlineData(new[] { "Ord\tPOAexemptCode\tDescription", "11598\tI25.2\tOld MI" }, 1, "fiscal year")]
    [InlineData(new[] { "# only a comment", "" }, 0, "no header line")]
    public void Header_NotRecognised_ThrowsNamingFileAndLine(string[] lines, int line, string reason)
    {
        var path = TerminologyTestData.WriteTemp("poa.txt", lines);

        var ex = Assert.Throws<CodeSetFormatException>(() => PoaExemptList.Load(path));

        Assert.Equal(path, ex.File);
        Assert.Equal(line, ex.Line);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_ThrowsNamingIt()
    {
        var ex = Assert.Throws<CodeSetFormatException>(() => PoaExemptList.Load("/nonexistent/poa-fy2025.txt"));

        Assert.Equal("/nonexistent/poa-fy2025.txt", ex.File);
    }
}
