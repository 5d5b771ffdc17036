using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace EhrCodingAssist.Web.Session;

/// <summary>
/// Adds the session's bearer token to calls under the session's FHIR base (and refuses any other URL, so the token
/// never leaks and the client cannot be pointed elsewhere); on 401 refreshes once and retries; 403 becomes
/// <see cref="MissingScopeException"/>.
/// </summary>
internal sealed partial class BearerTokenHandler(SessionTokenService tokens, SmartSession session) : DelegatingHandler
{
    [GeneratedRegex("scope=\"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ScopeParameter();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is null || !IsUnderFhirBase(request.RequestUri, session.FhirBase))
        {
            throw new HttpRequestException("Refused: the URL is outside the session's FHIR base.");
        }

        // Buffer the body so the request can be sent a second time after a refresh.
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var token = await tokens.GetAccessTokenAsync(session.Id, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            token = await tokens.RefreshAsync(session.Id, token, cancellationToken).ConfigureAwait(false);
            using var retry = await CloneAsync(request, cancellationToken).ConfigureAwait(false);
            retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            response = await base.SendAsync(retry, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                response.Dispose();
                throw new RelaunchRequiredException("The EHR refused the refreshed access token.");
            }
        }

        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            var scope = ScopeFromChallenge(response) ?? GuessScope(request, session.FhirBase);
            response.Dispose();
            throw new MissingScopeException(scope, $"The EHR refused the call for lack of a scope ({scope ?? "unknown"}).");
        }

        return response;
    }

    internal static bool IsUnderFhirBase(Uri url, Uri fhirBase)
    {
        var basePath = fhirBase.AbsolutePath.TrimEnd('/');
        return url.IsAbsoluteUri
            && string.Equals(url.Scheme, fhirBase.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(url.Host, fhirBase.Host, StringComparison.OrdinalIgnoreCase)
            && url.Port == fhirBase.Port
            && (url.AbsolutePath == basePath || url.AbsolutePath.StartsWith(basePath + "/", StringComparison.Ordinal));
    }

    private static string? ScopeFromChallenge(HttpResponseMessage response) =>
        response.Headers.WwwAuthenticate.Select(h => ScopeParameter().Match(h.Parameter ?? "")).FirstOrDefault(m => m.Success)?.Groups[1].Value;

    /// <summary>The v2 scope the call needed: context/Type.permission from the URL and method.</summary>
    internal static string? GuessScope(HttpRequestMessage request, Uri fhirBase)
    {
        var relative = request.RequestUri!.AbsolutePath[fhirBase.AbsolutePath.TrimEnd('/').Length..].Trim('/');
        var segments = relative.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || !char.IsAsciiLetterUpper(segments[0][0]) || !segments[0].All(char.IsAsciiLetter))
        {
            return null;
        }

        var permission = request.Method.Method switch
        {
            "GET" => segments.Length > 1 ? "r" : "s",
            "POST" => segments.Length > 1 && segments[1] == "_search" ? "s" : "c",
            "PUT" or "PATCH" => "u",
            "DELETE" => "d",
            _ => "r",
        };
        return $"patient/{segments[0]}.{permission}";
    }

    private static async Task<HttpRequestMessage> CloneAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (request.Content is not null)
        {
            var body = await request.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            clone.Content = new ByteArrayContent(body);
            foreach (var header in request.Content.Headers)
            {
                clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        foreach (var option in request.Options)
        {
            clone.Options.TryAdd(option.Key, option.Value);
        }

        return clone;
    }
}
