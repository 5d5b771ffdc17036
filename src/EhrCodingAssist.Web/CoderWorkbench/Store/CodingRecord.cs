using EhrCodingAssist.Web.Persistence;

namespace EhrCodingAssist.Web.CoderWorkbench.Store;

/// <summary>Where the encounter's Claim stands with the EHR.</summary>
public enum ClaimWriteStatus
{
    /// <summary>Not finalised yet.</summary>
    None,

    /// <summary>Written to the EHR in a transaction.</summary>
    Written,

    /// <summary>The server does not accept Claim (or the launch lacks the scope): kept here for export.</summary>
    NotWritten,

    /// <summary>A resource failed validation and was not sent.</summary>
    Invalid,

    /// <summary>The server's Claim changed since the coder's version (409/412); the coder must review.</summary>
    Conflict,

    /// <summary>The write failed (unreachable, 5xx); safe to retry.</summary>
    Failed,
}

/// <summary>The coder's work on one encounter of one EHR: working set, the last built Claim and its write state.</summary>
public sealed class CodingRecord : IVersionedRecord
{
    /// <summary>Stable key derived from the FHIR base and encounter id; also the Claim's identifier value.</summary>
    public required string Id { get; init; }

    /// <summary>The EHR's FHIR base.</summary>
    public required string FhirBase { get; init; }

    /// <summary>The encounter id.</summary>
    public required string EncounterId { get; init; }

    /// <summary>The coder's working set as JSON (<see cref="WorkbenchState"/>).</summary>
    public required string WorkingSetJson { get; set; }

    /// <summary>Last update of the working set.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Who last changed the working set (FHIR reference).</summary>
    public string? UpdatedBy { get; set; }

    /// <summary>The last finalised Claim as FHIR JSON.</summary>
    public string? ClaimJson { get; set; }

    /// <summary>The Claim's write status.</summary>
    public ClaimWriteStatus ClaimStatus { get; set; }

    /// <summary>Why the Claim was not written, or the conflict summary.</summary>
    public string? ClaimMessage { get; set; }

    /// <summary>The server's Claim id once written.</summary>
    public string? ServerClaimId { get; set; }

    /// <summary>The server's Claim versionId we last saw (for If-Match).</summary>
    public string? ServerClaimVersion { get; set; }

    /// <summary>References written by the last finalise, space-separated.</summary>
    public string? WrittenResources { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }
}

/// <summary>One append-only history entry of an encounter's Claim (every finalise and its outcome).</summary>
public sealed class ClaimHistoryEntry : IAppendOnlyRecord
{
    /// <summary>Database key.</summary>
    public long Id { get; init; }

    /// <summary>The <see cref="CodingRecord"/> id.</summary>
    public required string CodingId { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Who (FHIR reference of the coder).</summary>
    public required string User { get; init; }

    /// <summary>The outcome.</summary>
    public ClaimWriteStatus Status { get; init; }

    /// <summary>Message (reason, conflict summary), if any.</summary>
    public string? Message { get; init; }

    /// <summary>The Claim as built at that time (FHIR JSON).</summary>
    public string? ClaimJson { get; init; }
}
