using System.Text.Json;

namespace EhrCodingAssist.Web.Session;

/// <summary>Who is using the app, from the launch's intent (or the smart-config default).</summary>
public enum AppRole
{
    /// <summary>Answers documentation queries.</summary>
    Physician,

    /// <summary>Clinical documentation improvement specialist: reviews gaps, sends queries.</summary>
    Cdi,

    /// <summary>Finalises codes and the claim.</summary>
    Coder,
}

/// <summary>
/// The launch context of one browser session, as the pages and APIs see it. Tokens are NOT here: they stay in
/// the server-side token store and are only attached to outgoing EHR calls by <see cref="IEhrFhirClientFactory"/>.
/// </summary>
public sealed record SmartSession
{
    /// <summary>Opaque server-side session id (the cookie maps to it).</summary>
    public required string Id { get; init; }

    /// <summary>Name of the smart-config registration used (e.g. "sandbox").</summary>
    public required string Registration { get; init; }

    /// <summary>The FHIR base URL (the launch's iss).</summary>
    public required Uri FhirBase { get; init; }

    /// <summary>Patient id in context.</summary>
    public string? PatientId { get; init; }

    /// <summary>Encounter id in context (null: the app shows a picker of in-progress encounters).</summary>
    public string? EncounterId { get; init; }

    /// <summary>The user, as a FHIR reference such as "Practitioner/123".</summary>
    public string? FhirUser { get; init; }

    /// <summary>Scopes actually granted by the authorization server.</summary>
    public required IReadOnlySet<string> GrantedScopes { get; init; }

    /// <summary>Whether the EHR asked the app to show a patient banner.</summary>
    public bool NeedPatientBanner { get; init; }

    /// <summary>The EHR's style sheet (SMART styling JSON), if given.</summary>
    public Uri? SmartStyleUrl { get; init; }

    /// <summary>The launch intent, if any.</summary>
    public string? Intent { get; init; }

    /// <summary>Tenant, if the EHR sent one.</summary>
    public string? Tenant { get; init; }

    /// <summary>The fhirContext array of the token response, if any.</summary>
    public JsonElement? FhirContext { get; init; }

    /// <summary>The user's role in this app.</summary>
    public required AppRole Role { get; init; }
}
