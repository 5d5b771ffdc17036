using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// A manifestation code sequenced first. Manifestation = the code or an ancestor has a "Code first" note and the
/// note holder's title says "classified elsewhere" (see <see cref="Terminology.IcdCodeSet.IsManifestation"/>).
/// </summary>
internal sealed class ManifestationPrincipalEdit : ICodingEdit
{
    public string RuleId => "edit.manifestation-principal";

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        if (context.IcdSet is not { } set || context.WorkingSet.Principal is not { } principal || !set.IsManifestation(principal.Code))
        {
            yield break;
        }

        yield return CodingEditContext.Edit(
            RuleId,
            $"{principal.Code} is a manifestation code sequenced first",
            $"{principal.Code} describes a manifestation of an underlying disease (its tabular entry says \"code first\" the underlying condition) and may not be the principal or first-listed diagnosis; sequence the underlying condition first.",
            [context.Icd(principal.Code)],
            $"ICD-10-CM Official Guidelines FY{set.FiscalYear} I.A.13 (etiology/manifestation convention)");
    }
}
