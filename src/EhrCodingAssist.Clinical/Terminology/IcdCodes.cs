namespace EhrCodingAssist.Clinical.Terminology;

/// <summary>Spelling helpers for ICD-10-CM codes (dotted "E11.65" versus dotless "E1165").</summary>
public static class IcdCodes
{
    /// <summary>Upper-case dotless form, or null when the text cannot be an ICD-10-CM code (3 to 7 letters/digits, letter first).</summary>
    public static string? ToDotless(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        Span<char> buffer = stackalloc char[8];
        var length = 0;
        foreach (var c in code.AsSpan().Trim())
        {
            if (c == '.')
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c) || length == buffer.Length)
            {
                return null;
            }

            buffer[length++] = char.ToUpperInvariant(c);
        }

        return length is >= 3 and <= 7 && char.IsAsciiLetter(buffer[0]) ? new string(buffer[..length]) : null;
    }

    /// <summary>Dotted form: a dot after the third character when the code is longer than three.</summary>
    public static string ToDotted(string dotless) =>
        dotless.Length > 3 ? string.Concat(dotless.AsSpan(0, 3), ".", dotless.AsSpan(3)) : dotless;
}
