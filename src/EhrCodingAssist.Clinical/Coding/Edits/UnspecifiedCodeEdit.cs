using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// An "unspecified" code on the claim while the record documents a more specific code of the same family: a billable
/// code below the unspecified code's parent (I50.9 with I50.23 documented) whose title does not say "unspecified".
/// </summary>
internal sealed class UnspecifiedCodeEdit : ICodingEdit
{
    public string RuleId => "edit.unspecified-when-specific";

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        if (context.IcdSet is not { } set)
        {
            yield break;
        }

        var claimed = context.Diagnoses.Select(d => IcdCodes.ToDotless(d.Code)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var dx in context.Diagnoses)
        {
            if (set.Find(dx.Code) is not { Billable: true } code || !IsUnspecified(code) || ParentOf(set, code.Code) is not { } parent)
            {
                continue;
            }

            var specific = context.WorkingSet.DocumentedCodes
                .Select(set.Find).OfType<IcdCode>()
                .Where(s => s.Billable && !IsUnspecified(s) && !claimed.Contains(Dotless(s.Code)) && Dotless(s.Code).StartsWith(parent, StringComparison.Ordinal))
                .DistinctBy(s => s.Code)
                .ToList();
            if (specific.Count > 0)
            {
                yield return CodingEditContext.Edit(
                    RuleId,
                    $"{code.Code} is unspecified; the record documents {string.Join(", ", specific.Select(s => s.Code))}",
                    $"{code.Code} ({code.LongTitle}) is an unspecified code, and the record documents the more specific {string.Join(", ", specific.Select(s => $"{s.Code} ({s.LongTitle})"))}; code to the documented specificity.",
                    [context.Icd(code.Code), .. specific.Select(s => context.Icd(s.Code))],
                    $"ICD-10-CM Official Guidelines FY{set.FiscalYear} I.B.18 (use of unspecified codes)");
            }
        }
    }

    private static bool IsUnspecified(IcdCode code) => code.LongTitle.Contains("unspecified", StringComparison.OrdinalIgnoreCase);

    private static string Dotless(string code) => code.Replace(".", string.Empty, StringComparison.Ordinal);

    private static string? ParentOf(ICodeSet set, string code)
    {
        var dotless = Dotless(code);
        for (var length = dotless.Length - 1; length >= 3; length--)
        {
            if (set.Find(dotless[..length]) is not null)
            {
                return dotless[..length];
            }
        }

        return null;
    }
}
