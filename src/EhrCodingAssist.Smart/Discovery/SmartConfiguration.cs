using System.Text.Json.Serialization;

namespace EhrCodingAssist.Smart.Discovery;

/// <summary>The server's <c>.well-known/smart-configuration</c> document (the fields the app uses).</summary>
public sealed record SmartConfiguration
{
    /// <summary>The OpenID issuer of id_tokens, when the server supports openid.</summary>
    [JsonPropertyName("issuer")]
    public string? Issuer { get; init; }

    /// <summary>Where the server publishes its id_token signing keys.</summary>
    [JsonPropertyName("jwks_uri")]
    public string? JwksUri { get; init; }

    /// <summary>The authorize endpoint.</summary>
    [JsonPropertyName("authorization_endpoint")]
    public required string AuthorizationEndpoint { get; init; }

    /// <summary>The token endpoint.</summary>
    [JsonPropertyName("token_endpoint")]
    public required string TokenEndpoint { get; init; }

    /// <summary>Client authentication methods the token endpoint accepts.</summary>
    [JsonPropertyName("token_endpoint_auth_methods_supported")]
    public IReadOnlyList<string>? TokenEndpointAuthMethodsSupported { get; init; }

    /// <summary>Assertion signing algorithms the token endpoint accepts.</summary>
    [JsonPropertyName("token_endpoint_auth_signing_alg_values_supported")]
    public IReadOnlyList<string>? TokenEndpointAuthSigningAlgValuesSupported { get; init; }

    /// <summary>Scopes the server advertises.</summary>
    [JsonPropertyName("scopes_supported")]
    public IReadOnlyList<string>? ScopesSupported { get; init; }

    /// <summary>SMART capabilities (launch-ehr, permission-v2, ...).</summary>
    [JsonPropertyName("capabilities")]
    public IReadOnlyList<string>? Capabilities { get; init; }

    /// <summary>PKCE methods; the app requires S256.</summary>
    [JsonPropertyName("code_challenge_methods_supported")]
    public IReadOnlyList<string>? CodeChallengeMethodsSupported { get; init; }

    /// <summary>True when this came from the CapabilityStatement's oauth-uris extension (legacy fallback).</summary>
    [JsonIgnore]
    public bool FromCapabilityStatement { get; init; }

    /// <summary>Whether the server advertises a capability.</summary>
    public bool Has(string capability) => Capabilities?.Contains(capability, StringComparer.Ordinal) == true;
}
