using System.Text.RegularExpressions;
using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Web.Queries;

/// <summary>
/// The compliance lint applied when a CDI specialist edits a query before sending it (AHIMA/ACDIS query practice):
/// the fixed options stay, the text carries no payment or quality words, and the query keeps at least one
/// clinical indicator and one coded option. The rule-pack lint applies the same word list to rule files at load.
/// </summary>
internal static partial class QueryComplianceLint
{
    /// <summary>Problems found; empty when the query may be sent.</summary>
    public static IReadOnlyList<string> Check(string text, IReadOnlyCollection<QueryOption> options, int indicatorCount)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add("The query text is empty.");
        }
        else
        {
            foreach (Match m in PaymentWords().Matches(text))
            {
                problems.Add($"The query text contains the payment or quality term \"{m.Value}\"; queries must not mention reimbursement.");
            }
        }

        foreach (var fixedId in new[] { QueryOption.Other, QueryOption.ClinicallyUndetermined })
        {
            if (!options.Any(o => o.Id == fixedId))
            {
                problems.Add($"The option \"{fixedId}\" cannot be removed.");
            }
        }

        if (!options.Any(o => o.Code is not null))
        {
            problems.Add("At least one coded (diagnosis) option must remain.");
        }

        if (indicatorCount < 1)
        {
            problems.Add("A query needs at least one clinical indicator.");
        }

        return problems;
    }

    // docs/rule-format.md "Compliance lint": DRG, CC, MCC, HCC, reimbursement, payment, revenue, PSI, SOI, ROM,
    // case mix, financial, quality score. Abbreviations are matched case-sensitively as whole words.
    [GeneratedRegex(
        @"\b(?:DRGs?|CCs?|MCCs?|HCCs?|PSIs?|SOI|ROM|(?i:reimburse\w*|payments?|pay|paid|revenue|case[- ]mix|financial\w*|quality[- ]scores?|billing|dollars?))\b",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex PaymentWords();
}
