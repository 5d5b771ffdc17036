using EhrCodingAssist.Clinical.QueryCompliance;

namespace EhrCodingAssist.Web.Queries;

/// <summary>A request the query feature refuses, turned into an RFC 9457 problem by the endpoints.</summary>
public sealed class QueryProblemException(int status, string title, string detail, IReadOnlyList<string>? errors = null) : Exception(detail)
{
    /// <summary>HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>Short problem title.</summary>
    public string Title { get; } = title;

    /// <summary>Individual problems (lint findings), if any.</summary>
    public IReadOnlyList<string> Errors { get; } = errors ?? [];

    /// <summary>The compliance lint's violations (rule, field, phrase, offsets, why) behind <see cref="Errors"/>, if any.</summary>
    public IReadOnlyList<QueryLintViolation> Violations { get; init; } = [];
}
