using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.QueryCompliance;

/// <summary>
/// The options of a multiple-choice query (AHIMA/ACDIS): clinically reasonable coded choices, always "other" and
/// "clinically undetermined", never a yes/no pair. Every problem is reported, not only the first.
/// </summary>
internal static class OptionsCheck
{
    private static readonly HashSet<string> YesNoLabels = new(StringComparer.OrdinalIgnoreCase) { "yes", "no", "agree", "disagree" };

    public static IEnumerable<QueryLintViolation> Check(IReadOnlyList<QueryOption> options)
    {
        if (!options.Any(o => o.Id == QueryOption.Other))
        {
            yield return Missing(QueryLintRules.MissingOther, "a query must offer the 'other' option (the provider may name another diagnosis)");
        }

        if (!options.Any(o => o.Id == QueryOption.ClinicallyUndetermined))
        {
            yield return Missing(QueryLintRules.MissingClinicallyUndetermined, "a query must offer the 'clinically-undetermined' option");
        }

        if (!options.Any(o => o.Code is not null))
        {
            yield return Missing(QueryLintRules.NoCodedOption, "a query must offer at least one coded option");
        }

        foreach (var option in options.Where(o => YesNoLabels.Contains(o.Label.Trim())))
        {
            yield return new QueryLintViolation(QueryLintRules.YesNoOptions, "options", option.Label.Trim(), null, null, "a query must not be a yes/no question: offer the clinically reasonable diagnoses instead");
        }
    }

    private static QueryLintViolation Missing(string rule, string why) => new(rule, "options", string.Empty, null, null, why);
}
