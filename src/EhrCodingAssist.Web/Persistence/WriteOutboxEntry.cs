namespace EhrCodingAssist.Web.Persistence;

/// <summary>
/// The write-back outbox: the exact transaction Bundle built for an answer, stored before it is sent so a retry
/// posts the same resources with the same idempotency key, and the server's reply once it comes.
/// </summary>
public sealed class WriteOutboxEntry
{
    public long Id { get; init; }

    public required string QueryId { get; init; }

    /// <summary>The Condition identifier value used for conditional create.</summary>
    public required string IdempotencyKey { get; init; }

    public WriteStatus Status { get; set; }

    /// <summary>The transaction Bundle, FHIR JSON.</summary>
    public required string BundleJson { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>HTTP status of the last attempt, when there was a reply.</summary>
    public int? LastHttpStatus { get; set; }

    public string? LastError { get; set; }

    /// <summary>Written references, space-separated.</summary>
    public string? WrittenResources { get; set; }
}
