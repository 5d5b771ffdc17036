using EhrCodingAssist.Clinical.Coding.Edits;
using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding;

/// <summary>Runs every coding edit over a working set; stateless and safe to share between threads.</summary>
public sealed class CodingEditEngine
{
    private static readonly ICodingEdit[] Edits =
    [
        new CodeSetYearEdit(),
        new InvalidCodeEdit(),
        new HeaderCodeEdit(),
        new Excludes1Edit(),
        new AgeSexEdit(),
        new ManifestationPrincipalEdit(),
        new SecondaryOnlyPrincipalEdit(),
        new SepsisSequencingEdit(),
        new HypertensionCombinationEdit(),
        new UseAdditionalCodeEdit(),
        new UnspecifiedCodeEdit(),
        new PoaEdit(),
        new PoaExemptYearEdit(),
        new TelehealthEdit(),
        new LineStructureEdit(),
        new NcciPtpEdit(),
        new MueUnitsEdit(),
        new CoverageEdit(),
    ];

    private readonly CodingReferenceData _data;

    /// <summary>Creates the engine over the given reference data.</summary>
    public CodingEditEngine(CodingReferenceData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
    }

    /// <summary>The rule ids of all edits, e.g. "edit.excludes1".</summary>
    public static IReadOnlyList<string> RuleIds { get; } = [.. Edits.Select(e => e.RuleId)];

    /// <summary>All edit findings for the working set, in edit order.</summary>
    public IReadOnlyList<Finding> Run(CodingWorkingSet workingSet)
    {
        ArgumentNullException.ThrowIfNull(workingSet);
        var context = new CodingEditContext(workingSet, _data);
        return [.. Edits.SelectMany(e => e.Evaluate(context))];
    }
}
