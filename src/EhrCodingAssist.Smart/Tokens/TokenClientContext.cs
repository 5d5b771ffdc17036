using EhrCodingAssist.Smart.Config;
using EhrCodingAssist.Smart.Keys;

namespace EhrCodingAssist.Smart.Tokens;

/// <summary>What a token request needs to authenticate the client: the registration, endpoint and key or secret.</summary>
public sealed record TokenClientContext
{
    /// <summary>The registration (client id, auth method).</summary>
    public required SmartRegistration Registration { get; init; }

    /// <summary>The server's token endpoint.</summary>
    public required Uri TokenEndpoint { get; init; }

    /// <summary>The signing key for private_key_jwt.</summary>
    public ClientSigningKey? SigningKey { get; init; }

    /// <summary>The client secret for client_secret_basic (resolved from its environment reference).</summary>
    public string? ClientSecret { get; init; }
}
