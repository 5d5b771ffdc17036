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
    public void Resolve_TwoYearsLoaded_PicksTheApplicableOneExactly()
    {
        var (fy2024, fy2025, registry) = TwoYears();

        Assert.Equal(new CodeSetResolution(2024, fy2024), registry.Resolve(new DateOnly(2024, 9, 30)));
        Assert.Equal(new CodeSetResolution(2025, fy2025), registry.Resolve(new DateOnly(2024, 10, 1)));
        Assert.True(registry.Resolve(new DateOnly(2024, 10, 1)).Exact);
        Assert.Equal([2024, 2025], registry.All.Select(s => s.FiscalYear));
    }

    [Fact]
    public void Resolve_LaterYearNotLoaded_FallsBackToLatestEarlierRelease()
    {
        var (_, fy2025, registry) = TwoYears();

        var resolution = registry.Resolve(new DateOnly(2026, 11, 27));

        Assert.Equal(2027, resolution.FiscalYear);
        Assert.Same(fy2025, resolution.Set);
        Assert.False(resolution.Exact);
    }

    [Fact]
    public void Resolve_YearBetweenLoadedReleases_UsesTheEarlierNeverTheLater()
    {
        var line = TerminologyTestData.OrderLine(1, "U071", true, "COVID-19", "COVID-19");
        var fy2023 = CodeSetLoader.Load(TerminologyTestData.WriteTemp("icd10cm_order_2023.txt", line));
        var fy2025 = CodeSetLoader.Load(TerminologyTestData.WriteTemp("icd10cm_order_2025.txt", line));
        var registry = new CodeSetRegistry([fy2025, fy2023]);

        var resolution = registry.Resolve(new DateOnly(2024, 3, 1));

        Assert.Same(fy2023, resolution.Set);
        Assert.False(resolution.Exact);
    }

    [Fact]
    public void Resolve_DateBeforeEveryRelease_HasNoSet()
    {
        var (_, _, registry) = TwoYears();

        var resolution = registry.Resolve(new DateOnly(2020, 5, 1));

        Assert.Equal(2020, resolution.FiscalYear);
        Assert.Null(resolution.Set);
        Assert.False(resolution.Exact);
    }

    private static (ICodeSet Fy2024, ICodeSet Fy2025, CodeSetRegistry Registry) TwoYears()
    {
        var line = TerminologyTestData.OrderLine(1, "U071", true, "COVID-19", "COVID-19");
        var fy2024 = CodeSetLoader.Load(TerminologyTestData.WriteTemp("icd10cm_order_2024.txt", line));
        var fy2025 = CodeSetLoader.Load(TerminologyTestData.WriteTemp("icd10cm_order_2025.txt", line));
        return (fy2024, fy2025, new CodeSetRegistry([fy2025, fy2024]));
    }
}
