namespace EhrCodingAssist.Clinical.Terminology;

/// <summary>The federal fiscal year that ICD-10-CM releases and CMS reference files follow.</summary>
public static class FiscalYearRegistry
{
    /// <summary>FY N runs from 1 October N-1 to 30 September N.</summary>
    public static int FiscalYearOf(DateOnly date) => date.Month >= 10 ? date.Year + 1 : date.Year;
}

/// <summary>Which versioned value applies to a date of service.</summary>
/// <param name="FiscalYear">The fiscal year that applies to the date of service.</param>
/// <param name="Value">The value of that year, else of the latest earlier year; null when every value is of a later year.</param>
/// <param name="Exact">True when <paramref name="Value"/> is the date's own fiscal year's.</param>
public sealed record FiscalYearResolution<T>(int FiscalYear, T? Value, bool Exact)
    where T : class;

/// <summary>
/// Values of several fiscal years (code sets, POA exempt lists …); answers which one applies to a date of service: the one
/// of its fiscal year, else the latest earlier one (a year without a new file keeps the last one; never a later one, whose
/// additions did not exist yet), else none. Immutable.
/// </summary>
public sealed class FiscalYearRegistry<T>
    where T : class
{
    private readonly SortedDictionary<int, T> _byYear = [];

    /// <summary>Creates a registry keyed by <paramref name="fiscalYearOf"/>; a later value of the same fiscal year replaces an earlier one.</summary>
    public FiscalYearRegistry(IEnumerable<T> values, Func<T, int> fiscalYearOf)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(fiscalYearOf);
        foreach (var value in values)
        {
            _byYear[fiscalYearOf(value)] = value;
        }
    }

    /// <summary>All values, oldest fiscal year first.</summary>
    public IReadOnlyList<T> All => [.. _byYear.Values];

    /// <summary>The value of exactly that fiscal year, or null.</summary>
    public T? ForFiscalYear(int fiscalYear) => _byYear.GetValueOrDefault(fiscalYear);

    /// <summary>The value for the date of service: its fiscal year's, else the latest earlier one's, else none.</summary>
    public FiscalYearResolution<T> Resolve(DateOnly dateOfService)
    {
        var fiscalYear = FiscalYearRegistry.FiscalYearOf(dateOfService);
        var (year, value) = _byYear.LastOrDefault(e => e.Key <= fiscalYear);
        return new FiscalYearResolution<T>(fiscalYear, value, value is not null && year == fiscalYear);
    }
}
