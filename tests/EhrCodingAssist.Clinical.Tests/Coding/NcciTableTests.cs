using EhrCodingAssist.Clinical.Coding.Ncci;
using EhrCodingAssist.Clinical.Terminology;
using EhrCodingAssist.Clinical.Tests.Terminology;

namespace EhrCodingAssist.Clinical.Tests.Coding;

/// <summary>Small tables in the CMS quarterly layouts, written for these tests (the real files contain CPT codes).</summary>
public sealed class NcciTableTests
{
    internal static readonly string[] PtpLines =
    [
        "CPT only copyright 2025 American Medical Association. All rights reserved.",
        "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\tModifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale",
        "10000\t10001\t\t20200101\t*\t1\tStandards of medical / surgical practice",
        "10000\t10002\t*\t19960101\t*\t0\tMutually exclusive procedures",
        "10000\t10003\t\t20200101\t20240101\t1\tMisuse of column two code with column one code",
        "10000\t10004\t\t20200101\t20200101\t9\tDeleted",
        "G0000\t10001\t\t20250101\t*\t1\tHCPCS/CPT procedure code definition",
    ];

    internal static readonly string[] MueLines =
    [
        "HCPCS/CPT Code\tPractitioner Services MUE Values\tMUE Adjudication Indicator\tMUE Rationale",
        "10000\t1\t2 Date of Service Edit: Policy\tAnatomic Consideration",
        "10001\t2\t1 Line Edit\tClinical: Data",
        "J0000\t10\t3 Date of Service Edit: Clinical\tPrescribing Information",
    ];

    [Fact]
    public void PtpLoad_CmsLayout_SkipsHeadingsAndReadsDates()
    {
        var table = NcciPtpTable.Load(TerminologyTestData.WriteTemp("ccipra-v321r0-f1.txt", PtpLines));

        Assert.Equal(5, table.Count);
        var edit = table.Find("10000", "10001", new DateOnly(2025, 3, 1))!;
        Assert.Equal(PtpModifierIndicator.Allowed, edit.Modifier);
        Assert.Equal(new DateOnly(2020, 1, 1), edit.Effective);
        Assert.Null(table.Find("10001", "10000", new DateOnly(2025, 3, 1)));
        Assert.Null(table.Find("10000", "10001", new DateOnly(2019, 12, 31)));
        Assert.NotNull(table.Find("10000", "10003", new DateOnly(2023, 12, 31)));
        Assert.Null(table.Find("10000", "10003", new DateOnly(2024, 1, 1)));
        Assert.Null(table.Find("10000", "10004", new DateOnly(2025, 1, 1)));
        Assert.Equal(PtpModifierIndicator.NotAllowed, table.Find("10000", "10002", new DateOnly(2025, 1, 1))!.Modifier);
    }

    [Theory]
    [InlineData("10000\t10009\t\t2020-01-01\t*\t1\tx", "effective date")]
    [InlineData("10000\t10009\t\t20200101\t*\t5\tx", "modifier indicator")]
    [InlineData("10000\tABC\t\t20200101\t*\t1\tx", "column 2")]
    [InlineData("10000\t10009\t20200101", "columns")]
    public void PtpLoad_MalformedDataLine_ThrowsNamingFileAndLine(string bad, string reason)
    {
        var path = TerminologyTestData.WriteTemp("ptp.txt", [.. PtpLines, bad]);

        var ex = Assert.Throws<CodeSetFormatException>(() => NcciPtpTable.Load(path));

        Assert.Equal(path, ex.File);
        Assert.Equal(PtpLines.Length + 1, ex.Line);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MueLoad_CmsLayout_ReadsValuesAndAdjudication()
    {
        var table = MueTable.Load(TerminologyTestData.WriteTemp("MCR_MUE_PractitionerServices.txt", MueLines));

        Assert.Equal(3, table.Count);
        Assert.Equal(new MueEdit("10000", 1, MueAdjudication.DateOfServicePolicy, "Anatomic Consideration"), table.Find("10000"));
        Assert.Equal(MueAdjudication.Line, table.Find("10001")!.Adjudication);
        Assert.Equal(10, table.Find("j0000")!.MaxUnits);
        Assert.Null(table.Find("99999"));
    }

    [Theory]
    [InlineData("10002\tmany\t1 Line Edit\tx", "whole number")]
    [InlineData("10002\t3\tLine Edit\tx", "adjudication")]
    [InlineData("10002\t3", "columns")]
    public void MueLoad_MalformedDataLine_ThrowsNamingLine(string bad, string reason)
    {
        var path = TerminologyTestData.WriteTemp("mue.txt", [.. MueLines, bad]);

        var ex = Assert.Throws<CodeSetFormatException>(() => MueTable.Load(path));

        Assert.Equal(MueLines.Length + 1, ex.Line);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
    }
}
