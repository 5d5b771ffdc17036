using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Reference;

/// <summary>POA exempt lists of several fiscal years; answers which one applies to a date of service. Immutable.</summary>
public sealed class PoaExemptRegistry
{
    private readonly SortedDictionary<int, PoaExemptList> _byYear = [];

    /// <summary>Creates a registry; a later list of the same fiscal year replaces an earlier one.</summary>
    public PoaExemptRegistry(IEnumerable<PoaExemptList> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        foreach (var list in lists)
        {
            _byYear[list.FiscalYear] = list;
        }
    }

    /// <summary>
    /// Where the build copies the shipped starter list: the guideline's Appendix I categories as transcribed by hand
    /// (FY2025), not the CMS file; replace it with CodingData:PoaExempt.
    /// </summary>
    public static string StarterPath { get; } =
        Path.Combine(AppContext.BaseDirectory, "coding-data", "poa-exempt-categories-starter-fy2025.txt");

    private static readonly Lazy<PoaExemptRegistry> SharedStarter = new(() => new PoaExemptRegistry([PoaExemptList.Load(StarterPath)]));

    /// <summary>The starter list alone, read once per process; a load failure is rethrown on every use.</summary>
    public static PoaExemptRegistry Starter => SharedStarter.Value;

    /// <summary>All lists, oldest fiscal year first.</summary>
    public IReadOnlyList<PoaExemptList> All => [.. _byYear.Values];

    /// <summary>The list of exactly that fiscal year, or null.</summary>
    public PoaExemptList? ForFiscalYear(int fiscalYear) => _byYear.GetValueOrDefault(fiscalYear);

    /// <summary>
    /// The list for the date of service: the one of its fiscal year, else the latest earlier fiscal year's (a year
    /// without a new file keeps the last one); null when every loaded list is of a later year.
    /// </summary>
    public PoaExemptList? Resolve(DateOnly dateOfService)
    {
        var year = CodeSetRegistry.FiscalYearOf(dateOfService);
        return _byYear.LastOrDefault(e => e.Key <= year).Value;
    }
}
