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
    /// Code references in an Excludes1 text. Every parenthesised group is split at commas; a part becomes references when
    /// it is wholly a code, a wildcard ("E10.-", "O24.4-", "D29.2.-") or a range ("T61-T62", "A04.0-A04.4", "F98.2.-F98.3"),
    /// several of them separated by spaces ("I69.81- I69.91-"), a range with stray spaces ("I01.0 -I01.9"), or one of
    /// these with a qualifier the tabular uses: "with .42", "with .51-.52", "with final characters -23",
    /// "with fifth character 1", "with 7th character B". Other qualifiers ("fifth to sixth characters 51", "open fracture
    /// 7th character", "A00-R94 and T80-T88.6") and plain words are skipped: guessing would raise false Excludes1 edits.
    /// </summary>
    public static IReadOnlyList<CodeReference> CodeReferences(string text)
    {
        var result = new List<CodeReference>();
        foreach (Match group in ParenthesisedRegex().Matches(text))
        {
            foreach (var part in group.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                result.AddRange(Parse(part));
            }
        }

        return result;
    }

    private static CodeReference[] Parse(string part)
    {
        if (Plain(part) is { } single)
        {
            return [single];
        }

        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var many = words.Select(Plain).OfType<CodeReference>().ToArray();
        if (words.Length > 1 && many.Length == words.Length)
        {
            return many;
        }

        if (Plain(SpacedDashRegex().Replace(part, "-")) is { } spaced)
        {
            return [spaced];
        }

        var with = WithRegex().Match(part);
        if (with.Success && Plain(with.Groups["base"].Value.TrimEnd('.')) is { } baseReference && Qualifier(with.Groups["q"].Value.Trim()) is { } qualifier)
        {
            return [baseReference with { Qualifier = qualifier }];
        }

        return [];
    }

    private static CodeReference? Plain(string part)
    {
        var m = ReferenceRegex().Match(part);
        if (!m.Success)
        {
            return null;
        }

        var start = IcdCodes.ToDotless(m.Groups["start"].Value);
        var end = m.Groups["end"].Success ? IcdCodes.ToDotless(m.Groups["end"].Value) : null;
        return start is null ? null : new CodeReference(start, end);
    }

    private static CodeQualifier? Qualifier(string text)
    {
        if (SuffixRegex().Match(text) is { Success: true } suffix)
        {
            return new CodeQualifier(Suffix: suffix.Groups["s1"].Value, SuffixEnd: suffix.Groups["s2"].Success ? suffix.Groups["s2"].Value : null);
        }

        if (EndingRegex().Match(text) is { Success: true } ending)
        {
            return new CodeQualifier(Ending: ending.Groups["end"].Value);
        }

        if (PositionRegex().Match(text) is { Success: true } position)
        {
            var at = position.Groups["pos"].Value.ToUpperInvariant() switch
            {
                "5TH" or "FIFTH" => 5,
                "6TH" or "SIXTH" => 6,
                _ => 7,
            };
            return new CodeQualifier(Position: at, Character: position.Groups["ch"].Value[0]);
        }

        return null;
    }

    [GeneratedRegex(@"\*\*([^*]+):\*\*")]
    private static partial Regex LabelRegex();

    [GeneratedRegex(@"\(([^()]*)\)")]
    private static partial Regex ParenthesisedRegex();

    [GeneratedRegex("^(?<start>" + CodePattern + @")(?:\.?-)?(?:\.?-(?<end>" + CodePattern + @")(?:\.?-)?)?$")]
    private static partial Regex ReferenceRegex();

    [GeneratedRegex(@"\s*-\s*(?=[A-Z][0-9])")]
    private static partial Regex SpacedDashRegex();

    [GeneratedRegex(@"^(?<base>[A-Z][0-9][0-9A-Z][^ ]*?)\s*with\s+(?<q>.+)$")]
    private static partial Regex WithRegex();

    [GeneratedRegex(@"^\.(?<s1>[0-9A-Z]{1,3})(?:-\.(?<s2>[0-9A-Z]{1,3}))?-?$")]
    private static partial Regex SuffixRegex();

    [GeneratedRegex(@"^final characters? -(?<end>[0-9A-Z]{1,3})$")]
    private static partial Regex EndingRegex();

    [GeneratedRegex(@"^(?<pos>5th|fifth|6th|sixth|7th|seventh)[- ]character \.?(?<ch>[0-9A-Z])$", RegexOptions.IgnoreCase)]
    private static partial Regex PositionRegex();
}
