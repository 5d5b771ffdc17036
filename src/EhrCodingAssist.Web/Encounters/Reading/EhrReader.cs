using System.Net.Http.Headers;
using System.Text.Json;
using EhrCodingAssist.Web.EhrFailures;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Web.Encounters.Reading;

/// <summary>One read resource and the unreadable values that were blanked in it (named on the page).</summary>
internal sealed record ReadResult<T>(T Resource, IReadOnlyList<string> Blanked)
    where T : Resource;

/// <summary>
/// Reads and searches the EHR with bounded memory: a read's body is cut at <c>maxResponseBytes</c>, a search page is
/// streamed (<see cref="BundlePageReader"/>) entry by entry. Every failure is an <see cref="EhrResponseException"/>
/// in the app's words with the OperationOutcome's issue codes (never its text).
/// </summary>
internal sealed class EhrReader(HttpClient http, Uri fhirBase, long maxResponseBytes)
{
    private const int MaxOutcomeBytes = 64 * 1024;

    /// <summary>The session's FHIR base.</summary>
    public Uri FhirBase => fhirBase;

    /// <summary>
    /// Reads <c>Type/id</c>. Values that are not valid FHIR are blanked and reported (the caller cannot do without
    /// this resource); a body that is no such resource throws.
    /// </summary>
    public async Task<ReadResult<T>> ReadAsync<T>(string location, CancellationToken ct)
        where T : Resource
    {
        using var response = await GetAsync(new Uri(FhirBaseUri.WithTrailingSlash(fhirBase), location), location, ct).ConfigureAwait(false);
        var body = await ReadBoundedAsync(response.Content, location, ct).ConfigureAwait(false);
        var entry = EntryReader.ReadResource(body, location);
        if (entry.Resource is not T resource)
        {
            var why = entry.Resource is null ? entry.SkipReason ?? "it is not FHIR" : $"it is a {entry.Resource.TypeName}, not a {typeof(T).Name}";
            throw new EhrResponseException(location, EhrResponseProblem.Malformed, (int)response.StatusCode, $"The EHR's answer to {location} could not be read: {why}.");
        }

        var blanked = entry.SkipReason is null ? [] : Clinical.Ingest.UnreadableElements.Blank(resource);
        return new ReadResult<T>(resource, blanked);
    }

    /// <summary>Streams one search page to <paramref name="onEntry"/> (false stops); returns its next link and bounds hit.</summary>
    public async Task<BundlePageSummary> SearchPageAsync(Uri url, string label, Func<EntryResult, bool> onEntry, CancellationToken ct)
    {
        using var response = await GetAsync(url, label, ct).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        try
        {
            return await BundlePageReader.ReadAsync(stream, maxResponseBytes, (json, index) => onEntry(EntryReader.Read(json, index)), ct).ConfigureAwait(false);
        }
        catch (BundleFormatException e)
        {
            throw new EhrResponseException(label, EhrResponseProblem.Malformed, (int)response.StatusCode, $"The EHR's answer to {label} could not be read: {e.Message}.");
        }
    }

    private async Task<HttpResponseMessage> GetAsync(Uri url, string what, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.9));
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var codes = await IssueCodesAsync(response.Content, ct).ConfigureAwait(false);
            throw new EhrResponseException(what, EhrResponseProblem.Refused, status, $"The EHR answered {what} with HTTP {status}.", codes);
        }
    }

    private async Task<byte[]> ReadBoundedAsync(HttpContent content, string what, CancellationToken ct)
    {
        if (content.Headers.ContentLength > maxResponseBytes)
        {
            throw TooLarge(what);
        }

        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        return await ReadUpToAsync(stream, maxResponseBytes, ct).ConfigureAwait(false) ?? throw TooLarge(what);
    }

    private static EhrResponseException TooLarge(string what) =>
        new(what, EhrResponseProblem.TooLarge, 200, $"The EHR's answer to {what} is larger than the bound Ehr:Http:MaxResponseBytes.");

    // The OperationOutcome's issue codes, read from at most 64 KiB of an error body; nothing else of it is kept.
    private static async Task<IReadOnlyList<string>> IssueCodesAsync(HttpContent content, CancellationToken ct)
    {
        try
        {
            await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            if (await ReadUpToAsync(stream, MaxOutcomeBytes, ct).ConfigureAwait(false) is not { } body)
            {
                return [];
            }

            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("issue", out var issues)
                && issues.ValueKind == JsonValueKind.Array
                ? [.. issues.EnumerateArray()
                    .Select(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null)
                    .OfType<string>().Where(EhrFailure.IsCodeShaped).Distinct(StringComparer.Ordinal)]
                : [];
        }
        catch (Exception e) when (e is JsonException or HttpRequestException or IOException or InvalidOperationException)
        {
            return [];
        }
    }

    internal static async Task<byte[]?> ReadUpToAsync(Stream stream, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
