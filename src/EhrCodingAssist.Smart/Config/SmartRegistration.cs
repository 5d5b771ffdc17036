using System.Text.Json.Serialization;

namespace EhrCodingAssist.Smart.Config;

/// <summary>One EHR client registration, read from one <c>smart-config/*.json</c> file.</summary>
public sealed record SmartRegistration
{
    /// <summary>Short unique name, e.g. "sandbox".</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>FHIR base URLs (the launch's <c>iss</c>) this registration accepts; the issuer allow-list.</summary>
    [JsonPropertyName("issuers")]
    public required IReadOnlyList<string> Issuers { get; init; }

    /// <summary>The client_id the EHR assigned.</summary>
    [JsonPropertyName("client_id")]
    public required string ClientId { get; init; }

    /// <summary>How the app authenticates at the token endpoint.</summary>
    [JsonPropertyName("client_auth")]
    public required ClientAuthConfig ClientAuth { get; init; }

    /// <summary>Requested scopes in SMART v2 syntax, space separated; converted to v1 when the server only speaks v1.</summary>
    [JsonPropertyName("scopes")]
    public required string Scopes { get; init; }

    /// <summary>Scopes without which the app cannot work; a launch that is not granted one of them gets a 403 page naming it.</summary>
    [JsonPropertyName("required_scopes")]
    public IReadOnlyList<string> RequiredScopes { get; init; } = [];

    /// <summary>The exact redirect URI registered with the EHR (the app's <c>/callback</c>).</summary>
    [JsonPropertyName("redirect_uri")]
    public required string RedirectUri { get; init; }

    /// <summary>Accepted launch types: "ehr" and/or "standalone".</summary>
    [JsonPropertyName("launch_types")]
    public IReadOnlyList<string> LaunchTypes { get; init; } = ["ehr"];

    /// <summary>App role when the token response carries no intent: "physician", "cdi" or "coder". Defaults to "cdi".</summary>
    [JsonPropertyName("default_role")]
    public string DefaultRole { get; init; } = "cdi";

    /// <summary>Whether the issuers join the allow-list. Disabled entries are validated for shape only. Defaults to true.</summary>
    [JsonPropertyName("enabled")]
    public bool Enabled { get; init; } = true;

    /// <summary>Free-text notes for administrators (ignored by the app).</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    /// <summary>Field-by-field documentation (used by the template; ignored by the app).</summary>
    [JsonPropertyName("$comment")]
    public System.Text.Json.JsonElement? Comment { get; init; }

    /// <summary>The file this registration came from (set by the loader, for error messages).</summary>
    [JsonIgnore]
    public string SourceFile { get; init; } = "";

    /// <summary>Whether the registration allows the given launch type ("ehr" or "standalone").</summary>
    public bool AllowsLaunchType(string launchType) =>
        LaunchTypes.Contains(launchType, StringComparer.OrdinalIgnoreCase);
}
