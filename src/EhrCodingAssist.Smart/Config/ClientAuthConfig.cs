using System.Text.Json.Serialization;

namespace EhrCodingAssist.Smart.Config;

/// <summary>
/// Client authentication at the token endpoint. Secrets are never stored here: only references
/// (an environment variable name, or a key file path outside the repo except the marked sandbox key).
/// </summary>
public sealed record ClientAuthConfig
{
    /// <summary>"private_key_jwt" or "client_secret_basic".</summary>
    [JsonPropertyName("method")]
    public required string Method { get; init; }

    /// <summary>Signing algorithm for private_key_jwt: "RS384" or "ES384".</summary>
    [JsonPropertyName("alg")]
    public string? Alg { get; init; }

    /// <summary>Key id published in the app's JWKS and put in the assertion header.</summary>
    [JsonPropertyName("kid")]
    public string? Kid { get; init; }

    /// <summary>PEM private key file; relative paths are resolved against the JSON file's folder.</summary>
    [JsonPropertyName("private_key_file")]
    public string? PrivateKeyFile { get; init; }

    /// <summary>Name of an environment variable holding the PEM private key (alternative to the file).</summary>
    [JsonPropertyName("private_key_env")]
    public string? PrivateKeyEnv { get; init; }

    /// <summary>Name of an environment variable holding the client secret (client_secret_basic).</summary>
    [JsonPropertyName("client_secret_env")]
    public string? ClientSecretEnv { get; init; }

    /// <summary>The method name for private_key_jwt.</summary>
    public const string PrivateKeyJwt = "private_key_jwt";

    /// <summary>The method name for client_secret_basic.</summary>
    public const string ClientSecretBasic = "client_secret_basic";
}
