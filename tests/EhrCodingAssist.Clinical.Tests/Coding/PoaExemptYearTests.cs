using EhrCodingAssist.Clinical.Coding;
using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Tests.Terminology;
using static EhrCodingAssist.Clinical.Tests.Coding.CodingTestData;

namespace EhrCodingAssist.Clinical.Tests.Coding;

/// <summary>
/// An inpatient claim whose fiscal year has no POA exempt list is checked against an earlier list (or none): the
/// poa-exempt-year edit says which list, as a warning (the ICD-10-CM releases FY2024-FY2026 are loaded, so only POA is off).
/// </summary>
public sealed class PoaExemptYearTests
{
    private static readonly DateOnly Fy2026Date = new(2025, 10, 2);

    private static PoaExemptList Categories(int fiscalYear, string fileName = "poa.txt") =>
        PoaExemptList.Load(TerminologyTestData.WriteTemp(fileName, $"poa-exempt-categories FY{fiscalYear}", "Z68"));

    private static IReadOnlyList<Finding> YearFindings(PoaExemptRegistry lists, DateOnly date, string encounterClass = "IMP")
    {
        var engine = new CodingEditEngine(Data with { PoaExempt = lists });
        var workingSet = WorkingSet("J18.9") with { DateOfService = date, EncounterClass = encounterClass };
        return [.. engine.Run(workingSet).Where(f => f.Rule is CodeSetYear.RuleId or CodeSetYear.PoaExemptRuleId)];
    }

    [Fact]
    public void Inpatient_EarlierYearsList_IsNamedAsAWarning()
    {
        var list = Categories(2025, "site-poa-fy2025.txt");

        var finding = Assert.Single(YearFindings(new PoaExemptRegistry([list]), Fy2026Date));

        Assert.Equal(CodeSetYear.PoaExemptRuleId, finding.Rule);
        Assert.Equal(CodeSetYear.PoaFallbackTopic, finding.Topic);
        Assert.Equal("POA exempt list FY2026 is not loaded: POA is checked against the FY2025 list", finding.Title);
        Assert.Contains("falls in FY2026 (1 October 2025 to 30 September 2026)", finding.Text, StringComparison.Ordinal);
        Assert.Contains("the FY2025 list, the category list site-poa-fy2025.txt,", finding.Text, StringComparison.Ordinal);
        Assert.Contains("CodingData:PoaExempt", finding.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetDirectoryName(list.Source)!, finding.Text, StringComparison.Ordinal);
        Assert.False(CodeSetYear.Blocks(finding));
    }

    [Fact]
    public void Inpatient_CmsFileOfAnEarlierYear_IsNamedByItsFileName()
    {
        var cms = PoaExemptList.Load(TerminologyTestData.WriteTemp(
            "POAexemptCodesFY25.txt", "OrdFY25\tPOAexemptCode\tDescription", "11598\tI25.2\tOld myocardial infarction"));

        var finding = Assert.Single(YearFindings(new PoaExemptRegistry([cms]), Fy2026Date));

        Assert.Contains("the CMS file POAexemptCodesFY25.txt", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Inpatient_TheShippedStarterAsFallback_SaysItIsTheStarter()
    {
        var finding = Assert.Single(YearFindings(PoaExemptRegistry.Starter, Fy2026Date));

        Assert.Contains("the shipped starter list", finding.Text, StringComparison.Ordinal);
        Assert.Contains("against the FY2025 list", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Inpatient_TheYearsOwnList_RaisesNothing()
    {
        Assert.Empty(YearFindings(new PoaExemptRegistry([Categories(2025), Categories(2026)]), Fy2026Date));
        Assert.Empty(YearFindings(PoaExemptRegistry.Starter, Fy2025Date));
    }

    [Fact]
    public void Outpatient_EarlierYearsList_RaisesNothing() =>
        Assert.Empty(YearFindings(new PoaExemptRegistry([Categories(2025)]), Fy2026Date, encounterClass: "AMB"));

    [Fact]
    public void Inpatient_NoListAtOrBeforeTheYear_SaysOnlyTheSpellingIsChecked_AndDoesNotBlock()
    {
        var finding = Assert.Single(YearFindings(new PoaExemptRegistry([Categories(2026)]), Fy2025Date));

        Assert.Equal(CodeSetYear.PoaNoListTopic, finding.Topic);
        Assert.Equal("No POA exempt list applies to FY2025: blank and exempt (1) indicators are not checked", finding.Title);
        Assert.Contains("(loaded: FY2026)", finding.Text, StringComparison.Ordinal);
        Assert.False(CodeSetYear.Blocks(finding));
    }

    [Fact]
    public void Inpatient_IcdAndPoaBothFallBack_TwoFindings_OnlyTheMissingIcdReleaseBlocks()
    {
        var engine = FallbackEngine; // ICD-10-CM FY2024 and FY2025 loaded, POA starter FY2025
        var findings = engine.Run(WorkingSet("J18.9") with { DateOfService = new DateOnly(2026, 11, 27), EncounterClass = "IMP" })
            .Where(f => f.Rule is CodeSetYear.RuleId or CodeSetYear.PoaExemptRuleId).ToList();

        Assert.Equal([(CodeSetYear.RuleId, CodeSetYear.FallbackTopic), (CodeSetYear.PoaExemptRuleId, CodeSetYear.PoaFallbackTopic)], findings.Select(f => (f.Rule, f.Topic)));
        Assert.DoesNotContain(findings, CodeSetYear.Blocks);

        var none = engine.Run(WorkingSet("J18.9") with { DateOfService = new DateOnly(2020, 1, 1), EncounterClass = "IMP" })
            .Where(f => f.Rule is CodeSetYear.RuleId or CodeSetYear.PoaExemptRuleId).ToList();
        Assert.Equal([CodeSetYear.NoReleaseTopic, CodeSetYear.PoaNoListTopic], none.Select(f => f.Topic));
        Assert.Equal([true, false], none.Select(CodeSetYear.Blocks));
    }
}
