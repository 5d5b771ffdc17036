using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>Inpatient diagnoses without a valid present-on-admission indicator (Y, N, U, W or 1).</summary>
internal sealed class PoaEdit : ICodingEdit
{
    private static readonly string[] Valid = ["Y", "N", "U", "W", "1"];

    /// <summary>
    /// Categories exempt from POA reporting, a conservative subset of the ICD-10-CM Official Guidelines Appendix I list
    /// (exempting too much only hides an edit; exempting too little would raise false ones).
    /// </summary>
    private static readonly CodeRange[] Exempt =
    [
        new("B90", "B94"), CodeRange.Single("I252"), CodeRange.Single("I69"), CodeRange.Single("O09"), CodeRange.Single("O665"),
        CodeRange.Single("O80"), CodeRange.Single("O94"), CodeRange.Single("P00"), new("Q00", "Q99"), new("V00", "Y99"), new("Z00", "Z99"),
    ];

    public string RuleId => "edit.poa";

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        if (!context.WorkingSet.IsInpatient)
        {
            yield break;
        }

        foreach (var dx in context.Diagnoses)
        {
            var poa = dx.Poa?.Trim().ToUpperInvariant();
            if (string.IsNullOrEmpty(poa))
            {
                if (IcdCodes.ToDotless(dx.Code) is { } code && Exempt.Any(r => r.Contains(code)))
                {
                    continue;
                }

                yield return Finding(context, dx, $"POA indicator missing for {dx.Code}", $"{dx.Code} has no present-on-admission indicator; inpatient claims need Y, N, U, W or 1 (exempt) for every diagnosis.");
            }
            else if (!Valid.Contains(poa, StringComparer.Ordinal))
            {
                yield return Finding(context, dx, $"POA indicator '{dx.Poa}' is not valid", $"'{dx.Poa}' on {dx.Code} is not a POA indicator; use Y, N, U, W or 1.");
            }
        }
    }

    private Finding Finding(CodingEditContext context, CodedDiagnosis dx, string title, string text) =>
        CodingEditContext.Edit(RuleId, title, text, [context.Icd(dx.Code)], "ICD-10-CM Official Guidelines, Appendix I (present on admission reporting)");
}
