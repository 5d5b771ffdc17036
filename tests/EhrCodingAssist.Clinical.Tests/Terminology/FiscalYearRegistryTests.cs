using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Tests.Terminology;

/// <summary>The one fiscal-year lookup behind the ICD-10-CM code sets and the POA exempt lists.</summary>
public sealed class FiscalYearRegistryTests
{
    private sealed record Release(int FiscalYear, string Name);

    private static readonly Release Fy2023 = new(2023, "a");
    private static readonly Release Fy2025 = new(2025, "b");

    private static FiscalYearRegistry<Release> Registry() => new([Fy2025, Fy2023], r => r.FiscalYear);

    [Theory]
    [InlineData("2024-09-30", 2024)]
    [InlineData("2024-10-01", 2025)]
    [InlineData("2025-01-01", 2025)]
    [InlineData("2025-12-31", 2026)]
    public void FiscalYearOf_StartsFirstOctober(string date, int fiscalYear) =>
        Assert.Equal(fiscalYear, FiscalYearRegistry.FiscalYearOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Resolve_OwnYear_IsExact() =>
        Assert.Equal(new FiscalYearResolution<Release>(2025, Fy2025, true), Registry().Resolve(new DateOnly(2024, 10, 1)));

    [Fact]
    public void Resolve_YearBetweenValues_TakesTheEarlierNeverTheLater_NotExact() =>
        Assert.Equal(new FiscalYearResolution<Release>(2024, Fy2023, false), Registry().Resolve(new DateOnly(2024, 9, 30)));

    [Fact]
    public void Resolve_YearAfterEveryValue_TakesTheLatest_NotExact() =>
        Assert.Equal(new FiscalYearResolution<Release>(2027, Fy2025, false), Registry().Resolve(new DateOnly(2026, 11, 27)));

    [Fact]
    public void Resolve_YearBeforeEveryValue_HasNone() =>
        Assert.Equal(new FiscalYearResolution<Release>(2022, null, false), Registry().Resolve(new DateOnly(2022, 9, 30)));

    [Fact]
    public void Resolve_Empty_HasNone() =>
        Assert.Equal(new FiscalYearResolution<Release>(2025, null, false), new FiscalYearRegistry<Release>([], r => r.FiscalYear).Resolve(new DateOnly(2025, 1, 1)));

    [Fact]
    public void Registry_OrdersByYear_AndALaterValueOfTheSameYearReplaces()
    {
        var replacement = new Release(2023, "c");
        var registry = new FiscalYearRegistry<Release>([Fy2025, Fy2023, replacement], r => r.FiscalYear);

        Assert.Equal([replacement, Fy2025], registry.All);
        Assert.Same(replacement, registry.ForFiscalYear(2023));
        Assert.Null(registry.ForFiscalYear(2024));
    }

    [Fact]
    public void PoaExemptRegistry_Resolution_SaysWhetherTheListIsTheYearsOwn()
    {
        var fy2024 = PoaExemptList.Load(TerminologyTestData.WriteTemp("poa.txt", "poa-exempt-categories FY2024", "Z68"));
        var registry = new PoaExemptRegistry([fy2024]);

        Assert.Equal(new FiscalYearResolution<PoaExemptList>(2024, fy2024, true), registry.Resolution(new DateOnly(2024, 9, 30)));
        Assert.Equal(new FiscalYearResolution<PoaExemptList>(2026, fy2024, false), registry.Resolution(new DateOnly(2025, 10, 1)));
        Assert.Equal(new FiscalYearResolution<PoaExemptList>(2023, null, false), registry.Resolution(new DateOnly(2023, 1, 1)));
        Assert.Same(fy2024, registry.Resolve(new DateOnly(2025, 10, 1)));
    }
}
