using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Tests.Terminology;

public sealed class CodeSetRegistryTests
{
    [Theory]
    [InlineData(2024, 9, 30, 2024)]
    [InlineData(2024, 10, 1, 2025)]
    [InlineData(2025, 9, 30, 2025)]
    [InlineData(2025, 10, 1, 2026)]
    public void FiscalYearOf_Date_StartsFirstOctober(int year, int month, int day, int expected) =>
        Assert.Equal(expected, CodeSetRegistry.FiscalYearOf(new DateOnly(year, month, day)));

    [Fact]
    public void ForDate_TwoYearsLoaded_PicksTheApplicableOne()
    {
        var line = TerminologyTestData.OrderLine(1, "U071", true, "COVID-19", "COVID-19");
        var fy2024 = CodeSetLoader.Load(TerminologyTestData.WriteTemp("icd10cm_order_2024.txt", line));
        var fy2025 = CodeSetLoader.Load(TerminologyTestData.WriteTemp("icd10cm_order_2025.txt", line));
        var registry = new CodeSetRegistry([fy2025, fy2024]);

        Assert.Same(fy2024, registry.ForDate(new DateOnly(2024, 9, 30)));
        Assert.Same(fy2025, registry.ForDate(new DateOnly(2024, 10, 1)));
        Assert.Null(registry.ForDate(new DateOnly(2025, 10, 1)));
        Assert.Equal([2024, 2025], registry.All.Select(s => s.FiscalYear));
    }
}
