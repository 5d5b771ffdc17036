using EhrCodingAssist.Sandbox.Hosting;

namespace EhrCodingAssist.Sandbox.Auth;

/// <summary>SMART discovery (/fhir/.well-known/smart-configuration), the sandbox's JWKS and its SMART style sheet.</summary>
internal static class SmartConfigurationEndpoints
{
    public static readonly string[] Capabilities =
    [
        "launch-ehr", "launch-standalone", "client-confidential-asymmetric", "context-ehr-patient", "context-ehr-encounter",
        "context-standalone-patient", "context-banner", "context-style", "permission-v2", "permission-v1", "permission-patient",
        "permission-user", "permission-offline", "sso-openid-connect",
    ];

    private static readonly string[] GrantTypes = ["authorization_code", "refresh_token"];
    private static readonly string[] AuthMethods = ["private_key_jwt"];
    private static readonly string[] AuthAlgorithms = ["RS384", "ES384"];
    private static readonly string[] ResponseTypes = ["code"];
    private static readonly string[] ChallengeMethods = ["S256"];
    private static readonly string[] ScopesSupported =
    [
        "openid", "fhirUser", "launch", "launch/patient", "launch/encounter", "offline_access", "online_access",
        "patient/*.cruds", "patient/*.rs", "user/*.cruds", "user/*.rs", "patient/Condition.c", "patient/Provenance.c",
        "patient/Claim.c", "patient/Claim.u", "patient/Task.cu", "patient/QuestionnaireResponse.c",
    ];

    public static void MapSmartConfiguration(this WebApplication app)
    {
        app.MapGet("/fhir/.well-known/smart-configuration", (SandboxUrls urls) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = urls.FhirBase,
            ["jwks_uri"] = urls.JwksUrl,
            ["authorization_endpoint"] = urls.AuthorizeUrl,
            ["token_endpoint"] = urls.TokenUrl,
            ["grant_types_supported"] = GrantTypes,
            ["token_endpoint_auth_methods_supported"] = AuthMethods,
            ["token_endpoint_auth_signing_alg_values_supported"] = AuthAlgorithms,
            ["response_types_supported"] = ResponseTypes,
            ["code_challenge_methods_supported"] = ChallengeMethods,
            ["scopes_supported"] = ScopesSupported,
            ["capabilities"] = Capabilities,
        }));

        app.MapGet("/auth/jwks.json", (SigningKeys keys) => Results.Content(keys.JwksJson(), "application/json"));

        app.MapGet("/smart-style.json", () => Results.Json(new Dictionary<string, object>
        {
            ["color_background"] = "#f8f8f6",
            ["color_error"] = "#a4001d",
            ["color_highlight"] = "#0b4f9c",
            ["color_modal_backdrop"] = "",
            ["color_success"] = "#1a6a00",
            ["color_text"] = "#1b1b1b",
            ["dim_border_radius"] = "4px",
            ["dim_font_size"] = "16px",
            ["dim_spacing_size"] = "16px",
            ["font_family_body"] = "system-ui, sans-serif",
            ["font_family_heading"] = "system-ui, sans-serif",
        }));
    }
}
