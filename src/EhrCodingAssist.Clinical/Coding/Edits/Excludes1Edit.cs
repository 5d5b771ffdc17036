using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>Two diagnoses on the same claim where one's Excludes1 note (or its ancestors') names the other.</summary>
internal sealed class Excludes1Edit : ICodingEdit
{
    public string RuleId => "edit.excludes1";

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        if (context.IcdSet is not { } set)
        {
            yield break;
        }

        var codes = context.Diagnoses.Select(d => d.Code).Where(c => set.Find(c) is not null).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        for (var i = 0; i < codes.Count; i++)
        {
            for (var j = i + 1; j < codes.Count; j++)
            {
                if (set.Excludes1Conflict(codes[i], codes[j]))
                {
                    yield return CodingEditContext.Edit(
                        RuleId,
                        $"Excludes1: {codes[i]} with {codes[j]}",
                        $"{codes[i]} and {codes[j]} are mutually exclusive (Excludes1 in the tabular list): report only one, unless the two conditions are documented as unrelated.",
                        [context.Icd(codes[i]), context.Icd(codes[j])],
                        $"ICD-10-CM Official Guidelines FY{set.FiscalYear} I.A.12.a (Excludes1)");
                }
            }
        }
    }
}
