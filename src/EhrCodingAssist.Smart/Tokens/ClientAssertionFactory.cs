using System.Security.Claims;
using EhrCodingAssist.Smart.Authorization;
using EhrCodingAssist.Smart.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EhrCodingAssist.Smart.Tokens;

/// <summary>
/// Builds private_key_jwt client assertions (SMART asymmetric client authentication): header alg, kid,
/// typ=JWT; claims iss=sub=client_id, aud=token URL, exp within five minutes, unique jti.
/// </summary>
public sealed class ClientAssertionFactory(TimeProvider time)
{
    /// <summary>Assertion lifetime: under the five-minute maximum.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(4);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>Creates a signed assertion.</summary>
    public string Create(string clientId, Uri tokenEndpoint, ClientSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(tokenEndpoint);
        ArgumentNullException.ThrowIfNull(key);
        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = tokenEndpoint.AbsoluteUri,
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, clientId)]),
            Claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Jti] = Pkce.RandomToken(16) },
            IssuedAt = now,
            Expires = now + Lifetime,
            TokenType = "JWT",
            SigningCredentials = new SigningCredentials(key.Key, key.Algorithm),
        };
        return Handler.CreateToken(descriptor);
    }
}
