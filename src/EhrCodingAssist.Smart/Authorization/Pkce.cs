using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace EhrCodingAssist.Smart.Authorization;

/// <summary>PKCE (RFC 7636) with S256 only, plus the random state value.</summary>
public static class Pkce
{
    /// <summary>A fresh code verifier: 32 random bytes, base64url (43 characters).</summary>
    public static string CreateVerifier() => RandomToken(32);

    /// <summary>The S256 challenge of a verifier.</summary>
    public static string ChallengeS256(string verifier) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>A random url-safe token with <paramref name="bytes"/> bytes of entropy (state, session ids).</summary>
    public static string RandomToken(int bytes = 32) => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(bytes));
}
