using System.Text.RegularExpressions;

namespace EhrCodingAssist.Clinical.Terminology.Import;

/// <summary>
/// Reads the inline tabular notes of the ../shared/data/icd10cm format:
/// <c>[CODE] description -- **Label:** - item - item  **Label:** - item</c>.
/// </summary>
internal static partial class TabularNoteParser
{
    private const string CodePattern = @"[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?";

    /// <summary>Splits the note part of a line into label → raw text.</summary>
    public static IReadOnlyDictionary<string, string> Sections(string notes)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var matches = LabelRegex().Matches(notes);
        for (var i = 0; i < matches.Count; i++)
        {
            var start = matches[i].Index + matches[i].Length;
            var end = i + 1 < matches.Count ? matches[i + 1].Index : notes.Length;
            var label = matches[i].Groups[1].Value.Trim();
            var text = notes[start..end].Trim();
            result[label] = result.TryGetValue(label, out var existing) ? existing + " " + text : text;
        }

        return result;
    }

    /// <summary>
    /// Code references in an Excludes1 text: every parenthesised group is split at commas and each part that is
    /// wholly a code, a wildcard ("E10.-", "O24.4-", "D29.2.-") or a range ("T61-T62", "A04.0-A04.4", "M00-M02-")
    /// becomes a reference. Parts with qualifiers ("E08-E13 with .42", "with fifth character 1") and plain words are
    /// skipped: expanding them by guesswork would raise false Excludes1 edits.
    /// </summary>
    public static IReadOnlyList<CodeReference> CodeReferences(string text)
    {
        var result = new List<CodeReference>();
        foreach (Match group in ParenthesisedRegex().Matches(text))
        {
            foreach (var part in group.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var m = ReferenceRegex().Match(part);
                if (!m.Success)
                {
                    continue;
                }

                var start = IcdCodes.ToDotless(m.Groups["start"].Value);
                var end = m.Groups["end"].Success ? IcdCodes.ToDotless(m.Groups["end"].Value) : null;
                if (start is not null)
                {
                    result.Add(new CodeReference(start, end));
                }
            }
        }

        return result;
    }

    [GeneratedRegex(@"\*\*([^*]+):\*\*")]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"\(([^()]*)\)")]
    private static partial Regex ParenthesisedRegex();

    [GeneratedRegex("^(?<start>" + CodePattern + @")(?:\.?-)?(?:-(?<end>" + CodePattern + @")(?:\.?-)?)?$")]
    private static partial Regex ReferenceRegex();
}
