using System.Text.Json;
using System.Text.Json.Serialization;

namespace EhrCodingAssist.Smart.Tokens;

/// <summary>The token endpoint's answer, with the SMART launch context parameters.</summary>
public sealed record TokenResponse
{
    /// <summary>The access token; opaque to the app.</summary>
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    /// <summary>"Bearer".</summary>
    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    /// <summary>Lifetime in seconds; a number sent as a JSON string ("3600") is read too.</summary>
    [JsonPropertyName("expires_in")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? ExpiresIn { get; init; }

    /// <summary>Granted scopes (when absent, the requested ones were granted).</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; init; }

    /// <summary>Refresh token, if issued.</summary>
    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; init; }

    /// <summary>OpenID Connect id_token, if openid was requested.</summary>
    [JsonPropertyName("id_token")]
    public string? IdToken { get; init; }

    /// <summary>Patient in context.</summary>
    [JsonPropertyName("patient")]
    public string? Patient { get; init; }

    /// <summary>Encounter in context.</summary>
    [JsonPropertyName("encounter")]
    public string? Encounter { get; init; }

    /// <summary>Additional context (SMART 2.x fhirContext array).</summary>
    [JsonPropertyName("fhirContext")]
    public JsonElement? FhirContext { get; init; }

    /// <summary>Whether the app should show a patient banner.</summary>
    [JsonPropertyName("need_patient_banner")]
    public bool? NeedPatientBanner { get; init; }

    /// <summary>The EHR's styling document.</summary>
    [JsonPropertyName("smart_style_url")]
    public string? SmartStyleUrl { get; init; }

    /// <summary>Launch intent.</summary>
    [JsonPropertyName("intent")]
    public string? Intent { get; init; }

    /// <summary>Tenant.</summary>
    [JsonPropertyName("tenant")]
    public string? Tenant { get; init; }
}
