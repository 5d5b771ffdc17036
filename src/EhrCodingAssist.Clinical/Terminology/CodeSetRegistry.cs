namespace EhrCodingAssist.Clinical.Terminology;

/// <summary>
/// Which ICD-10-CM release checks a date of service: the release of its fiscal year when loaded (exact), otherwise the
/// latest loaded release before that year (a fallback the coder is told about), otherwise none.
/// </summary>
/// <param name="FiscalYear">The fiscal year that applies to the date of service.</param>
/// <param name="Set">The release used for the checks; null when no loaded release is at or before that year.</param>
public sealed record CodeSetResolution(int FiscalYear, ICodeSet? Set)
{
    /// <summary>True when the release of the date's own fiscal year is loaded.</summary>
    public bool Exact => Set?.FiscalYear == FiscalYear;
}

/// <summary>Code sets of several fiscal years; answers which one applies to a date of service. Immutable.</summary>
public sealed class CodeSetRegistry
{
    private readonly FiscalYearRegistry<ICodeSet> _sets;

    /// <summary>Creates a registry; a later set of the same fiscal year replaces an earlier one.</summary>
    public CodeSetRegistry(IEnumerable<ICodeSet> codeSets)
    {
        ArgumentNullException.ThrowIfNull(codeSets);
        _sets = new FiscalYearRegistry<ICodeSet>(codeSets, s => s.FiscalYear);
    }

    /// <summary>All sets, oldest fiscal year first.</summary>
    public IReadOnlyList<ICodeSet> All => _sets.All;

    /// <summary>FY N runs from 1 October N-1 to 30 September N.</summary>
    public static int FiscalYearOf(DateOnly dateOfService) => FiscalYearRegistry.FiscalYearOf(dateOfService);

    /// <summary>The set of the given fiscal year, or null.</summary>
    public ICodeSet? ForFiscalYear(int fiscalYear) => _sets.ForFiscalYear(fiscalYear);

    /// <summary>
    /// The one place that decides which release checks a date of service: its fiscal year's release, else the latest
    /// loaded release before it (never a later one: codes added later were not valid then), else none.
    /// </summary>
    public CodeSetResolution Resolve(DateOnly dateOfService)
    {
        var resolution = _sets.Resolve(dateOfService);
        return new CodeSetResolution(resolution.FiscalYear, resolution.Value);
    }
}
