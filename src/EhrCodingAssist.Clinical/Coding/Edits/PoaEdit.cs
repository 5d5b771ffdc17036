using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// Inpatient diagnoses without a valid present-on-admission indicator (Y, N, U, W or 1), and the exempt indicator "1" on a
/// code that is not exempt from POA reporting.
/// </summary>
internal sealed class PoaEdit : ICodingEdit
{
    private static readonly string[] Valid = ["Y", "N", "U", "W", "1"];

    /// <summary>
    /// The categories and codes of the ICD-10-CM Official Guidelines, Appendix I ("Categories and Codes Exempt from Diagnosis
    /// Present on Admission Requirement", FY2025), as transcribed here: each entry covers the named category or code and every
    /// code below it. Not whole chapters: only the listed external-cause categories of V00-Y99 and the listed Z categories
    /// are exempt (for example W19 falls, X58 and Z16, Z20, Z21, Z66, Z72 are not); Q00-Q99 is exempt as a whole.
    /// The CMS code-level POA exempt file is the authority for an individual code; it is not imported.
    /// </summary>
    private static readonly CodeRange[] Exempt =
    [
        new("B90", "B94"), CodeRange.Single("E64"), CodeRange.Single("I252"), CodeRange.Single("I69"), CodeRange.Single("O09"),
        CodeRange.Single("O665"), CodeRange.Single("O80"), CodeRange.Single("O94"), CodeRange.Single("P00"), new("Q00", "Q99"),
        new("V00", "V99"),
        CodeRange.Single("W09"), CodeRange.Single("W14"), CodeRange.Single("W15"), CodeRange.Single("W170"), CodeRange.Single("W171"),
        CodeRange.Single("W1801"), CodeRange.Single("W21"), new("W30", "W40"), CodeRange.Single("W52"), CodeRange.Single("W56"),
        CodeRange.Single("W58"), CodeRange.Single("W61"), CodeRange.Single("W62"), CodeRange.Single("W89"),
        new("X02", "X04"), CodeRange.Single("X52"), new("X71", "X77"), new("X81", "X83"),
        CodeRange.Single("Y03"), CodeRange.Single("Y07"), new("Y21", "Y24"), CodeRange.Single("Y30"), CodeRange.Single("Y32"),
        new("Y36", "Y37"), new("Y92", "Y93"), CodeRange.Single("Y99"),
        new("Z00", "Z03"), new("Z08", "Z09"), new("Z11", "Z15"), new("Z17", "Z19"), new("Z22", "Z23"), CodeRange.Single("Z28"),
        new("Z30", "Z31"), CodeRange.Single("Z34"), new("Z36", "Z39"), new("Z41", "Z46"), CodeRange.Single("Z478"),
        CodeRange.Single("Z49"), CodeRange.Single("Z515"), CodeRange.Single("Z52"), new("Z55", "Z65"), new("Z67", "Z68"),
        CodeRange.Single("Z71"), CodeRange.Single("Z7401"), CodeRange.Single("Z76"), new("Z77110", "Z77128"), new("Z78", "Z89"),
        CodeRange.Single("Z90710"), CodeRange.Single("Z910"), CodeRange.Single("Z911"), CodeRange.Single("Z914"),
        CodeRange.Single("Z915"), CodeRange.Single("Z918"), new("Z92", "Z95"), new("Z97", "Z99"),
    ];

    /// <summary>Appendix I's exceptions inside the listed categories (V00.81- powered wheelchair, V00.83- motorized mobility scooter, X71.0- bathtub).</summary>
    private static readonly CodeRange[] NotExempt = [CodeRange.Single("V0081"), CodeRange.Single("V0083"), CodeRange.Single("X710")];

    public string RuleId => "edit.poa";

    /// <summary>Whether the dotless or dotted code is on the Appendix I exempt list.</summary>
    public static bool IsExempt(string code) =>
        IcdCodes.ToDotless(code) is { } dotless && Exempt.Any(r => r.Contains(dotless)) && !NotExempt.Any(r => r.Contains(dotless));

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
                if (IsExempt(dx.Code))
                {
                    continue;
                }

                yield return Finding(context, dx, $"POA indicator missing for {dx.Code}", $"{dx.Code} has no present-on-admission indicator; inpatient claims need Y, N, U, W or 1 (exempt) for every diagnosis.");
            }
            else if (!Valid.Contains(poa, StringComparer.Ordinal))
            {
                yield return Finding(context, dx, $"POA indicator '{dx.Poa}' is not valid", $"'{dx.Poa}' on {dx.Code} is not a POA indicator; use Y, N, U, W or 1.");
            }
            else if (poa == "1" && !IsExempt(dx.Code))
            {
                yield return Finding(context, dx, $"POA indicator 1 (exempt) on {dx.Code}", $"{dx.Code} is not on the POA exempt list (guideline Appendix I); report Y, N, U or W.");
            }
        }
    }

    private Finding Finding(CodingEditContext context, CodedDiagnosis dx, string title, string text) =>
        CodingEditContext.Edit(RuleId, title, text, [context.Icd(dx.Code)], "ICD-10-CM Official Guidelines, Appendix I (present on admission reporting)");
}
