using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Reference;

/// <summary>
/// CPT handled as codes only: the product ships no CPT descriptions (AMA-licensed). A customer may import its licensed
/// descriptor file; without one, codes are checked for shape only.
/// </summary>
public sealed class CptCodeSet
{
    private readonly Dictionary<string, string> _descriptors;

    private CptCodeSet(Dictionary<string, string> descriptors, string? version)
    {
        _descriptors = descriptors;
        Version = version;
    }

    /// <summary>A set with no descriptors: shape checks only.</summary>
    public static CptCodeSet CodesOnly { get; } = new([], null);

    /// <summary>The imported descriptor file's name, or null.</summary>
    public string? Version { get; }

    /// <summary>True when a customer descriptor file was imported.</summary>
    public bool HasDescriptors => _descriptors.Count > 0;

    /// <summary>
    /// CPT shapes: five digits (Category I), four digits and F (Category II), T (Category III), U (PLA) or M (MAAA).
    /// </summary>
    public static bool IsWellFormed(string code) =>
        code.Length == 5 && code.AsSpan(0, 4).ContainsAnyExceptInRange('0', '9') is false && (char.IsAsciiDigit(code[4]) || code[4] is 'F' or 'T' or 'U' or 'M');

    /// <summary>The reason a line that is not a descriptor line fails the import.</summary>
    public const string LineExpected = "expected a CPT code, then a tab, '|' or blank, then the descriptor";

    /// <summary>
    /// Imports a customer's licensed descriptor file, in either layout of the AMA data files: "code&lt;TAB&gt;descriptor"
    /// (LONGULT.txt; a pipe also separates) or fixed-field short/medium (SHORTU.txt, MEDU.txt: the code in columns 1-5, a
    /// blank, the descriptor). Lines before the first line that begins with a CPT code (a copyright notice, headings) are
    /// skipped; once code lines have begun, every non-blank line must be a descriptor line. The multi-record long layout
    /// (LONGULF/LONGUF: code and sequence number) is refused with a message naming the file to use instead.
    /// </summary>
    public static CptCodeSet LoadDescriptors(string path)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var preamble = 0;
        foreach (var (line, text) in DataFile.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (IsMultiRecordLong(text))
            {
                throw new CodeSetFormatException(path, line, "a CPT code followed by a sequence number is the AMA's multi-record long layout "
                    + "(LONGULF.txt / LONGUF.txt), which is not read: import LONGULT.txt (code<TAB>descriptor) instead");
            }

            if (Parse(text) is not var (code, descriptor))
            {
                if (map.Count == 0 && !StartsWithCode(text))
                {
                    preamble = line; // a copyright notice or heading before the first code line
                    continue;
                }

                throw new CodeSetFormatException(path, line, LineExpected);
            }

            map[code] = descriptor;
        }

        if (map.Count == 0 && preamble > 0)
        {
            throw new CodeSetFormatException(path, preamble, "no line begins with a CPT code (" + LineExpected + ")");
        }

        return new CptCodeSet(map, Path.GetFileName(path));
    }

    // "code<TAB>descriptor" or "code|descriptor" (blanks around the code allowed), else fixed-field "code descriptor" with
    // the code in columns 1-5; null when the line is neither or its descriptor is empty.
    private static (string Code, string Descriptor)? Parse(string text)
    {
        var cut = text.IndexOfAny(['\t', '|']);
        if (cut > 0 && text[..cut].Trim().ToUpperInvariant() is var delimited && IsWellFormed(delimited))
        {
            var descriptor = text[(cut + 1)..].Trim();
            return descriptor.Length > 0 ? (delimited, descriptor) : null;
        }

        if (text.Length > 6 && text[5] == ' ' && text[..5].ToUpperInvariant() is var fixedCode && IsWellFormed(fixedCode))
        {
            var descriptor = text[6..].Trim();
            return descriptor.Length > 0 ? (fixedCode, descriptor) : null;
        }

        return null;
    }

    // A line that begins like a descriptor line (a CPT code, then the end, a tab, '|' or a blank): ends the preamble.
    private static bool StartsWithCode(string text)
    {
        var t = text.TrimStart();
        return t.Length >= 5 && IsWellFormed(t[..5].ToUpperInvariant()) && (t.Length == 5 || t[5] is '\t' or '|' or ' ');
    }

    // LONGULF/LONGUF records: the code in columns 1-5, a two-digit sequence number, a blank.
    private static bool IsMultiRecordLong(string text) =>
        text.Length > 8 && IsWellFormed(text[..5].ToUpperInvariant()) && char.IsAsciiDigit(text[5]) && char.IsAsciiDigit(text[6]) && text[7] == ' ';

    /// <summary>
    /// True when the code is usable: well formed, and listed in the descriptor file when one was imported.
    /// </summary>
    public bool IsKnown(string code) => IsWellFormed(code) && (!HasDescriptors || _descriptors.ContainsKey(code));

    /// <summary>The customer's descriptor, or null (always null without an imported file).</summary>
    public string? Descriptor(string code) => _descriptors.GetValueOrDefault(code);
}
