using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// A configuration warning on inpatient claims, raised once: no POA exempt list of the date of service's fiscal year is
/// loaded, so <see cref="PoaEdit"/> checks the indicators against the latest earlier list (named here) or, with none, checks
/// only their spelling. Never blocking (<see cref="CodeSetYear.Blocks"/>).
/// </summary>
internal sealed class PoaExemptYearEdit : ICodingEdit
{
    private const string Remedy = "An administrator adds that year's CMS POA exempt file (POAexemptCodesFY<yy>.txt) to the "
        + "configuration key CodingData:PoaExempt and restarts; see docs/coding-data.md.";

    private const string Source = "ICD-10-CM Official Guidelines, Appendix I; CMS POA exempt lists (fiscal-year files)";

    public string RuleId => CodeSetYear.PoaExemptRuleId;

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        var resolution = context.PoaResolution;
        if (!context.WorkingSet.IsInpatient || resolution.Exact)
        {
            yield break;
        }

        var fy = resolution.FiscalYear;
        var applies = CodeSetYear.YearNotLoaded(context.WorkingSet.DateOfService, fy, $"POA exempt list of FY{fy}");
        var finding = resolution.Value is { } list
            ? CodingEditContext.Edit(
                RuleId,
                $"POA exempt list FY{fy} is not loaded: POA is checked against the FY{list.FiscalYear} list",
                $"{applies} Which diagnoses may go without a present-on-admission indicator or carry 1 (exempt) is checked against "
                    + $"the FY{list.FiscalYear} list, {Describe(list)}, the latest loaded list before it; codes added to or removed from "
                    + $"the exempt list after FY{list.FiscalYear} are not known to this check. {Remedy}",
                [],
                Source)
            : CodingEditContext.Edit(
                RuleId,
                $"No POA exempt list applies to FY{fy}: blank and exempt (1) indicators are not checked",
                $"{applies} No loaded list is at or before FY{fy} (loaded: {Loaded(context)}), so only the indicators' spelling "
                    + $"(Y, N, U, W or 1) is checked: whether a code may be blank or 1 cannot be judged. {Remedy}",
                [],
                Source);
        yield return finding with { Topic = resolution.Value is null ? CodeSetYear.PoaNoListTopic : CodeSetYear.PoaFallbackTopic };
    }

    // The list's kind and file name, never its full path on the server.
    private static string Describe(PoaExemptList list) =>
        string.Equals(list.Source, PoaExemptRegistry.StarterPath, StringComparison.Ordinal)
            ? "the shipped starter list (guideline Appendix I transcribed by hand, not the CMS file)"
            : list.Format == PoaExemptListFormat.CmsCodes
                ? $"the CMS file {Path.GetFileName(list.Source)}"
                : $"the category list {Path.GetFileName(list.Source)}";

    private static string Loaded(CodingEditContext context) =>
        context.Data.PoaExempt.All is { Count: > 0 } all ? string.Join(", ", all.Select(l => $"FY{l.FiscalYear}")) : "none";
}
