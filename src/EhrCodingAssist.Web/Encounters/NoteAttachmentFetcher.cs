using System.Net.Http.Headers;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace EhrCodingAssist.Web.Encounters;

/// <summary>
/// Inlines note text that a DocumentReference only references by URL (text/plain or text/html), so the
/// snapshot assembler decodes it like inline data. URLs are fetched only under the session's FHIR base,
/// through the session's token-carrying HttpClient; a FHIR Binary answer is unwrapped.
/// </summary>
internal sealed class NoteAttachmentFetcher(HttpClient http, Uri fhirBase, SnapshotOptions options)
{
    private static readonly FhirJsonDeserializer BinaryDeserializer = new();

    /// <summary>Fetches the url-only text attachments of <paramref name="documents"/>, in parallel; returns warnings.</summary>
    public async Task<IReadOnlyList<string>> InlineAsync(IEnumerable<DocumentReference> documents, CancellationToken ct)
    {
        var pending = documents
            .Select(d => (Document: d, Attachment: UrlOnlyTextAttachment(d)))
            .Where(p => p.Attachment is not null)
            .ToList();
        var warnings = new List<string>();
        if (pending.Count > options.MaxAttachmentFetches)
        {
            warnings.Add($"Notes: only {options.MaxAttachmentFetches} of {pending.Count} note attachments were fetched "
                + "(bound Snapshot:MaxAttachmentFetches).");
            pending = pending.Take(options.MaxAttachmentFetches).ToList();
        }

        var results = await System.Threading.Tasks.Task.WhenAll(pending.Select(p => FetchAsync(p.Document, p.Attachment!, ct)));
        warnings.AddRange(results.OfType<string>());
        return warnings;
    }

    private static Attachment? UrlOnlyTextAttachment(DocumentReference document)
    {
        var attachments = document.Content.Select(c => c.Attachment).OfType<Attachment>().ToList();
        if (attachments.Any(a => a.Data is not null && IsText(a.ContentType)))
        {
            return null;
        }

        return attachments.FirstOrDefault(a => a.Data is null && !string.IsNullOrEmpty(a.Url) && IsText(a.ContentType));
    }

    private static bool IsText(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase));

    private async Task<string?> FetchAsync(DocumentReference document, Attachment attachment, CancellationToken ct)
    {
        var label = "DocumentReference/" + document.Id;
        var url = FhirBaseUri.ResolveUnder(fhirBase, attachment.Url);
        if (url is null)
        {
            return $"{label}: the note's attachment URL is outside the EHR's FHIR base and was not fetched.";
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaTypeOf(attachment.ContentType)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json", 0.5));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                return $"{label}: the note's attachment could not be read (HTTP {(int)response.StatusCode}).";
            }

            if (response.Content.Headers.ContentLength > options.MaxAttachmentBytes)
            {
                return $"{label}: the note's attachment is larger than Snapshot:MaxAttachmentBytes and was not read.";
            }

            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            var bytes = await Reading.EhrReader.ReadUpToAsync(stream, options.MaxAttachmentBytes, ct);
            if (bytes is null)
            {
                return $"{label}: the note's attachment is larger than Snapshot:MaxAttachmentBytes and was not read.";
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is "application/fhir+json" or "application/json")
            {
                var binary = BinaryDeserializer.Deserialize<Binary>(System.Text.Encoding.UTF8.GetString(bytes));
                attachment.ContentType = binary.ContentType ?? attachment.ContentType;
                bytes = binary.Data ?? [];
            }
            else if (response.Content.Headers.ContentType?.CharSet is { Length: > 0 } charset
                && !attachment.ContentType!.Contains("charset", StringComparison.OrdinalIgnoreCase))
            {
                attachment.ContentType += "; charset=" + charset;
            }

            attachment.Data = bytes;
            return null;
        }
        catch (DeserializationFailedException)
        {
            return $"{label}: the note's attachment was not a readable FHIR Binary.";
        }
        catch (Exception e) when (e is not (Session.RelaunchRequiredException or Session.MissingScopeException)
            && EhrFailures.EhrFailure.From(e) is { } failure)
        {
            return $"{label}: the note's attachment could not be read ({failure.Kind}).";
        }
    }

    private static string MediaTypeOf(string? contentType)
    {
        var value = contentType ?? "text/plain";
        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? value[..semicolon] : value).Trim();
    }
}
