namespace EhrCodingAssist.Sandbox.Hosting;

/// <summary>The sandbox's resolved addresses (free ports already chosen) and its client registration.</summary>
public sealed record SandboxUrls
{
    /// <summary>The EHR's root, e.g. http://127.0.0.1:5100 (no trailing slash); the launch page is here.</summary>
    public required string EhrBase { get; init; }

    /// <summary>The app's root, e.g. http://127.0.0.1:5000.</summary>
    public required string AppBase { get; init; }

    /// <summary>The client id the sandbox accepts.</summary>
    public required string ClientId { get; init; }

    /// <summary>Registered redirect URIs.</summary>
    public required IReadOnlyList<string> RedirectUris { get; init; }

    /// <summary>The client's JWKS URL.</summary>
    public required string ClientJwksUrl { get; init; }

    /// <summary>The FHIR base URL (the launch's iss and the token audience).</summary>
    public string FhirBase => EhrBase + "/fhir";

    /// <summary>The authorization endpoint.</summary>
    public string AuthorizeUrl => EhrBase + "/auth/authorize";

    /// <summary>The token endpoint (the aud of client assertions).</summary>
    public string TokenUrl => EhrBase + "/auth/token";

    /// <summary>The sandbox's id_token keys.</summary>
    public string JwksUrl => EhrBase + "/auth/jwks.json";

    /// <summary>The SMART style sheet.</summary>
    public string StyleUrl => EhrBase + "/smart-style.json";

    /// <summary>The launch link for an encounter and role ("physician", "cdi" or "coder").</summary>
    public string LaunchLink(string encounterId, string role) =>
        $"{EhrBase}/launch-app?encounter={Uri.EscapeDataString(encounterId)}&role={Uri.EscapeDataString(role)}";
}
