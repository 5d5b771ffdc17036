using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// A code that may never be the principal or first-listed diagnosis sequenced first: external causes (V00-Y99,
/// guideline I.C.20) and BMI (Z68, I.C.21.c.3). The groups are data (coding-edit groups "external-cause", "bmi").
/// </summary>
internal sealed class SecondaryOnlyPrincipalEdit : ICodingEdit
{
    private static readonly string[] GroupIds = ["external-cause", "bmi"];

    public string RuleId => "edit.secondary-only-principal";

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        if (context.Groups is not { } groups || context.WorkingSet.Principal is not { } principal)
        {
            yield break;
        }

        foreach (var group in GroupIds.Select(id => groups[id]).Where(g => g.Contains(principal.Code)))
        {
            yield return CodingEditContext.Edit(
                RuleId,
                $"{principal.Code} may not be the principal or first-listed diagnosis",
                $"{principal.Code} is one of the {group.Description}, which are reported only as secondary codes; sequence the condition treated first.",
                [context.Icd(principal.Code)],
                $"ICD-10-CM Official Guidelines FY{groups.FiscalYear} {group.Source}");
        }
    }
}
