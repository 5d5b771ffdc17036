using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// Hypertension with heart disease or chronic kidney disease coded apart. ICD-10-CM presumes a causal relationship
/// (guideline I.C.9.a): hypertension with heart failure or a heart condition of I50, I51.4-I51.7, I51.89, I51.9 is I11.-
/// (I.C.9.a.1); with CKD (N18) it is I12.- (I.C.9.a.2); with both it is I13.- (I.C.9.a.3), the fourth/fifth character
/// chosen by heart failure and CKD stage 5/ESRD. Raised when that combination code is absent, unless the provider
/// documents the conditions as unrelated. The codes are data (coding-edit groups "hypertension-*", "target-*").
/// </summary>
internal sealed class HypertensionCombinationEdit : ICodingEdit
{
    private static readonly string[] HypertensionGroups = ["hypertension-essential", "hypertensive-heart", "hypertensive-ckd"];

    public string RuleId => "edit.hypertension-combination";

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        if (context.Groups is not { } groups)
        {
            yield break;
        }

        var codes = context.Diagnoses.Select(d => d.Code).ToList();
        bool Has(string id) => codes.Any(groups[id].Contains);
        var hypertension = codes.Where(c => HypertensionGroups.Any(id => groups[id].Contains(c))).ToList();
        if (hypertension.Count == 0)
        {
            yield break;
        }

        var heart = Has("hypertensive-heart-conditions") || Has("hypertensive-heart");
        var kidney = Has("ckd") || Has("hypertensive-ckd");
        var failure = Has("heart-failure");
        var stage5 = Has("ckd-stage-5");
        var (targetId, category, section) = (heart, kidney) switch
        {
            (true, true) => (failure ? (stage5 ? "target-heart-ckd-with-failure-stage-5" : "target-heart-ckd-with-failure") : (stage5 ? "target-heart-ckd-stage-5" : "target-heart-ckd"), "hypertensive-heart-ckd", "I.C.9.a.3"),
            (true, false) => (failure ? "target-heart-with-failure" : "target-heart-without-failure", "hypertensive-heart", "I.C.9.a.1"),
            (false, true) => (stage5 ? "target-ckd-stage-5" : "target-ckd", "hypertensive-ckd", "I.C.9.a.2"),
            _ => (null, null, null),
        };
        if (targetId is null || category is null || codes.Any(groups[targetId].Contains))
        {
            yield break;
        }

        var target = groups[targetId];
        var related = string.Join(" and ", new[] { heart ? "heart disease" : null, kidney ? "chronic kidney disease" : null }.OfType<string>());
        yield return CodingEditContext.Edit(
            RuleId,
            $"Hypertension with {related}: use {target.First}",
            $"{string.Join(", ", hypertension)} is coded with {related}; ICD-10-CM presumes a causal relationship between hypertension and {related}, so the combination code {target.First} ({target.Description}, category {groups[category].Description}) is assigned{Additional(failure, kidney)}, unless the provider documents that the conditions are unrelated.",
            [.. hypertension.Select(context.Icd), context.Icd(target.First)],
            $"ICD-10-CM Official Guidelines FY{groups.FiscalYear} {section} (hypertension with heart disease / chronic kidney disease)");
    }

    private static string Additional(bool failure, bool kidney) => (failure, kidney) switch
    {
        (true, true) => ", with the heart failure type (I50.-) and the CKD stage (N18.-) as additional codes",
        (true, false) => ", with the heart failure type (I50.-) as an additional code",
        (false, true) => ", with the CKD stage (N18.-) as an additional code",
        _ => string.Empty,
    };
}
