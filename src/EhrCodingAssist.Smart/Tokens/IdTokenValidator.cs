using EhrCodingAssist.Smart.Caching;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EhrCodingAssist.Smart.Tokens;

/// <summary>The id_token failed validation (signature, issuer, audience or lifetime).</summary>
public sealed class IdTokenValidationException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The claims the app takes from a valid id_token.</summary>
public sealed record IdTokenClaims
{
    /// <summary>The user as a relative FHIR reference (e.g. Practitioner/123), if given.</summary>
    public string? FhirUser { get; init; }

    /// <summary>The subject.</summary>
    public string? Subject { get; init; }
}

/// <summary>
/// Validates an id_token against the server's jwks_uri: signature, iss, aud (client id) and exp. With a
/// <see cref="SmartMetadataCache"/>, the JWKS is reused per jwks_uri; a token whose kid the cached set lacks re-fetches
/// it once (key rotation), at most once per <see cref="SmartMetadataCacheOptions.JwksMinRefreshInterval"/>.
/// </summary>
public sealed class IdTokenValidator(HttpClient http, TimeProvider time, SmartMetadataCache? cache = null)
{
    private const string CacheKind = "jwks";
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>Validates and returns the claims; throws <see cref="IdTokenValidationException"/>.</summary>
    public async Task<IdTokenClaims> ValidateAsync(string idToken, Uri jwksUri, string expectedIssuer, string clientId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(jwksUri);
        JsonWebKeySet keys;
        try
        {
            keys = await GetKeysAsync(jwksUri, KeyId(idToken), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or ArgumentException)
        {
            throw new IdTokenValidationException("The EHR's jwks_uri could not be read.", ex);
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = expectedIssuer,
            ValidAudience = clientId,
            IssuerSigningKeys = keys.GetSigningKeys(),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
            LifetimeValidator = (notBefore, expires, _, p) => ValidLifetime(notBefore, expires, p.ClockSkew),
            ValidAlgorithms = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384"],
        };
        var result = await Handler.ValidateTokenAsync(idToken, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw new IdTokenValidationException($"The id_token is not valid ({result.Exception?.GetType().Name ?? "unknown"}).", result.Exception);
        }

        var claims = result.Claims;
        var fhirUser = claims.TryGetValue("fhirUser", out var fu) ? fu as string
            : claims.TryGetValue("profile", out var pr) ? pr as string : null;
        return new IdTokenClaims
        {
            FhirUser = FhirUserReference.TryParse(fhirUser),
            Subject = claims.TryGetValue("sub", out var sub) ? sub as string : null,
        };
    }

    private async Task<JsonWebKeySet> GetKeysAsync(Uri jwksUri, string? kid, CancellationToken ct)
    {
        if (cache is null)
        {
            return (await FetchKeysAsync(jwksUri, ct).ConfigureAwait(false)).Value;
        }

        var key = jwksUri.AbsoluteUri;
        var cached = await cache.GetAsync(CacheKind, key, cache.IsFresh, () => FetchKeysAsync(jwksUri, CancellationToken.None), ct)
            .ConfigureAwait(false);
        if (kid is null || HasKey(cached.Value, kid) || RecentlyFetched(cached))
        {
            return cached.Value;
        }

        // Unknown kid: the EHR may have rotated its keys. Re-fetch, unless another caller just did.
        cached = await cache.GetAsync(CacheKind, key, c => cache.IsFresh(c) && (HasKey(c.Value, kid) || RecentlyFetched(c)),
            () => FetchKeysAsync(jwksUri, CancellationToken.None), ct).ConfigureAwait(false);
        return cached.Value;
    }

    private bool RecentlyFetched(CachedValue<JsonWebKeySet> cached) =>
        time.GetUtcNow() - cached.FetchedAt < cache!.Options.JwksMinRefreshInterval;

    private static bool HasKey(JsonWebKeySet set, string kid) => set.Keys.Any(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));

    private static string? KeyId(string idToken)
    {
        try
        {
            return Handler.CanReadToken(idToken) ? Handler.ReadJsonWebToken(idToken).Kid : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private async Task<Fetched<JsonWebKeySet>> FetchKeysAsync(Uri jwksUri, CancellationToken ct)
    {
        using var response = await http.GetAsync(jwksUri, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return new Fetched<JsonWebKeySet>(new JsonWebKeySet(json), HttpFreshness.From(response));
    }

    private bool ValidLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp && exp + skew > now && (notBefore is not { } nbf || nbf - skew <= now);
    }
}
