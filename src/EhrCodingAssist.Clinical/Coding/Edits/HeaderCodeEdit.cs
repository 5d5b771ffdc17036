using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>A header (category or subcategory) code where a billable code with all its characters is required.</summary>
internal sealed class HeaderCodeEdit : ICodingEdit
{
    public string RuleId => "edit.header-code";

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        if (context.IcdSet is not { } set)
        {
            yield break;
        }

        foreach (var dx in context.Diagnoses)
        {
            if (set.Find(dx.Code) is { Billable: false } header)
            {
                var below = set.Search(header.Code.Replace(".", string.Empty, StringComparison.Ordinal), 200)
                    .Where(c => c.Billable).Take(3).Select(c => c.Code).ToList();
                yield return CodingEditContext.Edit(
                    RuleId,
                    $"{header.Code} is a header code",
                    $"{header.Code} ({header.LongTitle}) is a category or subcategory heading and is not valid for reporting; code to the highest number of characters available"
                        + (below.Count > 0 ? $", e.g. {string.Join(", ", below)}." : "."),
                    [context.Icd(dx.Code)],
                    $"ICD-10-CM Official Guidelines FY{set.FiscalYear} I.B.1 (level of detail in coding)");
            }
        }
    }
}
