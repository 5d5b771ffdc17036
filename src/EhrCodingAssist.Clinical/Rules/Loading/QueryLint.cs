using System.Text.RegularExpressions;
using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Rules.Loading;

/// <summary>
/// Compliant query practice, checked at load for every query rule: the two fixed options, at least one coded option,
/// no yes/no pair, clinical indicators in the text, no payment or quality words, no leading phrases.
/// </summary>
public static partial class QueryLint
{
    /// <summary>The first problem with a query's options, or null.</summary>
    public static string? CheckOptions(IReadOnlyList<QueryOption> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Any(o => o.Id == QueryOption.Other))
        {
            return "a query must offer the 'other' option";
        }

        if (!options.Any(o => o.Id == QueryOption.ClinicallyUndetermined))
        {
            return "a query must offer the 'clinically-undetermined' option";
        }

        if (!options.Any(o => o.Code is not null))
        {
            return "a query must offer at least one coded option";
        }

        var labels = options.Select(o => o.Label.Trim().ToUpperInvariant()).ToHashSet();
        return labels.Contains("YES") || labels.Contains("NO") ? "a query must not be a yes/no question" : null;
    }

    /// <summary>The first compliance problem in a title or query text, or null.</summary>
    /// <param name="text">Template text (title or query).</param>
    /// <param name="codedOptions">Number of coded options (a "was the patient …?" question is leading with one).</param>
    public static string? CheckText(string text, int codedOptions)
    {
        ArgumentNullException.ThrowIfNull(text);
        var payment = PaymentAcronym().Match(text);
        if (!payment.Success)
        {
            payment = PaymentWords().Match(text);
        }

        if (payment.Success)
        {
            return $"payment or quality word '{payment.Value}' is not allowed in query text or title";
        }

        var leading = LeadingPhrase().Match(text);
        if (leading.Success)
        {
            return $"leading phrase '{leading.Value.Trim()}' is not allowed in a query";
        }

        var yesNo = WasThePatient().Match(text);
        return yesNo.Success && codedOptions < 2 ? $"leading single-diagnosis question '{yesNo.Value.Trim()}'" : null;
    }

    [GeneratedRegex(@"\b(DRGs?|MS-DRG|APR-DRG|CCs?|MCCs?|HCCs?|PSIs?|SOI|ROM)\b", RegexOptions.CultureInvariant, 500)]
    private static partial Regex PaymentAcronym();

    [GeneratedRegex(@"\b(reimburse\w*|payments?|paid|revenue|case[\s-]+mix|financial\w*|quality\s+scores?|severity\s+of\s+illness|risk\s+of\s+mortality|complication\s+or\s+comorbidity|hierarchical\s+condition)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 500)]
    private static partial Regex PaymentWords();

    [GeneratedRegex(@"\b(please\s+confirm|please\s+document\b[^.\n]{0,80}?\bas\s+(?!clinically|appropriate|applicable|indicated)\w+|do\s+you\s+agree|consider\s+documenting|supports?\s+the\s+diagnosis\s+of|would\s+you\s+document|can\s+you\s+document)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 500)]
    private static partial Regex LeadingPhrase();

    [GeneratedRegex(@"\bwas\s+the\s+patient\b[^?\n]{0,160}\?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 500)]
    private static partial Regex WasThePatient();
}
