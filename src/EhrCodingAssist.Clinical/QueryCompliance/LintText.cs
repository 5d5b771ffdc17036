namespace EhrCodingAssist.Clinical.QueryCompliance;

/// <summary>A span of a checked text: where a phrase starts and how long it is.</summary>
internal readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// The text helpers the checks share: masking what is not the writer's own wording (template code, quotations of the
/// record) with spaces so offsets stay those of the original, and splitting into sentences.
/// </summary>
internal static class LintText
{
    /// <summary>
    /// The lint's regex timeout. The patterns are fixed and linear on texts of a few kilobytes; the timeout only guards
    /// against a hang, so it is generous: a busy machine (parallel pack load, CI) must not fail a sound pack.
    /// </summary>
    public const int RegexTimeoutMs = 5000;

    /// <summary>
    /// The text with Scriban code (<c>{{ … }}</c>), double-quoted passages and the given record quotes blanked out;
    /// same length as <paramref name="text"/>.
    /// </summary>
    public static string MaskQuotes(string text, IReadOnlyList<string> quoted)
    {
        var chars = text.ToCharArray();
        BlankBetween(text, chars, "{{", "}}", int.MaxValue);
        BlankBetween(text, chars, "\"", "\"", 400);
        BlankBetween(text, chars, "\u201C", "\u201D", 400);

        foreach (var quote in quoted.Where(q => q.Trim().Length >= 3))
        {
            for (var at = text.IndexOf(quote, StringComparison.Ordinal); at >= 0; at = text.IndexOf(quote, at + quote.Length, StringComparison.Ordinal))
            {
                Blank(chars, at, quote.Length);
            }
        }

        return new string(chars);
    }

    /// <summary>Sentence spans: ended by '?', '!', ';', a line break, or '.' or ':' before white space or the end.</summary>
    public static IEnumerable<TextSpan> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            var ends = c is '?' or '!' or ';' or '\n' || (c is '.' or ':' && char.IsWhiteSpace(next));
            if (ends)
            {
                if (Trim(text, start, i + 1) is { } span)
                {
                    yield return span;
                }

                start = i + 1;
            }
        }

        if (Trim(text, start, text.Length) is { } last)
        {
            yield return last;
        }
    }

    /// <summary>The span without leading and trailing white space and list bullets; null when nothing is left.</summary>
    public static TextSpan? Trim(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is '-' or '*' or '•'))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end > start ? new TextSpan(start, end - start) : null;
    }

    // Blanks each open…close passage (both marks included); a quote may not span lines or exceed maxLength.
    private static void BlankBetween(string text, char[] chars, string open, string close, int maxLength)
    {
        for (var start = text.IndexOf(open, StringComparison.Ordinal); start >= 0; start = text.IndexOf(open, start + 1, StringComparison.Ordinal))
        {
            var end = text.IndexOf(close, start + open.Length, StringComparison.Ordinal);
            if (end < 0)
            {
                return;
            }

            var length = end + close.Length - start;
            if (maxLength != int.MaxValue && (length - 2 > maxLength || text.AsSpan(start, length).Contains('\n')))
            {
                continue;
            }

            Blank(chars, start, length);
            start = end + close.Length - 1;
        }
    }

    private static void Blank(char[] chars, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (chars[i] != '\n')
            {
                chars[i] = ' ';
            }
        }
    }
}
