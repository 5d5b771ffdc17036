using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// Sepsis sequencing: severe sepsis (R65.2-) is never the principal diagnosis (guideline I.C.1.d.3) and follows the
/// underlying systemic infection (I.C.1.d.1.b, the tabular's "Code first"); when sepsis is present on admission with a
/// localized infection, the systemic infection is sequenced first (I.C.1.d.4) unless a condition the tabular codes first
/// (postprocedural, device, obstetric, newborn sepsis) is principal. Groups: "severe-sepsis", "systemic-infection",
/// "sepsis-coded-first".
/// </summary>
internal sealed class SepsisSequencingEdit : ICodingEdit
{
    public string RuleId => "edit.sepsis-sequencing";

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        if (context.Groups is not { } groups || context.WorkingSet.Principal is not { } principal)
        {
            yield break;
        }

        var severe = groups["severe-sepsis"];
        var systemic = groups["systemic-infection"];
        var codedFirst = groups["sepsis-coded-first"];
        var source = $"ICD-10-CM Official Guidelines FY{groups.FiscalYear}";
        if (severe.Contains(principal.Code))
        {
            yield return CodingEditContext.Edit(
                RuleId,
                $"{principal.Code} (severe sepsis) may not be the principal diagnosis",
                $"A code from subcategory R65.2 can never be assigned as the principal diagnosis; sequence the underlying systemic infection first, then {principal.Code}.",
                [context.Icd(principal.Code)],
                source + " I.C.1.d.3");
        }

        foreach (var dx in context.Diagnoses.Where(d => d != principal && severe.Contains(d.Code)))
        {
            if (!context.Diagnoses.Any(d => d.Sequence < dx.Sequence && (systemic.Contains(d.Code) || codedFirst.Contains(d.Code))))
            {
                yield return CodingEditContext.Edit(
                    RuleId,
                    $"{dx.Code} without the underlying systemic infection before it",
                    $"{dx.Code} is coded without a systemic infection code (e.g. A41.9) sequenced before it; the tabular says to code the underlying infection first.",
                    [context.Icd(dx.Code)],
                    source + " I.C.1.d.1.b");
            }
        }

        if (!context.WorkingSet.IsInpatient || systemic.Contains(principal.Code) || codedFirst.Contains(principal.Code) || severe.Contains(principal.Code))
        {
            yield break;
        }

        foreach (var sepsis in context.Diagnoses.Where(d => systemic.Contains(d.Code) && string.Equals(d.Poa?.Trim(), "Y", StringComparison.OrdinalIgnoreCase)))
        {
            yield return CodingEditContext.Edit(
                RuleId,
                $"Sepsis present on admission sequenced after {principal.Code}",
                $"{sepsis.Code} was present on admission (POA Y) and {principal.Code} is sequenced first; when sepsis and a localized infection are both present on admission, the systemic infection is the principal diagnosis and the localized infection secondary. Sequence {sepsis.Code} first unless {principal.Code} alone was the reason for admission.",
                [context.Icd(principal.Code), context.Icd(sepsis.Code)],
                source + " I.C.1.d.4");
        }
    }
}
