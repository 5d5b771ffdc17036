using System.Net.Http.Headers;
using System.Text.Json;
using EhrCodingAssist.Smart.Caching;

namespace EhrCodingAssist.Smart.Discovery;

/// <summary>
/// Reads <c>{iss}/.well-known/smart-configuration</c>, falling back to the CapabilityStatement's oauth-uris
/// extension, and requires PKCE S256. Only call it with an issuer that passed the allow-list.
/// With a <see cref="SmartMetadataCache"/>, a valid configuration is reused per issuer for as long as the EHR's
/// caching headers allow; concurrent launches share one fetch and failures are not cached.
/// </summary>
public sealed class SmartDiscoveryClient(HttpClient http, SmartMetadataCache? cache = null)
{
    private const string OAuthUrisExtension = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";
    private const string CacheKind = "smart-configuration";

    /// <summary>Discovers the server's endpoints and capabilities.</summary>
    public async Task<SmartConfiguration> DiscoverAsync(Uri fhirBase, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fhirBase);
        var baseText = fhirBase.AbsoluteUri.TrimEnd('/');
        if (cache is null)
        {
            return (await FetchAsync(baseText, ct).ConfigureAwait(false)).Value;
        }

        var cached = await cache.GetAsync(CacheKind, baseText, cache.IsFresh, () => FetchAsync(baseText, CancellationToken.None), ct)
            .ConfigureAwait(false);
        return cached.Value;
    }

    private async Task<Fetched<SmartConfiguration>> FetchAsync(string baseText, CancellationToken ct)
    {
        var fetched = await TryWellKnownAsync(new Uri(baseText + "/.well-known/smart-configuration"), ct).ConfigureAwait(false)
            ?? await TryCapabilityStatementAsync(new Uri(baseText + "/metadata"), ct).ConfigureAwait(false)
            ?? throw new SmartDiscoveryException(DiscoveryFailure.Unreachable, "The EHR publishes neither a SMART configuration nor a CapabilityStatement with oauth-uris.");
        var config = fetched.Value;

        if (!IsWebUrl(config.AuthorizationEndpoint) || !IsWebUrl(config.TokenEndpoint)
            || (config.JwksUri is not null && !IsWebUrl(config.JwksUri)))
        {
            throw new SmartDiscoveryException(DiscoveryFailure.Invalid, "The EHR's SMART configuration lacks https authorization, token or jwks endpoints.");
        }

        // SMART 2.x requires S256. A legacy server known only through its CapabilityStatement cannot say so;
        // PKCE is still sent and a server that ignores it is no worse than without.
        if (!config.FromCapabilityStatement
            && config.CodeChallengeMethodsSupported?.Contains("S256", StringComparer.Ordinal) != true)
        {
            throw new SmartDiscoveryException(DiscoveryFailure.MissingS256, "The EHR does not advertise PKCE S256 (code_challenge_methods_supported).");
        }

        return fetched;
    }

    /// <summary>https, or http on loopback only (the local sandbox); never file:, relative or other schemes.</summary>
    internal static bool IsWebUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    private async Task<Fetched<SmartConfiguration>?> TryWellKnownAsync(Uri url, CancellationToken ct)
    {
        using var response = await SendAsync(url, "application/json", ct).ConfigureAwait(false);
        if (response is null || !response.IsSuccessStatusCode)
        {
            return null;
        }

        try
        {
            var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var config = await JsonSerializer.DeserializeAsync<SmartConfiguration>(stream, cancellationToken: ct).ConfigureAwait(false);
                return config is null ? null : new Fetched<SmartConfiguration>(config, HttpFreshness.From(response));
            }
        }
        catch (JsonException ex)
        {
            throw new SmartDiscoveryException(DiscoveryFailure.Invalid, "The EHR's SMART configuration is not valid JSON or lacks required fields.", ex);
        }
    }

    private async Task<Fetched<SmartConfiguration>?> TryCapabilityStatementAsync(Uri url, CancellationToken ct)
    {
        using var response = await SendAsync(url, "application/fhir+json", ct).ConfigureAwait(false);
        if (response is null || !response.IsSuccessStatusCode)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
            string? authorize = null, token = null;
            foreach (var rest in Array(doc.RootElement, "rest"))
            {
                if (!rest.TryGetProperty("security", out var security))
                {
                    continue;
                }

                foreach (var ext in Array(security, "extension").Where(e => Url(e) == OAuthUrisExtension))
                {
                    foreach (var inner in Array(ext, "extension"))
                    {
                        var value = inner.TryGetProperty("valueUri", out var v) ? v.GetString() : null;
                        switch (Url(inner))
                        {
                            case "authorize": authorize = value; break;
                            case "token": token = value; break;
                        }
                    }
                }
            }

            return authorize is null || token is null
                ? null
                : new Fetched<SmartConfiguration>(
                    new SmartConfiguration { AuthorizationEndpoint = authorize, TokenEndpoint = token, FromCapabilityStatement = true },
                    HttpFreshness.From(response));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<HttpResponseMessage?> SendAsync(Uri url, string accept, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        try
        {
            return await http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static List<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
            ? [.. a.EnumerateArray()]
            : [];

    private static string? Url(JsonElement e) => e.TryGetProperty("url", out var u) ? u.GetString() : null;
}
