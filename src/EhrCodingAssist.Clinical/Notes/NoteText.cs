using System.Net;
using System.Text.RegularExpressions;

namespace EhrCodingAssist.Clinical.Notes;

/// <summary>Turns a note body (text/plain or text/html) into plain text for phrase matching.</summary>
public static partial class NoteText
{
    /// <summary>Plain text of an HTML fragment: scripts and styles dropped, block elements become line breaks (no blank lines), entities decoded.</summary>
    public static string FromHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = ScriptOrStyle().Replace(html, " ");
        text = BlockTag().Replace(text, "\n");
        text = AnyTag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);

        // One line per block, no blank lines (as the ingest decoder does): "<h3>PMH</h3><ul><li>…" must not read as a
        // header followed by a blank line, which would end the section.
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    /// <summary>Plain text for a content type: HTML is stripped, anything else is returned unchanged.</summary>
    public static string ToPlainText(string body, string? contentType) =>
        contentType is not null && contentType.Contains("html", StringComparison.OrdinalIgnoreCase) ? FromHtml(body) : body;

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, 1000)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"</?(p|div|br|li|ul|ol|tr|td|th|h[1-6]|table|section|article|pre|blockquote)\b[^>]*>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.None, 1000)]
    private static partial Regex AnyTag();
}
