using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace EhrCodingAssist.Sandbox.Auth;

/// <summary>The context a launch link carries into authorization: patient, encounter and the user's role.</summary>
internal sealed record LaunchContext(string PatientId, string? EncounterId, string? Role, DateTimeOffset Expires);

/// <summary>An issued authorization code, bound to the client, redirect_uri and PKCE challenge.</summary>
internal sealed record AuthorizationCode(
    string ClientId, string RedirectUri, string CodeChallenge, ScopeSet Scopes, string? PatientId, string? EncounterId, string? Role, string? Nonce,
    DateTimeOffset Expires);

/// <summary>What an access or refresh token stands for.</summary>
internal sealed record TokenGrant(
    string ClientId, ScopeSet Scopes, string? PatientId, string? EncounterId, string? Role, DateTimeOffset Expires, string? FromCode = null);

/// <summary>
/// In-memory launches, codes, tokens and seen client-assertion jti values. Codes are single use: a replayed
/// code is refused and the tokens it produced are revoked (RFC 6749 §4.1.2).
/// </summary>
internal sealed class AuthStore(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, LaunchContext> _launches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AuthorizationCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _usedCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenGrant> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenGrant> _refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _jtis = new(StringComparer.Ordinal);

    public DateTimeOffset Now => clock.GetUtcNow();

    public string AddLaunch(string patientId, string? encounterId, string? role)
    {
        var token = NewToken();
        _launches[token] = new LaunchContext(patientId, encounterId, role, Now.AddHours(1));
        return token;
    }

    public LaunchContext? FindLaunch(string? token) =>
        token is not null && _launches.TryGetValue(token, out var launch) && launch.Expires > Now ? launch : null;

    public string AddCode(AuthorizationCode code)
    {
        var value = NewToken();
        _codes[value] = code;
        return value;
    }

    /// <summary>Takes a code once. A second use returns null and revokes every token issued from it.</summary>
    public AuthorizationCode? RedeemCode(string code, out bool replayed)
    {
        replayed = !_usedCodes.TryAdd(code, 0);
        if (replayed)
        {
            foreach (var (token, grant) in _accessTokens.Where(t => t.Value.FromCode == code).ToList())
            {
                _accessTokens.TryRemove(token, out _);
            }

            foreach (var (token, grant) in _refreshTokens.Where(t => t.Value.FromCode == code).ToList())
            {
                _refreshTokens.TryRemove(token, out _);
            }

            return null;
        }

        return _codes.TryRemove(code, out var found) && found.Expires > Now ? found : null;
    }

    public string AddAccessToken(TokenGrant grant)
    {
        var token = NewToken();
        _accessTokens[token] = grant;
        return token;
    }

    public TokenGrant? FindAccessToken(string token) =>
        _accessTokens.TryGetValue(token, out var grant) && grant.Expires > Now ? grant : null;

    public string AddRefreshToken(TokenGrant grant)
    {
        var token = NewToken();
        _refreshTokens[token] = grant;
        return token;
    }

    public TokenGrant? FindRefreshToken(string token) =>
        _refreshTokens.TryGetValue(token, out var grant) && grant.Expires > Now ? grant : null;

    /// <summary>Records a client assertion's jti; false when it was already used and has not expired.</summary>
    public bool TryUseJti(string clientId, string jti, DateTimeOffset expires)
    {
        foreach (var stale in _jtis.Where(j => j.Value < Now).Select(j => j.Key).ToList())
        {
            _jtis.TryRemove(stale, out _);
        }

        return _jtis.TryAdd(clientId + " " + jti, expires);
    }

    private static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
