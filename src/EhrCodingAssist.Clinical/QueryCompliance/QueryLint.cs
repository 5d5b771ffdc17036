namespace EhrCodingAssist.Clinical.QueryCompliance;

/// <summary>
/// The one compliance lint for documentation queries, per the AHIMA/ACDIS "Guidelines for Achieving a Compliant Query
/// Practice" (2022 update): used at rule-pack load for every query rule's title, title template and query template, and
/// for the CDI specialist's edited text and options before a query is sent. It returns every violation (rule, phrase,
/// character offsets, why), never only the first. See docs/query-compliance.md for the rules and the example lists.
/// </summary>
public static class QueryLint
{
    /// <summary>Every violation in the query: title, text, options and indicators as given (null parts are not checked).</summary>
    public static QueryLintResult Check(QueryLintInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var violations = new List<QueryLintViolation>();
        if (input.Title is { } title)
        {
            violations.AddRange(CheckText(title, "title", input.Quoted));
        }

        if (string.IsNullOrWhiteSpace(input.Text))
        {
            violations.Add(new QueryLintViolation(QueryLintRules.EmptyText, "text", string.Empty, null, null, "the query text is empty"));
        }
        else
        {
            violations.AddRange(CheckText(input.Text, "text", input.Quoted));
        }

        if (input.Options is { } options)
        {
            violations.AddRange(OptionsCheck.Check(options));
        }

        if (input.IndicatorCount is < 1)
        {
            violations.Add(new QueryLintViolation(QueryLintRules.NoIndicator, "indicators", string.Empty, null, null, "a query needs at least one clinical indicator from the record"));
        }

        return new QueryLintResult(violations);
    }

    /// <summary>
    /// Every yes/no, leading-wording and financial-word violation in one text, in text order, with offsets into
    /// <paramref name="text"/>. Scriban code and quotations of the record (<paramref name="quoted"/>, double-quoted
    /// passages) are not read as the writer's wording, except that payment and quality words are refused everywhere.
    /// </summary>
    /// <param name="text">A title, query text or template source.</param>
    /// <param name="field">The name the violations carry, e.g. "text" or "query_template".</param>
    /// <param name="quoted">Record text quoted verbatim (indicator summaries); none when null.</param>
    public static IReadOnlyList<QueryLintViolation> CheckText(string text, string field, IReadOnlyList<string>? quoted = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(field);
        var masked = LintText.MaskQuotes(text, quoted ?? []);
        return [.. YesNoQuestionCheck.Check(text, masked, field)
            .Concat(LeadingWordingCheck.Check(text, masked, field))
            .Concat(FinancialWordCheck.Check(text, field))
            .OrderBy(v => v.Start)];
    }

    /// <summary>Every problem with a query's options: missing fixed options, no coded option, a yes/no pair.</summary>
    public static IReadOnlyList<QueryLintViolation> CheckOptions(IReadOnlyList<Findings.QueryOption> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. OptionsCheck.Check(options)];
    }
}
