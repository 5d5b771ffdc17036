using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.IdentityModel.Tokens;

namespace EhrCodingAssist.Smart.Keys;

/// <summary>A private key the app signs client assertions with, and its public JWK.</summary>
public sealed class ClientSigningKey
{
    private ClientSigningKey(SecurityKey key, string alg, PublicJwk publicJwk)
    {
        Key = key;
        Algorithm = alg;
        PublicJwk = publicJwk;
    }

    /// <summary>The signing key (private), with its KeyId set.</summary>
    public SecurityKey Key { get; }

    /// <summary>"RS384" or "ES384".</summary>
    public string Algorithm { get; }

    /// <summary>The public half as a JWK (never any private parameter).</summary>
    public PublicJwk PublicJwk { get; }

    /// <summary>The key id.</summary>
    public string KeyId => Key.KeyId;

    /// <summary>Reads a PEM private key (PKCS#1, PKCS#8 or SEC1) for <paramref name="alg"/>.</summary>
    public static ClientSigningKey FromPem(string pem, string alg, string kid)
    {
        ArgumentException.ThrowIfNullOrEmpty(pem);
        ArgumentException.ThrowIfNullOrEmpty(kid);
        switch (alg)
        {
            case SecurityAlgorithms.RsaSha384:
            {
                var rsa = RSA.Create();
                rsa.ImportFromPem(pem);
                if (rsa.KeySize < 2048)
                {
                    throw new CryptographicException("RS384 keys must be at least 2048 bits.");
                }

                var p = rsa.ExportParameters(includePrivateParameters: false);
                var jwk = new PublicJwk
                {
                    Kty = "RSA", Kid = kid, Alg = alg,
                    N = Base64UrlEncoder.Encode(p.Modulus), E = Base64UrlEncoder.Encode(p.Exponent),
                };
                return new ClientSigningKey(new RsaSecurityKey(rsa) { KeyId = kid }, alg, jwk);
            }

            case SecurityAlgorithms.EcdsaSha384:
            {
                var ec = ECDsa.Create();
                ec.ImportFromPem(pem);
                var p = ec.ExportParameters(includePrivateParameters: false);
                if (p.Curve.Oid.FriendlyName is not ("nistP384" or "ECDSA_P384" or "secp384r1"))
                {
                    throw new CryptographicException("ES384 keys must be on curve P-384.");
                }

                var jwk = new PublicJwk
                {
                    Kty = "EC", Kid = kid, Alg = alg, Crv = "P-384",
                    X = Base64UrlEncoder.Encode(p.Q.X), Y = Base64UrlEncoder.Encode(p.Q.Y),
                };
                return new ClientSigningKey(new ECDsaSecurityKey(ec) { KeyId = kid }, alg, jwk);
            }

            default:
                throw new ArgumentException($"Unsupported client assertion algorithm '{alg}'.", nameof(alg));
        }
    }
}

/// <summary>A public JSON Web Key as published at <c>/.well-known/jwks.json</c>.</summary>
public sealed record PublicJwk
{
    /// <summary>Key type: RSA or EC.</summary>
    [JsonPropertyName("kty")]
    public required string Kty { get; init; }

    /// <summary>Key id.</summary>
    [JsonPropertyName("kid")]
    public required string Kid { get; init; }

    /// <summary>Algorithm.</summary>
    [JsonPropertyName("alg")]
    public required string Alg { get; init; }

    /// <summary>Always "sig".</summary>
    [JsonPropertyName("use")]
    public string Use { get; init; } = "sig";

    /// <summary>Key operations: verify only.</summary>
    [JsonPropertyName("key_ops")]
    public IReadOnlyList<string> KeyOps { get; init; } = ["verify"];

    /// <summary>RSA modulus.</summary>
    [JsonPropertyName("n")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? N { get; init; }

    /// <summary>RSA exponent.</summary>
    [JsonPropertyName("e")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? E { get; init; }

    /// <summary>EC curve.</summary>
    [JsonPropertyName("crv")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Crv { get; init; }

    /// <summary>EC x.</summary>
    [JsonPropertyName("x")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? X { get; init; }

    /// <summary>EC y.</summary>
    [JsonPropertyName("y")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Y { get; init; }
}
