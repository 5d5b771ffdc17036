namespace EhrCodingAssist.Web.EhrFailures;

/// <summary>What was wrong with an EHR response the app read itself.</summary>
public enum EhrResponseProblem
{
    /// <summary>The EHR answered with an error status (see <see cref="EhrResponseException.Status"/>).</summary>
    Refused,

    /// <summary>The body was not FHIR JSON, or not the resource asked for.</summary>
    Malformed,

    /// <summary>The body was larger than the configured bound.</summary>
    TooLarge,
}

/// <summary>
/// An EHR response the app could not use. The message is the app's own text (what was read, the status, the bound):
/// never the EHR's diagnostics, which may name the patient. <see cref="IssueCodes"/> keeps an OperationOutcome's
/// issue codes only.
/// </summary>
public sealed class EhrResponseException(string what, EhrResponseProblem problem, int status, string message, IReadOnlyList<string>? issueCodes = null)
    : Exception(message)
{
    /// <summary>What was read, e.g. "Encounter/enc-1" or "the Observations search".</summary>
    public string What { get; } = what;

    /// <summary>The kind of problem.</summary>
    public EhrResponseProblem Problem { get; } = problem;

    /// <summary>The HTTP status the EHR answered (200 for a malformed or oversized success).</summary>
    public int Status { get; } = status;

    /// <summary>The OperationOutcome's issue codes (e.g. "not-found", "processing"), never their text.</summary>
    public IReadOnlyList<string> IssueCodes { get; } = issueCodes ?? [];
}
