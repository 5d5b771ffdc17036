using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// Inpatient diagnoses without a valid present-on-admission indicator (Y, N, U, W or 1), and the exempt indicator "1" on a
/// code that is not exempt from POA reporting. The exempt list is versioned data (<see cref="CodingReferenceData.PoaExempt"/>),
/// chosen by the date of service's fiscal year.
/// </summary>
internal sealed class PoaEdit : ICodingEdit
{
    private static readonly string[] Valid = ["Y", "N", "U", "W", "1"];

    public string RuleId => "edit.poa";

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        if (!context.WorkingSet.IsInpatient)
        {
            yield break;
        }

        // The list of the date of service's fiscal year (or the latest earlier one); without one, whether a code may go
        // without an indicator or carry "1" cannot be told, so only the indicator's spelling is checked.
        var exempt = context.PoaResolution.Value;
        foreach (var dx in context.Diagnoses)
        {
            var poa = dx.Poa?.Trim().ToUpperInvariant();
            if (string.IsNullOrEmpty(poa))
            {
                if (exempt is null || exempt.IsExempt(dx.Code))
                {
                    continue;
                }

                yield return Finding(context, dx, $"POA indicator missing for {dx.Code}", $"{dx.Code} has no present-on-admission indicator; inpatient claims need Y, N, U, W or 1 (exempt) for every diagnosis.");
            }
            else if (!Valid.Contains(poa, StringComparer.Ordinal))
            {
                yield return Finding(context, dx, $"POA indicator '{dx.Poa}' is not valid", $"'{dx.Poa}' on {dx.Code} is not a POA indicator; use Y, N, U, W or 1.");
            }
            else if (poa == "1" && exempt is not null && !exempt.IsExempt(dx.Code))
            {
                yield return Finding(context, dx, $"POA indicator 1 (exempt) on {dx.Code}", $"{dx.Code} is not on the POA exempt list (FY{exempt.FiscalYear}, guideline Appendix I); report Y, N, U or W.");
            }
        }
    }

    private Finding Finding(CodingEditContext context, CodedDiagnosis dx, string title, string text) =>
        CodingEditContext.Edit(RuleId, title, text, [context.Icd(dx.Code)], "ICD-10-CM Official Guidelines, Appendix I (present on admission reporting)");
}
