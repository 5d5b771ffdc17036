using System.Text.Json;
using EhrCodingAssist.Web.Session;
using Microsoft.Extensions.Caching.Memory;

namespace EhrCodingAssist.Web.Pages.Style;

/// <summary>
/// Fetches the session's smart_style_url server-side and turns it into CSS variables, cached per URL. The style is
/// public (SMART App Launch): it is fetched without the bearer token or any credential, from the EHR's own origin
/// (which may lie outside the FHIR base, and may be plain HTTP like the sandbox) or over HTTPS from any other, within
/// 64 KiB and 3 seconds. Failures leave the app's own style.
/// </summary>
internal sealed partial class SmartStyleSource(
    IHttpClientFactory httpClients,
    IMemoryCache cache,
    ILogger<SmartStyleSource> logger)
{
    /// <summary>Name of the credential-free HttpClient used for styles on other origins.</summary>
    public const string AnonymousClient = "smart-style";

    private const int MaxBytes = 64 * 1024;

    /// <summary>The <c>:root</c> CSS for the session's style, or empty.</summary>
    public async Task<string> CssAsync(SmartSession? session, CancellationToken ct)
    {
        if (session?.SmartStyleUrl is not { IsAbsoluteUri: true } url)
        {
            return string.Empty;
        }

        var key = "smart-style:" + url.AbsoluteUri;
        if (cache.TryGetValue(key, out string? cached) && cached is not null)
        {
            return cached;
        }

        var css = await FetchAsync(session, url, ct);
        cache.Set(key, css, TimeSpan.FromMinutes(10));
        return css;
    }

    private async Task<string> FetchAsync(SmartSession session, Uri url, CancellationToken ct)
    {
        var sameOrigin = Uri.Compare(url, session.FhirBase, UriComponents.SchemeAndServer, UriFormat.Unescaped,
            StringComparison.OrdinalIgnoreCase) == 0;
        if (!sameOrigin && url.Scheme != Uri.UriSchemeHttps)
        {
            LogSkipped(logger);
            return string.Empty;
        }

        try
        {
            var http = httpClients.CreateClient(AnonymousClient);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > MaxBytes)
            {
                LogFailed(logger, (int)response.StatusCode);
                return string.Empty;
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            if (await Encounters.Reading.EhrReader.ReadUpToAsync(stream, MaxBytes, timeout.Token) is not { } body)
            {
                LogFailed(logger, (int)response.StatusCode);
                return string.Empty;
            }

            using var json = JsonDocument.Parse(body);
            return SmartStyle.ToCss(json.RootElement);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            LogFailed(logger, 0);
            return string.Empty;
        }
    }

    [LoggerMessage(EventId = 3200, Level = LogLevel.Warning, Message = "SMART style not applied: fetch failed (HTTP {Status})")]
    private static partial void LogFailed(ILogger logger, int status);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "SMART style not applied: a style URL on another origin must use HTTPS")]
    private static partial void LogSkipped(ILogger logger);
}
