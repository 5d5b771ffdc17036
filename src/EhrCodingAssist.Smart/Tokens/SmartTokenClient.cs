using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EhrCodingAssist.Smart.Config;

namespace EhrCodingAssist.Smart.Tokens;

/// <summary>Calls the token endpoint: authorization code exchange and refresh, with the registration's client auth.</summary>
public sealed class SmartTokenClient(HttpClient http, ClientAssertionFactory assertions)
{
    /// <summary>Exchanges an authorization code (with the PKCE verifier).</summary>
    public Task<TokenResponse> ExchangeCodeAsync(TokenClientContext context, string code, string codeVerifier, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SendAsync(context, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = context.Registration.RedirectUri,
            ["code_verifier"] = codeVerifier,
        }, ct);
    }

    /// <summary>Refreshes an access token with the same client authentication.</summary>
    public Task<TokenResponse> RefreshAsync(TokenClientContext context, string refreshToken, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SendAsync(context, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }, ct);
    }

    private async Task<TokenResponse> SendAsync(TokenClientContext context, Dictionary<string, string> form, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, context.TokenEndpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Authenticate(context, request, form);
        request.Content = new FormUrlEncodedContent(form);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            throw new SmartTokenException("unreachable", "The token endpoint could not be reached.", null);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var (error, description) = ParseError(body);
                throw new SmartTokenException(error, description, (int)response.StatusCode);
            }

            TokenResponse? token;
            try
            {
                token = JsonSerializer.Deserialize<TokenResponse>(body);
            }
            catch (JsonException)
            {
                throw new SmartTokenException("invalid_response", "The token endpoint answered with invalid JSON.", (int)response.StatusCode);
            }

            if (string.IsNullOrEmpty(token?.AccessToken)
                || !string.Equals(token.TokenType, "bearer", StringComparison.OrdinalIgnoreCase))
            {
                throw new SmartTokenException("invalid_response", "The token endpoint answered without a bearer access_token.", (int)response.StatusCode);
            }

            return token;
        }
    }

    private void Authenticate(TokenClientContext context, HttpRequestMessage request, Dictionary<string, string> form)
    {
        var registration = context.Registration;
        switch (registration.ClientAuth.Method)
        {
            case ClientAuthConfig.PrivateKeyJwt:
                var key = context.SigningKey ?? throw new InvalidOperationException($"No signing key for registration '{registration.Name}'.");
                form["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
                form["client_assertion"] = assertions.Create(registration.ClientId, context.TokenEndpoint, key);
                break;

            case ClientAuthConfig.ClientSecretBasic:
                var secret = context.ClientSecret ?? throw new InvalidOperationException($"No client secret for registration '{registration.Name}'.");

                // RFC 6749 section 2.3.1: both parts are form-url-encoded before base64.
                var raw = $"{Uri.EscapeDataString(registration.ClientId)}:{Uri.EscapeDataString(secret)}";
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(raw)));
                break;

            default:
                throw new InvalidOperationException($"Unsupported client auth method '{registration.ClientAuth.Method}'.");
        }
    }

    private static (string Error, string? Description) ParseError(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var description = root.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            return (error ?? "server_error", description);
        }
        catch (JsonException)
        {
            return ("server_error", null);
        }
    }
}
