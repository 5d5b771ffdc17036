using System.Text.RegularExpressions;
using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// A code whose tabular "Use additional code" note (on the code or an ancestor) asks for a code the working set lacks,
/// e.g. I12.9 or E11.22 without the CKD stage (N18.-), I11.0 without the heart failure type (I50.-). Driven by the
/// release's own notes (guideline I.A.13, I.B.9), not a hand list. Only unconditional single-purpose notes with code
/// references count: notes with "if applicable", "if known", "such as", "any", "associated", several alternatives
/// (tobacco exposure lists), organism codes (B95-B97, coded only when the organism is known) and external causes
/// (V00-Y99, not nationally required, I.C.20) are advice, not edits.
/// </summary>
internal sealed partial class UseAdditionalCodeEdit : ICodingEdit
{
    public string RuleId => "edit.use-additional-code";

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        if (context.IcdSet is not { } set)
        {
            yield break;
        }

        var coded = context.Diagnoses.Select(d => IcdCodes.ToDotless(d.Code)).OfType<string>().ToList();
        foreach (var dx in context.Diagnoses)
        {
            foreach (var note in set.UseAdditionalNotes(dx.Code).Where(IsRequired))
            {
                if (coded.Any(c => note.References.Any(r => c.StartsWith(r, StringComparison.Ordinal))))
                {
                    continue;
                }

                var wanted = string.Join(", ", note.References.Take(6).Select(IcdCodes.ToDotted)) + (note.References.Count > 6 ? " …" : string.Empty);
                yield return CodingEditContext.Edit(
                    RuleId,
                    $"{dx.Code}: use additional code ({wanted})",
                    $"The tabular note at {note.Holder} says \"Use additional code {Purpose(note.Text)}\", and none of {wanted} is coded. Add the code the record supports.",
                    [context.Icd(dx.Code)],
                    $"ICD-10-CM Tabular List FY{set.FiscalYear} ({note.Holder} \"Use additional code\"); Official Guidelines I.A.13, I.B.9");
            }
        }
    }

    /// <summary>An unconditional, single-purpose note naming the codes to add (see the class remarks).</summary>
    internal static bool IsRequired(UseAdditionalNote note) =>
        note.References.Count > 0
        && Bullets().Count(note.Text) == 1
        && !Conditional().IsMatch(note.Text)
        && !note.References.All(r => r[0] is 'V' or 'W' or 'X' or 'Y')
        && !note.References.All(r => r.StartsWith("B95", StringComparison.Ordinal) || r.StartsWith("B96", StringComparison.Ordinal) || r.StartsWith("B97", StringComparison.Ordinal));

    private static string Purpose(string text) => text.TrimStart('-', ' ').Trim();

    [GeneratedRegex(@"(?:^|\s)-\s", RegexOptions.CultureInvariant)]
    private static partial Regex Bullets();

    [GeneratedRegex(@"\b(?:if\s+applicable|if\s+known|when\s+specified|where\s+applicable|if\s+necessary|if\s+present|if\s+drug-induced|such\s+as|any|associated|further|all|including)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Conditional();
}
