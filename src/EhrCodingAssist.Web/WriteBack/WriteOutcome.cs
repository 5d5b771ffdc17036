using EhrCodingAssist.Web.Persistence;

namespace EhrCodingAssist.Web.WriteBack;

/// <summary>The result of writing an answer back: the status, the written references, or why nothing was written.</summary>
public sealed record WriteOutcome(WriteStatus Status, IReadOnlyList<string> Written, string? Reason)
{
    /// <summary>Builds the outcome recorded on a query.</summary>
    public static WriteOutcome Of(QueryRecord query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new WriteOutcome(
            query.WriteStatus,
            (query.WrittenResources ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries),
            query.WriteMessage);
    }
}
