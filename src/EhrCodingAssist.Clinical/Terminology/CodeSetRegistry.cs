namespace EhrCodingAssist.Clinical.Terminology;

/// <summary>Code sets of several fiscal years; answers which one applies to a date of service. Immutable.</summary>
public sealed class CodeSetRegistry
{
    private readonly SortedDictionary<int, ICodeSet> _byYear = [];

    /// <summary>Creates a registry; a later set of the same fiscal year replaces an earlier one.</summary>
    public CodeSetRegistry(IEnumerable<ICodeSet> codeSets)
    {
        ArgumentNullException.ThrowIfNull(codeSets);
        foreach (var set in codeSets)
        {
            _byYear[set.FiscalYear] = set;
        }
    }

    /// <summary>All sets, oldest fiscal year first.</summary>
    public IReadOnlyList<ICodeSet> All => [.. _byYear.Values];

    /// <summary>FY N runs from 1 October N-1 to 30 September N.</summary>
    public static int FiscalYearOf(DateOnly dateOfService) =>
        dateOfService.Month >= 10 ? dateOfService.Year + 1 : dateOfService.Year;

    /// <summary>The set of the given fiscal year, or null.</summary>
    public ICodeSet? ForFiscalYear(int fiscalYear) => _byYear.GetValueOrDefault(fiscalYear);

    /// <summary>The set that applies to the date of service, or null when that fiscal year is not loaded.</summary>
    public ICodeSet? ForDate(DateOnly dateOfService) => ForFiscalYear(FiscalYearOf(dateOfService));
}
