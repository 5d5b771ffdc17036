namespace EhrCodingAssist.Web.Persistence;

/// <summary>
/// One line of the append-only audit log: a read of a query or a change of its state, by whom and when.
/// <see cref="AppDbContext"/> refuses to update or delete these rows.
/// </summary>
public sealed class AuditEntry : IAppendOnlyRecord
{
    public long Id { get; init; }

    public required string QueryId { get; init; }

    /// <summary>"read", "created", "sent", "answered", "declined", "expired", "withdrawn", "escalated", "write:…".</summary>
    public required string Action { get; init; }

    /// <summary>The user's fhirUser reference, or "system" for background work.</summary>
    public required string User { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>Short non-clinical detail (state names, status codes); never patient data.</summary>
    public string? Detail { get; init; }
}
