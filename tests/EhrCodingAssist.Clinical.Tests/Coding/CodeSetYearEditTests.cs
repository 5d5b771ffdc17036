using EhrCodingAssist.Clinical.Coding;
using EhrCodingAssist.Clinical.Findings;
using static EhrCodingAssist.Clinical.Tests.Coding.CodingTestData;

namespace EhrCodingAssist.Clinical.Tests.Coding;

/// <summary>
/// The date of service's fiscal-year release is not loaded: one code-set-year finding, and every ICD check runs against
/// the latest earlier release (FallbackEngine: FY2024 and FY2025 loaded; 2026-11-27 is in FY2027).
/// </summary>
public sealed class CodeSetYearEditTests
{
    private static readonly DateOnly Fy2027Date = new(2026, 11, 27);

    private static IReadOnlyList<Finding> RunFallback(CodingWorkingSet workingSet, string? rule = null) =>
        [.. FallbackEngine.Run(workingSet).Where(f => rule is null || f.Rule == rule)];

    [Fact]
    public void CodeSetYear_ReleaseOfTheYearLoaded_IsNotRaised() =>
        Assert.Empty(RunFallback(WorkingSet("E11.9", "I10"), CodeSetYear.RuleId));

    [Fact]
    public void CodeSetYear_YearNotLoaded_RaisedOnceAsFallbackWarningNamingYearReleaseAndRemedy()
    {
        var finding = Assert.Single(RunFallback(WorkingSet("E11.9", "I10", "N18.4") with { DateOfService = Fy2027Date }, CodeSetYear.RuleId));

        Assert.Contains("FY2027", finding.Title, StringComparison.Ordinal);
        Assert.Contains("ICD-10-CM FY2025", finding.Title, StringComparison.Ordinal);
        Assert.Contains("1 October 2026 to 30 September 2027", finding.Text, StringComparison.Ordinal);
        Assert.Contains("ehrcoding terminology import", finding.Text, StringComparison.Ordinal);
        Assert.Contains("CodingData:IcdCodeSets", finding.Text, StringComparison.Ordinal);
        Assert.Contains("docs/coding-data.md", finding.Text, StringComparison.Ordinal);
        Assert.Equal(CodeSetYear.FallbackTopic, finding.Topic);
        Assert.False(CodeSetYear.Blocks(finding));
    }

    [Fact]
    public void Fallback_ValidCodes_RaiseNoOtherEdit()
    {
        var findings = RunFallback(WorkingSet("E11.9", "I12.9", "N18.4") with { DateOfService = Fy2027Date });

        Assert.Equal([CodeSetYear.RuleId], findings.Select(f => f.Rule));
    }

    [Fact]
    public void Fallback_UnknownCode_IsCheckedAgainstTheFallbackReleaseAndSaysSo()
    {
        var finding = Assert.Single(RunFallback(WorkingSet("E11.9", "E11.99") with { DateOfService = Fy2027Date }, "edit.invalid-code"));

        Assert.Equal("E11.99", finding.Codes[0].Code);
        Assert.Equal("E11.99 is not in ICD-10-CM FY2025", finding.Title);
        Assert.Contains("checked against ICD-10-CM FY2025", finding.Text, StringComparison.Ordinal);
        Assert.Contains("no FY2027 release is loaded", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fallback_CodeDeletedBeforeTheFallbackRelease_IsReportedDeleted()
    {
        var finding = Assert.Single(RunFallback(WorkingSet("Z99.99") with { DateOfService = Fy2027Date }, "edit.invalid-code"));

        Assert.Contains("deleted", finding.Text, StringComparison.Ordinal);
        Assert.Contains("valid in FY2024 but not in FY2025", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fallback_HeaderExcludes1AndManifestation_StillRun()
    {
        var ws = WorkingSet("G63", "E11.9", "E10.10", "E11") with { DateOfService = Fy2027Date };

        var findings = RunFallback(ws);

        Assert.Single(findings, f => f.Rule == "edit.header-code" && f.Codes[0].Code == "E11");
        Assert.Contains(findings, f => f.Rule == "edit.excludes1");
        Assert.Single(findings, f => f.Rule == "edit.manifestation-principal");
        Assert.DoesNotContain(findings, f => f.Rule == "edit.invalid-code");
    }

    [Fact]
    public void Fallback_AgeSex_StillRuns() =>
        Assert.Single(RunFallback(WorkingSet("O80") with { DateOfService = Fy2027Date, PatientSex = AdministrativeSex.Male }, "edit.age-sex"));

    [Fact]
    public void CodeSetYear_NoReleaseAtOrBeforeTheYear_IsRaisedOnceAndBlocks()
    {
        var findings = RunFallback(WorkingSet("E11.9", "I10") with { DateOfService = new DateOnly(2020, 1, 1) });

        var finding = Assert.Single(findings, f => f.Rule == CodeSetYear.RuleId);
        Assert.Equal("No ICD-10-CM release applies to FY2020", finding.Title);
        Assert.Contains("ICD-10-CM FY2024, ICD-10-CM FY2025", finding.Text, StringComparison.Ordinal);
        Assert.True(CodeSetYear.Blocks(finding));
        Assert.DoesNotContain(findings, f => f.Rule == "edit.invalid-code");
    }
}
