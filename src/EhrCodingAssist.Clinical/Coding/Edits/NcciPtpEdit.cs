using EhrCodingAssist.Clinical.Coding.Ncci;
using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// Two lines on the same date that form an NCCI procedure-to-procedure pair in force: always raised when the modifier
/// indicator is 0; when it is 1, raised unless the column-two line carries an NCCI-associated modifier.
/// </summary>
internal sealed class NcciPtpEdit : ICodingEdit
{
    /// <summary>NCCI-associated modifiers (NCCI Policy Manual, chapter I, section E).</summary>
    internal static readonly HashSet<string> BypassModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "24", "25", "27", "57", "58", "59", "78", "79", "91",
        "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
        "LC", "LD", "LM", "LT", "RC", "RI", "RT", "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9",
        "XE", "XP", "XS", "XU",
    };

    public string RuleId => "edit.ncci-ptp";

    public IEnumerable<Finding> Evaluate(CodingEditContext context)
    {
        if (context.Data.Ptp is not { } table)
        {
            yield break;
        }

        var lines = context.WorkingSet.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            for (var j = 0; j < lines.Count; j++)
            {
                var (first, second) = (lines[i], lines[j]);
                var date = context.DateOf(first);
                if (i == j || date != context.DateOf(second) || string.Equals(first.Code, second.Code, StringComparison.OrdinalIgnoreCase)
                    || table.Find(first.Code, second.Code, date) is not { } edit)
                {
                    continue;
                }

                var bypassed = edit.Modifier == PtpModifierIndicator.Allowed && second.Modifiers.Any(m => BypassModifiers.Contains(m.Trim()));
                if (!bypassed)
                {
                    yield return CodingEditContext.Edit(
                        RuleId,
                        $"NCCI PTP: {second.Code} with {first.Code}",
                        $"{second.Code} (column two) is not separately reportable with {first.Code} (column one) on {date:yyyy-MM-dd}"
                            + (edit.Modifier == PtpModifierIndicator.NotAllowed
                                ? "; no modifier allows this pair (modifier indicator 0)."
                                : "; if the services were distinct, append an NCCI-associated modifier (e.g. 59, XS, XU, LT/RT) to the column-two line.")
                            + (edit.Rationale.Length > 0 ? $" Rationale: {edit.Rationale}." : string.Empty),
                        [context.Service(first), context.Service(second)],
                        $"CMS NCCI procedure-to-procedure edits ({table.Version})");
                }
            }
        }
    }
}
