using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// A configuration finding, raised once: no ICD-10-CM release of the date of service's fiscal year is loaded. With an
/// earlier release to fall back on, the ICD checks run against it and this is a warning; with none, it blocks.
/// </summary>
internal sealed class CodeSetYearEdit : ICodingEdit
{
    private const string Remedy = "An administrator imports that year's release (check it with `ehrcoding terminology import PATH`, "
        + "then add its path to the configuration key CodingData:IcdCodeSets and restart; see docs/coding-data.md).";

    public string RuleId => CodeSetYear.RuleId;

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        var resolution = context.IcdResolution;
        if (resolution.Exact)
        {
            yield break;
        }

        var fy = resolution.FiscalYear;
        var applies = CodeSetYear.YearNotLoaded(context.WorkingSet.DateOfService, fy, $"ICD-10-CM FY{fy} release");
        var finding = resolution.Set is { } set
            ? CodingEditContext.Edit(
                RuleId,
                $"ICD-10-CM FY{fy} is not loaded: codes are checked against {set.Version}",
                $"{applies} Every ICD-10-CM check runs against {set.Version}, the latest loaded release before it; codes added, "
                    + $"changed or deleted after FY{set.FiscalYear} are not known to these checks. {Remedy}",
                [],
                "ICD-10-CM fiscal-year releases (effective 1 October)")
            : CodingEditContext.Edit(
                RuleId,
                $"No ICD-10-CM release applies to FY{fy}",
                $"{applies} No loaded release is at or before FY{fy} (loaded: {Loaded(context)}), so the diagnosis codes cannot be checked "
                    + $"and the claim cannot be finalised. {Remedy}",
                [],
                "ICD-10-CM fiscal-year releases (effective 1 October)");
        yield return finding with { Topic = resolution.Set is null ? CodeSetYear.NoReleaseTopic : CodeSetYear.FallbackTopic };
    }

    private static string Loaded(CodingEditContext context) =>
        context.Data.IcdCodeSets.All is { Count: > 0 } all ? string.Join(", ", all.Select(s => s.Version)) : "none";
}
