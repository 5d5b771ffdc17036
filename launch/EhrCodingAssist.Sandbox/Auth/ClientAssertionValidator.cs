using EhrCodingAssist.Sandbox.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EhrCodingAssist.Sandbox.Auth;

/// <summary>
/// Authenticates the client at the token endpoint with private_key_jwt (SMART App Launch 2.2 asymmetric
/// client authentication): RS384 or ES384, iss = sub = client_id, aud = the token URL, exp at most five
/// minutes ahead, a jti never seen before, and a signature by a key in the client's JWKS.
/// </summary>
internal sealed partial class ClientAssertionValidator(
    SandboxUrls urls, SandboxOptions options, AuthStore store, IHttpClientFactory httpClients, ILogger<ClientAssertionValidator> logger)
{
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Returns null when the client is authenticated, otherwise the reason.</summary>
    public async Task<string?> ValidateAsync(string? assertionType, string? assertion, string? formClientId, CancellationToken ct)
    {
        if (assertionType != AssertionType || string.IsNullOrEmpty(assertion))
        {
            return "client authentication with private_key_jwt is required (client_assertion_type jwt-bearer and client_assertion).";
        }

        if (formClientId is not null && formClientId != urls.ClientId)
        {
            return "client_id is not registered.";
        }

        JsonWebKeySet keys;
        try
        {
            keys = new JsonWebKeySet(options.ClientJwks ?? await FetchJwksAsync(ct));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ArgumentException or System.Text.Json.JsonException)
        {
            LogJwksUnavailable(logger, ex.GetType().Name);
            return "the client's JWKS could not be fetched.";
        }

        var handler = new JsonWebTokenHandler();
        var result = await handler.ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuer = urls.ClientId,
            ValidAudience = urls.TokenUrl,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha384, SecurityAlgorithms.EcdsaSha384],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateLifetime = true,
            ClockSkew = Skew,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return "client_assertion is invalid: " + (result.Exception?.GetType().Name ?? "unknown reason") + ".";
        }

        if (token.Subject != urls.ClientId)
        {
            return "client_assertion sub must equal the client_id.";
        }

        if (token.ValidTo > store.Now.UtcDateTime.Add(MaxLifetime + Skew))
        {
            return "client_assertion exp is more than five minutes ahead.";
        }

        if (string.IsNullOrEmpty(token.Id) || !store.TryUseJti(urls.ClientId, token.Id, new DateTimeOffset(token.ValidTo, TimeSpan.Zero).Add(Skew)))
        {
            return "client_assertion jti is missing or was already used.";
        }

        return null;
    }

    private async Task<string> FetchJwksAsync(CancellationToken ct)
    {
        using var client = httpClients.CreateClient(nameof(ClientAssertionValidator));
        client.Timeout = TimeSpan.FromSeconds(5);
        return await client.GetStringAsync(new Uri(urls.ClientJwksUrl), ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The client's JWKS could not be read ({ErrorType}).")]
    private static partial void LogJwksUnavailable(ILogger logger, string errorType);
}
