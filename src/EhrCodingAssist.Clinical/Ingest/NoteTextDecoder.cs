using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Ingest;

/// <summary>Decodes the inline text of a DocumentReference (text/plain or text/html attachment data).</summary>
internal static partial class NoteTextDecoder
{
    /// <summary>
    /// The note text: the first inline text/plain attachment, else the first inline text/html one stripped to
    /// text. Content entries are alternative formats of one document, so they are not concatenated.
    /// </summary>
    /// <param name="document">The DocumentReference.</param>
    /// <param name="warning">Why no text was found when the document has attachments, else null.</param>
    public static string? Decode(DocumentReference document, out string? warning)
    {
        warning = null;
        Attachment? html = null;
        var sawReferenceOnly = false;
        foreach (var content in document.Content)
        {
            var attachment = content.Attachment;
            if (attachment is null)
            {
                continue;
            }

            var mediaType = MediaType(attachment.ContentType);
            if (attachment.Data is null)
            {
                sawReferenceOnly |= mediaType is "text/plain" or "text/html" && attachment.Url is not null;
                continue;
            }

            if (mediaType == "text/plain")
            {
                return Read(attachment);
            }

            if (mediaType == "text/html")
            {
                html ??= attachment;
            }
        }

        if (html is not null)
        {
            return HtmlToText(Read(html));
        }

        if (sawReferenceOnly)
        {
            warning = $"DocumentReference/{document.Id}: note text is only referenced by URL and was not fetched";
        }

        return null;
    }

    /// <summary>Strips HTML to plain text: drops scripts, styles and tags, keeps block breaks, decodes entities.</summary>
    public static string HtmlToText(string html)
    {
        var text = ScriptOrStyle().Replace(html, " ");
        text = Comment().Replace(text, " ");
        text = BlockBreak().Replace(text, "\n");
        text = Tag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        var lines = text.Split('\n')
            .Select(line => Spaces().Replace(line, " ").Trim())
            .Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }

    private static string? MediaType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim().ToLowerInvariant();
    }

    private static string Read(Attachment attachment)
    {
        var encoding = Encoding.UTF8;
        var charset = CharsetParameter().Match(attachment.ContentType ?? string.Empty);
        if (charset.Success)
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Groups[1].Value);
            }
            catch (ArgumentException)
            {
                // Unknown charset: UTF-8 is the FHIR default and the best guess.
            }
        }

        return encoding.GetString(attachment.Data!);
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, 1000)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline, 1000)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/tr|/h[1-6]|/table|/ul|/ol|p|div|li|tr|h[1-6])\b[^>]*>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex BlockBreak();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.None, 1000)]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\f\v\u00A0]+", RegexOptions.None, 1000)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"charset\s*=\s*""?([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex CharsetParameter();
}
