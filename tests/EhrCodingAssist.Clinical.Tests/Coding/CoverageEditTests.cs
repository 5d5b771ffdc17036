using static EhrCodingAssist.Clinical.Tests.Coding.CodingTestData;

namespace EhrCodingAssist.Clinical.Tests.Coding;

public sealed class CoverageEditTests
{
    [Fact]
    public void Coverage_NoneActiveOnDateOfService_IsRaisedWithDateAndSource()
    {
        var finding = Assert.Single(Run(WorkingSet("E11.9") with { ActiveCoverages = 0 }, "edit.coverage"));

        Assert.Equal("No active Coverage for the patient on the date of service", finding.Title);
        Assert.Contains("2025-03-14", finding.Text, StringComparison.Ordinal);
        Assert.Contains("Claim.insurance", finding.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_OneActive_IsNotRaised() =>
        Assert.Empty(Run(WorkingSet("E11.9") with { ActiveCoverages = 1 }, "edit.coverage"));

    [Fact]
    public void Coverage_NotKnown_IsNotRaised() =>
        Assert.Empty(Run(WorkingSet("E11.9"), "edit.coverage"));
}
