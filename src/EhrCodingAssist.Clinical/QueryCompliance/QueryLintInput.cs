using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.QueryCompliance;

/// <summary>A query as the lint reads it: the CDI specialist's edited draft, or a rule's templates at pack load.</summary>
public sealed record QueryLintInput
{
    /// <summary>The query text (or the query template's source).</summary>
    public required string Text { get; init; }

    /// <summary>The title shown with the query; null when not checked.</summary>
    public string? Title { get; init; }

    /// <summary>The options offered; null when not checked.</summary>
    public IReadOnlyList<QueryOption>? Options { get; init; }

    /// <summary>How many clinical indicators from the record the query cites; null when not checked (pack load).</summary>
    public int? IndicatorCount { get; init; }

    /// <summary>
    /// Record text quoted verbatim in the query (the indicators' summaries). A quote such as "findings consistent with
    /// pneumonia" from a radiology report is the record's wording, not the writer's, so the yes/no and leading-wording
    /// rules skip it; payment and quality words are refused everywhere.
    /// </summary>
    public IReadOnlyList<string> Quoted { get; init; } = [];
}
