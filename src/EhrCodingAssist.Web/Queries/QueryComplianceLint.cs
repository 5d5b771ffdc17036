using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Rules.Loading;

namespace EhrCodingAssist.Web.Queries;

/// <summary>
/// The compliance lint applied when a CDI specialist edits a query before sending it (AHIMA/ACDIS query practice).
/// It reuses the rule engine's <see cref="QueryLint"/> (the same checks rule files pass at load: fixed options, a coded
/// option, no yes/no pair, no payment or quality words, no leading phrases) and adds that an edited query keeps at
/// least one clinical indicator.
/// </summary>
internal static class QueryComplianceLint
{
    /// <summary>Problems found; empty when the query may be sent.</summary>
    public static IReadOnlyList<string> Check(string text, IReadOnlyList<QueryOption> options, int indicatorCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add("the query text is empty");
        }
        else if (QueryLint.CheckText(text, options.Count(o => o.Code is not null)) is { } textProblem)
        {
            problems.Add(textProblem);
        }

        if (QueryLint.CheckOptions(options) is { } optionProblem)
        {
            problems.Add(optionProblem + " (the fixed options 'other' and 'clinically-undetermined' cannot be removed)");
        }

        if (indicatorCount < 1)
        {
            problems.Add("a query needs at least one clinical indicator");
        }

        return problems;
    }
}
