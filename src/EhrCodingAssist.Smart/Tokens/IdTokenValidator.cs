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

/// <summary>Validates an id_token against the server's jwks_uri: signature, iss, aud (client id) and exp.</summary>
public sealed class IdTokenValidator(HttpClient http, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>Validates and returns the claims; throws <see cref="IdTokenValidationException"/>.</summary>
    public async Task<IdTokenClaims> ValidateAsync(string idToken, Uri jwksUri, string expectedIssuer, string clientId, CancellationToken ct = default)
    {
        JsonWebKeySet keys;
        try
        {
            keys = new JsonWebKeySet(await http.GetStringAsync(jwksUri, ct).ConfigureAwait(false));
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

    private bool ValidLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp && exp + skew > now && (notBefore is not { } nbf || nbf - skew <= now);
    }
}
