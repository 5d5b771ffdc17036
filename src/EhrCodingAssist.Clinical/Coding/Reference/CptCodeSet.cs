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

    /// <summary>
    /// Imports a customer's licensed descriptor file: one code a line, then a tab or a pipe, then the descriptor
    /// (the layout of the AMA data files' "code&lt;TAB&gt;descriptor" text files). Blank lines are skipped.
    /// </summary>
    public static CptCodeSet LoadDescriptors(string path)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, text) in DataFile.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var cut = text.IndexOfAny(['\t', '|']);
            var code = cut > 0 ? text[..cut].Trim().ToUpperInvariant() : string.Empty;
            if (!IsWellFormed(code) || text[(cut + 1)..].Trim().Length == 0)
            {
                throw new CodeSetFormatException(path, line, "expected 'CPT code<TAB>descriptor'");
            }

            map[code] = text[(cut + 1)..].Trim();
        }

        return new CptCodeSet(map, Path.GetFileName(path));
    }

    /// <summary>
    /// True when the code is usable: well formed, and listed in the descriptor file when one was imported.
    /// </summary>
    public bool IsKnown(string code) => IsWellFormed(code) && (!HasDescriptors || _descriptors.ContainsKey(code));

    /// <summary>The customer's descriptor, or null (always null without an imported file).</summary>
    public string? Descriptor(string code) => _descriptors.GetValueOrDefault(code);
}
