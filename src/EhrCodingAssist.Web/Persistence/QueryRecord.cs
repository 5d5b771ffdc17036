namespace EhrCodingAssist.Web.Persistence;

/// <summary>Where a documentation query is in its life (stored as text).</summary>
public enum QueryState
{
    /// <summary>Written by the CDI specialist, not yet sent.</summary>
    Draft,

    /// <summary>Waiting for the physician.</summary>
    Sent,

    /// <summary>The physician answered (an option, "other" or "clinically undetermined").</summary>
    Answered,

    /// <summary>The physician declined to answer.</summary>
    Declined,

    /// <summary>Not answered in time.</summary>
    Expired,

    /// <summary>Withdrawn by the CDI specialist.</summary>
    Withdrawn,
}

/// <summary>What happened to the FHIR write-back of an answer (stored as text).</summary>
public enum WriteStatus
{
    /// <summary>Nothing to write (no answer yet, or an answer that names no diagnosis).</summary>
    None,

    /// <summary>The transaction is built and stored, not yet confirmed by the server.</summary>
    Pending,

    /// <summary>The server confirmed the transaction.</summary>
    Written,

    /// <summary>The server cannot take it (no transaction or Condition create): kept here for export.</summary>
    NotWritten,

    /// <summary>A resource failed validation: never sent.</summary>
    Invalid,

    /// <summary>The server refused it (409/412) or failed (5xx): safe to retry.</summary>
    Failed,
}

/// <summary>
/// A documentation query as kept for AHIMA/ACDIS retention: who asked whom, when, on what evidence,
/// with which options, and what came of it (answer, code, written resources).
/// </summary>
public sealed class QueryRecord : IVersionedRecord
{
    public required string Id { get; init; }

    public required string FhirBase { get; init; }

    public required string EncounterId { get; init; }

    public string? PatientId { get; init; }

    public required string RuleId { get; init; }

    public required string RuleVersion { get; init; }

    public required string Topic { get; init; }

    public required string Title { get; init; }

    public required string Text { get; set; }

    /// <summary>The CDI specialist (fhirUser reference).</summary>
    public required string Author { get; init; }

    /// <summary>The physician asked (fhirUser reference).</summary>
    public required string Recipient { get; set; }

    public QueryState State { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>When it was answered, declined, expired or withdrawn.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The chosen option id: an ICD-10-CM code, "other" or "clinically-undetermined".</summary>
    public string? AnswerOption { get; set; }

    /// <summary>Free text of an "other" answer, or the physician's comment.</summary>
    public string? AnswerText { get; set; }

    /// <summary>The ICD-10-CM code the answer names, when it names one.</summary>
    public string? ResultingCode { get; set; }

    public string? ResultingCodeDisplay { get; set; }

    public WriteStatus WriteStatus { get; set; }

    /// <summary>Why nothing was written, or the last write error (no patient data).</summary>
    public string? WriteMessage { get; set; }

    /// <summary>Written resource references ("Condition/1", "Provenance/2"), space-separated.</summary>
    public string? WrittenResources { get; set; }

    /// <summary>CDex mirror: the Task id on the EHR, when mirrored.</summary>
    public string? TaskId { get; set; }

    /// <summary>CDex mirror: the Questionnaire id on the EHR, when mirrored.</summary>
    public string? QuestionnaireId { get; set; }

    /// <summary>Financial weight (CC/MCC), CDI/coder only.</summary>
    public string? Severity { get; init; }

    /// <summary>HCC category, CDI/coder only.</summary>
    public string? Hcc { get; init; }

    /// <summary>Optimistic concurrency: bumped on every change.</summary>
    public int Version { get; set; }

    public List<QueryIndicator> Indicators { get; init; } = [];

    public List<QueryOptionRecord> Options { get; init; } = [];
}

/// <summary>One clinical indicator of a query: the evidence resource and its summary.</summary>
public sealed class QueryIndicator
{
    public int Ordinal { get; set; }

    public required string Reference { get; init; }

    public required string Summary { get; init; }

    public decimal? Value { get; init; }

    public string? Unit { get; init; }

    public DateTimeOffset? Date { get; init; }
}

/// <summary>One answer option kept on a query.</summary>
public sealed class QueryOptionRecord
{
    public int Ordinal { get; set; }

    /// <summary>An ICD-10-CM code, "other" or "clinically-undetermined".</summary>
    public required string OptionId { get; init; }

    public required string Label { get; init; }

    public string? CodeSystem { get; init; }

    public string? Code { get; init; }
}
