namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>One field that differs between the coder's Claim and the server's.</summary>
public sealed record ClaimChange(string Field, string? Ours, string? Server);

/// <summary>What a finalise did; the endpoint maps it to 200, 409 or 422.</summary>
public sealed record FinalizeOutcome(string Status)
{
    /// <summary>References written (Claim, Conditions, Provenance).</summary>
    public IReadOnlyList<string> Written { get; init; } = [];

    /// <summary>The Claim reference on the server, when written.</summary>
    public string? Claim { get; init; }

    /// <summary>Why it was not written (or the conflict summary).</summary>
    public string? Message { get; init; }

    /// <summary>Blocking edits (422).</summary>
    public IReadOnlyList<EditView> BlockingEdits { get; init; } = [];

    /// <summary>Validation problems: nothing was sent (422).</summary>
    public IReadOnlyList<string> Invalid { get; init; } = [];

    /// <summary>The server's version after a 409/412 and what differs from ours.</summary>
    public string? ServerVersion { get; init; }

    /// <summary>Differences between ours and the server's Claim (409).</summary>
    public IReadOnlyList<ClaimChange> Changes { get; init; } = [];
}
