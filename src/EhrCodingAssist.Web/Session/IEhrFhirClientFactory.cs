using Hl7.Fhir.Rest;

namespace EhrCodingAssist.Web.Session;

/// <summary>
/// Makes Firely FHIR clients for a session's EHR. The client's handler adds the session's bearer token,
/// refreshes it (same client authentication) when it is about to expire or a call returns 401, and retries once.
/// Throws <see cref="RelaunchRequiredException"/> when the refresh is refused (invalid_grant) and
/// <see cref="MissingScopeException"/> when the EHR answers 403.
/// </summary>
public interface IEhrFhirClientFactory
{
    /// <summary>A client for the session's FHIR base.</summary>
    FhirClient Create(SmartSession session);

    /// <summary>A raw HttpClient with the same token handling, for attachments and non-FHIR calls.</summary>
    HttpClient CreateHttpClient(SmartSession session);
}

/// <summary>The session's tokens can no longer be refreshed; the user must relaunch from the EHR.</summary>
public sealed class RelaunchRequiredException(string message) : Exception(message);

/// <summary>The EHR refused a call for lack of a scope; <see cref="Scope"/> names it when known.</summary>
public sealed class MissingScopeException(string? scope, string message) : Exception(message)
{
    /// <summary>The missing scope, e.g. "patient/Observation.rs".</summary>
    public string? Scope { get; } = scope;
}
