using EhrCodingAssist.Clinical.Coding;
using static EhrCodingAssist.Clinical.Tests.Coding.CodingTestData;

namespace EhrCodingAssist.Clinical.Tests.Coding;

/// <summary>edit.line-structure: more than four pointers, and units below 1.</summary>
public sealed class LineStructureLimitTests
{
    // Five diagnoses so every pointer 1-5 names one.
    private static CodingWorkingSet WithLine(ServiceLine line) =>
        WorkingSet("E11.9", "I10", "J18.9", "N17.9", "E66.01") with { Lines = [line] };

    [Fact]
    public void FivePointers_IsRaised()
    {
        var finding = Assert.Single(Run(WithLine(Cpt("99213") with { DiagnosisPointers = [1, 2, 3, 4, 5] }), "edit.line-structure"));

        Assert.Contains("5 diagnosis pointers (at most 4)", finding.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void UnitsBelowOne_IsRaised(int units)
    {
        var finding = Assert.Single(Run(WithLine(Cpt("99213") with { DiagnosisPointers = [1], Units = units }), "edit.line-structure"));

        Assert.Contains($"{units} units", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FourPointersFourModifiersOneUnit_IsNotRaised() =>
        Assert.Empty(Run(WithLine(Cpt("99213", "25", "59", "LT", "XS") with { DiagnosisPointers = [1, 2, 3, 4], Units = 1 }), "edit.line-structure"));
}
