using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace EhrCodingAssist.Sandbox.Auth;

/// <summary>The sandbox's id_token signing key: RSA, generated at start, never stored, published at /auth/jwks.json.</summary>
internal sealed class SigningKeys : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public SigningKeys()
    {
        KeyId = "sandbox-rs256-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        Key = new RsaSecurityKey(_rsa) { KeyId = KeyId };
        Credentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256);
    }

    public string KeyId { get; }

    public RsaSecurityKey Key { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>The public key set as JSON (RFC 7517).</summary>
    public string JwksJson()
    {
        var p = _rsa.ExportParameters(includePrivateParameters: false);
        var key = new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        return JsonSerializer.Serialize(new { keys = new[] { key } });
    }

    public void Dispose() => _rsa.Dispose();
}
