using EhrCodingAssist.Clinical.Coding;
using EhrCodingAssist.Clinical.Findings;
using static EhrCodingAssist.Clinical.Tests.Coding.CodingTestData;

namespace EhrCodingAssist.Clinical.Tests.Coding;

/// <summary>POA "1" only on the Appendix I exempt list; a blank POA only allowed there.</summary>
public sealed class PoaExemptTests
{
    private static IReadOnlyList<Finding> Inpatient(string code, string? poa) =>
        Run(WorkingSet() with { EncounterClass = "IMP", Diagnoses = [new CodedDiagnosis(code, 1) { Poa = poa }] }, "edit.poa");

    [Theory]
    [InlineData("N17.9")]
    [InlineData("J18.9")]
    [InlineData("W19.XXXA")]
    [InlineData("Z66")]
    public void ExemptIndicator_OnCodeNotOnTheList_IsRaised(string code)
    {
        var finding = Assert.Single(Inpatient(code, "1"));

        Assert.Equal($"POA indicator 1 (exempt) on {code}", finding.Title);
        Assert.Contains("not on the POA exempt list", finding.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Z68.41")]
    [InlineData("Z79.4")]
    [InlineData("Z87.891")]
    [InlineData("Z59.00")]
    [InlineData("Z71.3")]
    [InlineData("Q90.9")]
    [InlineData("I25.2")]
    [InlineData("V43.52XA")]
    [InlineData("W09.1XXA")]
    [InlineData("Y92.230")]
    [InlineData("E64.0")]
    [InlineData("X71.1XXA")]
    public void ExemptIndicatorOrBlank_OnExemptCode_IsNotRaised(string code)
    {
        Assert.Empty(Inpatient(code, "1"));
        Assert.Empty(Inpatient(code, null));
    }

    [Theory]
    [InlineData("W19.XXXA")] // falls other than the listed W categories
    [InlineData("X58.XXXA")]
    [InlineData("Z66")] // do not resuscitate: not exempt
    [InlineData("Z72.0")]
    [InlineData("Z16.10")]
    [InlineData("Z20.822")]
    [InlineData("V00.811A")] // Appendix I exception inside V00-V09 (powered wheelchair)
    [InlineData("X71.0XXA")] // exception inside X71 (bathtub)
    [InlineData("I25.10")] // I25.2 is exempt, not the rest of I25
    public void Blank_OnExternalCauseOrZCodeNotOnTheList_IsRaised(string code)
    {
        var finding = Assert.Single(Inpatient(code, null));

        Assert.Equal($"POA indicator missing for {code}", finding.Title);
        Assert.Single(Inpatient(code, "1"));
        Assert.Empty(Inpatient(code, "Y"));
    }

    [Fact]
    public void ExemptIndicator_OnOutpatient_IsNotRaised() =>
        Assert.Empty(Run(WorkingSet() with { Diagnoses = [new CodedDiagnosis("N17.9", 1) { Poa = "1" }] }, "edit.poa"));
}
