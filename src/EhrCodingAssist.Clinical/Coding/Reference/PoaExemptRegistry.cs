using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Reference;

/// <summary>POA exempt lists of several fiscal years; answers which one applies to a date of service. Immutable.</summary>
public sealed class PoaExemptRegistry
{
    private readonly FiscalYearRegistry<PoaExemptList> _lists;

    /// <summary>Creates a registry; a later list of the same fiscal year replaces an earlier one.</summary>
    public PoaExemptRegistry(IEnumerable<PoaExemptList> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        _lists = new FiscalYearRegistry<PoaExemptList>(lists, l => l.FiscalYear);
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
    public IReadOnlyList<PoaExemptList> All => _lists.All;

    /// <summary>The list of exactly that fiscal year, or null.</summary>
    public PoaExemptList? ForFiscalYear(int fiscalYear) => _lists.ForFiscalYear(fiscalYear);

    /// <summary>
    /// The list for the date of service: the one of its fiscal year, else the latest earlier fiscal year's (a year
    /// without a new file keeps the last one); null when every loaded list is of a later year.
    /// </summary>
    public PoaExemptList? Resolve(DateOnly dateOfService) => Resolution(dateOfService).Value;

    /// <summary>Like <see cref="Resolve"/>, with the date's fiscal year and whether the list is that year's own (not a fallback).</summary>
    public FiscalYearResolution<PoaExemptList> Resolution(DateOnly dateOfService) => _lists.Resolve(dateOfService);
}
