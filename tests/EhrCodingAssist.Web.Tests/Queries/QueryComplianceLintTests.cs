using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Web.Queries;

namespace EhrCodingAssist.Web.Tests.Queries;

public sealed class QueryComplianceLintTests
{
    private static readonly QueryOption[] AllOptions = [.. QueryScenario.AkiFinding.Options];
    private const string CleanText = "Clinical indicators:\n- Creatinine 2.1 mg/dL on 2026-03-11\nPlease clarify the condition being monitored, if any.";

    [Fact]
    public void Check_CleanQuery_NoProblems() =>
        Assert.Empty(QueryComplianceLint.Check(CleanText, AllOptions, 2));

    [Theory]
    [InlineData("This adds an MCC to the DRG.", "MCC")]
    [InlineData("Better reimbursement follows.", "reimbursement")]
    [InlineData("It affects the case mix index.", "case mix")]
    [InlineData("For the quality score, please clarify.", "quality score")]
    public void Check_PaymentWord_Rejected(string sentence, string word)
    {
        var problems = QueryComplianceLint.Check(CleanText + " " + sentence, AllOptions, 2);

        Assert.Contains(problems, p => p.Contains($"'{word}'", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WordContainingCcLetters_NotRejected() =>
        Assert.Empty(QueryComplianceLint.Check(CleanText + " Accurate accounting of succinylcholine.", AllOptions, 2));

    [Theory]
    [InlineData(QueryOption.ClinicallyUndetermined)]
    [InlineData(QueryOption.Other)]
    public void Check_FixedOptionDropped_Rejected(string dropped)
    {
        var problems = QueryComplianceLint.Check(CleanText, AllOptions.Where(o => o.Id != dropped).ToList(), 2);

        Assert.Contains(problems, p => p.Contains($"must offer the '{dropped}' option", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_LeadingPhrase_Rejected() =>
        Assert.Contains(QueryComplianceLint.Check(CleanText + " Please confirm acute kidney injury.", AllOptions, 2), p => p.Contains("leading phrase", StringComparison.Ordinal));

    [Fact]
    public void Check_NoIndicator_Rejected() =>
        Assert.Contains(QueryComplianceLint.Check(CleanText, AllOptions, 0), p => p.Contains("indicator", StringComparison.Ordinal));

    [Fact]
    public void Check_OnlyFixedOptions_Rejected() =>
        Assert.Contains(
            QueryComplianceLint.Check(CleanText, AllOptions.Where(o => o.Code is null).ToList(), 2),
            p => p.Contains("coded", StringComparison.Ordinal));
}
