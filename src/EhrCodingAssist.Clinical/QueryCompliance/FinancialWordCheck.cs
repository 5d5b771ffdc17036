using System.Text.RegularExpressions;
using FuzzySharp;

namespace EhrCodingAssist.Clinical.QueryCompliance;

/// <summary>
/// Payment, payer and quality-reporting words (AHIMA/ACDIS: a query must not mention the impact of the answer on
/// reimbursement, payment, quality scores or provider profiles; physicians never see financial weight). Acronyms are
/// matched in capitals only where the lower-case form is clinical: "5 cc" is a volume, "ROM" alone is range of
/// motion, "denies chest pain" is not a denial. Misspellings of the common words ("reimbursment", "Medicar",
/// "lenght of stay") are caught by FuzzySharp's similarity ratio over words and word windows, with the clinical words
/// that sit close to them ("medicate", "dental", "morality") allowed.
/// </summary>
internal static partial class FinancialWordCheck
{
    private const string Why = "payment, payer and quality-reporting words have no place in a query: the answer must not be tied to its financial or quality impact";

    // Misspelling targets: single words (similarity >= 85) and short phrases (>= 90), FuzzySharp Fuzz.Ratio (0-100).
    private static readonly string[] FuzzyWords =
    [
        "reimbursement", "reimbursements", "reimburse", "reimbursed", "reimbursable", "payment", "payments", "medicare",
        "medicaid", "financial", "financially", "revenue", "insurance", "insurer",
    ];

    private static readonly string[] FuzzyPhrases =
    [
        "length of stay", "expected mortality", "risk of mortality", "risk adjustment", "severity of illness", "case mix index",
        "quality score", "quality scores", "observed to expected",
    ];

    // Real words within the similarity threshold of a target.
    private static readonly HashSet<string> CloseRealWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "medicate", "medicated", "medicates", "medical",
    };

    public static IEnumerable<QueryLintViolation> Check(string text, string field)
    {
        var spans = new List<(int Start, int Length)>();
        foreach (Match m in Acronyms().Matches(text))
        {
            spans.Add((m.Index, m.Length));
        }

        foreach (Match m in Words().Matches(text))
        {
            spans.Add((m.Index, m.Length));
        }

        spans.AddRange(Misspellings(text).Where(s => !spans.Any(e => Overlaps(e, s))));
        return spans
            .Where(s => !spans.Any(o => o != s && o.Start <= s.Start && o.Start + o.Length >= s.Start + s.Length && o.Length > s.Length))
            .Distinct()
            .OrderBy(s => s.Start)
            .Select(s => new QueryLintViolation(QueryLintRules.FinancialWord, field, text.Substring(s.Start, s.Length), s.Start, s.Length, Why));
    }

    private static IEnumerable<(int Start, int Length)> Misspellings(string text)
    {
        var words = Token().Matches(text).Select(m => (m.Index, m.Length, Word: m.Value.ToLowerInvariant())).ToArray();
        for (var i = 0; i < words.Length; i++)
        {
            var (start, length, word) = words[i];
            if (word.Length >= 6 && !CloseRealWords.Contains(word)
                && FuzzyWords.Any(t => Math.Abs(t.Length - word.Length) <= 2 && Fuzz.Ratio(word, t) >= 85))
            {
                yield return (start, length);
                continue;
            }

            foreach (var n in (int[])[2, 3, 4])
            {
                if (i + n > words.Length)
                {
                    break;
                }

                var end = words[i + n - 1].Index + words[i + n - 1].Length;
                var window = string.Join(' ', words.Skip(i).Take(n).Select(w => w.Word));
                if (FuzzyPhrases.Any(p => Math.Abs(p.Length - window.Length) <= 3 && Fuzz.Ratio(window, p) >= 90))
                {
                    yield return (start, end - start);
                    break;
                }
            }
        }
    }

    private static bool Overlaps((int Start, int Length) a, (int Start, int Length) b) =>
        a.Start < b.Start + b.Length && b.Start < a.Start + a.Length;

    // Capitals only: CC after a number is cubic centimetres; ROM alone is range of motion (flagged beside SOI or "score").
    [GeneratedRegex(@"\b(?:MS-DRGs?|APR-DRGs?|DRGs?|CC\s*/\s*MCCs?|MCCs?|HCCs?|CMS-HCCs?|RAF|CMI|GMLOS|ALOS|LOS|SOI(?:\s*/\s*ROM)?|ROM(?=\s+(?:score|level))|PSIs?|HACs?|VBP|HRRP|RVUs?|wRVUs?|O\s*/\s*E|O:E)\b|(?<![\d.]\s?)\bCCs?\b", RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex Acronyms();

    [GeneratedRegex(@"\b(?:reimburs\w*|payments?|paid|payers?|payors?|payable|denials?|claim\s+denied|medicare|medicaid|(?:expected\s+)?length\s+of\s+(?:the\s+)?stay|expected\s+(?:mortality|LOS)|mortality\s+(?:index|rate|score|risk|ratio|expectation)s?|risk\s+of\s+mortality|observed[\s-]+(?:to|/|vs\.?|versus)[\s-]+expected|risk[\s-]+adjust\w*|risk\s+scores?|severity\s+of\s+illness|case[\s-]+mix(?:\s+index)?|quality\s+(?:scores?|metrics?|measures?|ratings?|reporting|indicators?|profiles?)|star\s+ratings?|score\s*cards?|report\s+cards?|(?:provider|physician|hospital)\s+profil\w*|value[\s-]+based|hospital[\s-]+acquired\s+conditions?|patient\s+safety\s+indicators?|readmission\s+(?:penalt\w+|rates?)|revenue|financial\w*|dollars?|money|insurance|insurers?|billing|billable|billed|relative\s+weights?|diagnosis[\s-]+related\s+groups?|hierarchical\s+condition\s+categor\w*|complication\s+(?:or|and|/)\s+comorbidit\w*|comorbidit\w*\s+(?:or|and|/)\s+complication\w*|elixhauser|vizient|profit\w*)\b|\$\s?\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex Words();

    [GeneratedRegex(@"[A-Za-z]+", RegexOptions.CultureInvariant, LintText.RegexTimeoutMs)]
    private static partial Regex Token();
}
