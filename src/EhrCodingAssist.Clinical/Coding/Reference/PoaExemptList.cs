using System.Globalization;
using System.Text.RegularExpressions;
using EhrCodingAssist.Clinical.Coding.Edits;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Reference;

/// <summary>Which of the two POA exempt list formats a file was in.</summary>
public enum PoaExemptListFormat
{
    /// <summary>Authored category list (header "poa-exempt-categories FY2025"): entries are categories, prefixes or ranges, with "!" exceptions.</summary>
    Categories,

    /// <summary>The CMS code-level file (header with a POAexemptCode column): every row is one exact code.</summary>
    CmsCodes,
}

/// <summary>
/// The ICD-10-CM codes exempt from present-on-admission reporting for one fiscal year; immutable. Loaded from an
/// authored category list (a category covers every code below it) or from the CMS code-level POA exempt file (exact
/// codes); see docs/coding-data.md for both formats.
/// </summary>
public sealed partial class PoaExemptList
{
    /// <summary>The header that marks the authored category format; the fiscal year follows ("poa-exempt-categories FY2025").</summary>
    public const string CategoriesHeader = "poa-exempt-categories";

    /// <summary>The column of the CMS file that holds the exempt code.</summary>
    public const string CmsCodeColumn = "POAexemptCode";

    private readonly HashSet<string> _codes;
    private readonly CodeRange[] _exempt;
    private readonly CodeRange[] _notExempt;

    private PoaExemptList(int fiscalYear, string source, PoaExemptListFormat format, HashSet<string> codes, CodeRange[] exempt, CodeRange[] notExempt)
    {
        FiscalYear = fiscalYear;
        Source = source;
        Format = format;
        _codes = codes;
        _exempt = exempt;
        _notExempt = notExempt;
    }

    /// <summary>The fiscal year the list applies to (FY N: 1 October N-1 to 30 September N).</summary>
    public int FiscalYear { get; }

    /// <summary>The file it was loaded from.</summary>
    public string Source { get; }

    /// <summary>The format of that file.</summary>
    public PoaExemptListFormat Format { get; }

    /// <summary>Number of entries: exact codes (CMS format) or categories and ranges (authored format), exceptions not counted.</summary>
    public int Count => _codes.Count + _exempt.Length;

    /// <summary>The categories and ranges of the authored format (empty for a CMS file).</summary>
    internal IReadOnlyList<CodeRange> Ranges => _exempt;

    /// <summary>The "!" exceptions of the authored format.</summary>
    internal IReadOnlyList<CodeRange> Exceptions => _notExempt;

    /// <summary>Whether the dotted or dotless code is exempt: listed exactly, or under a listed category and not under an exception.</summary>
    public bool IsExempt(string code) =>
        IcdCodes.ToDotless(code) is { } dotless
        && (_codes.Contains(dotless) || (_exempt.Any(r => r.Contains(dotless)) && !_notExempt.Any(r => r.Contains(dotless))));

    /// <summary>
    /// Loads a list, telling the format by its header: the first line that is neither blank nor a "#" comment is either
    /// "poa-exempt-categories FY2025" (authored category list) or a tab- or comma-separated heading with a
    /// "POAexemptCode" column (CMS file). Throws <see cref="CodeSetFormatException"/> naming file and line.
    /// </summary>
    public static PoaExemptList Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        using var lines = DataFile.ReadLines(full).GetEnumerator();
        while (lines.MoveNext())
        {
            var (line, text) = lines.Current;
            var trimmed = text.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (CategoriesHeaderRegex().Match(trimmed) is { Success: true } header)
            {
                return LoadCategories(full, int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture), lines);
            }

            var delimiter = trimmed.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
            var columns = trimmed.Split(delimiter).Select(c => c.Trim().Trim('"')).ToArray();
            var codeColumn = Array.FindIndex(columns, c => string.Equals(c, CmsCodeColumn, StringComparison.OrdinalIgnoreCase));
            if (codeColumn >= 0)
            {
                return LoadCmsCodes(full, CmsYear(full, line, columns), delimiter, codeColumn, lines);
            }

            throw new CodeSetFormatException(full, line, $"expected the header '{CategoriesHeader} FY<year>' or a CMS heading with a '{CmsCodeColumn}' column");
        }

        throw new CodeSetFormatException(full, 0, "the file has no header line");
    }

    private static PoaExemptList LoadCategories(string path, int fiscalYear, IEnumerator<(int Line, string Text)> lines)
    {
        var exempt = new List<CodeRange>();
        var notExempt = new List<CodeRange>();
        while (lines.MoveNext())
        {
            var (line, text) = lines.Current;
            var comment = text.IndexOf('#', StringComparison.Ordinal);
            var entry = (comment >= 0 ? text[..comment] : text).Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            if (entry.Any(char.IsWhiteSpace))
            {
                throw new CodeSetFormatException(path, line, $"one entry per line: '{entry}' has more than one (put descriptions after '#')");
            }

            var exception = entry.StartsWith('!');
            (exception ? notExempt : exempt).Add(Range(path, line, exception ? entry[1..] : entry));
        }

        return new PoaExemptList(fiscalYear, path, PoaExemptListFormat.Categories, new HashSet<string>(StringComparer.Ordinal), [.. exempt], [.. notExempt]);
    }

    /// <summary>"Z68", "Z77.110-Z77.128" or "V00.81-" (a trailing dash only repeats that codes below are included).</summary>
    internal static CodeRange Range(string path, int line, string entry)
    {
        var text = entry.Replace('\u2013', '-').TrimEnd('-');
        var parts = text.Split('-');
        if (parts.Length > 2)
        {
            throw new CodeSetFormatException(path, line, $"'{entry}' is not a code, a category or a range 'A-B'");
        }

        var from = IcdCodes.ToDotless(parts[0]);
        var to = parts.Length == 2 ? IcdCodes.ToDotless(parts[1]) : from;
        if (from is null || to is null)
        {
            throw new CodeSetFormatException(path, line, $"'{entry}' is not an ICD-10-CM code, category or range (3 to 7 letters or digits, letter first)");
        }

        return string.CompareOrdinal(from, to) <= 0
            ? new CodeRange(from, to)
            : throw new CodeSetFormatException(path, line, $"range '{entry}' ends before it starts");
    }

    private static PoaExemptList LoadCmsCodes(string path, int fiscalYear, char delimiter, int codeColumn, IEnumerator<(int Line, string Text)> lines)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (lines.MoveNext())
        {
            var (line, text) = lines.Current;
            if (text.Trim().Length == 0)
            {
                continue;
            }

            // Only the fields up to the code are read: the description after it may be quoted and hold the delimiter.
            var fields = text.Split(delimiter, codeColumn + 2);
            var field = fields.Length > codeColumn ? fields[codeColumn].Trim().Trim('"') : string.Empty;
            codes.Add(IcdCodes.ToDotless(field)
                ?? throw new CodeSetFormatException(path, line, $"'{field}' in column {codeColumn + 1} ({CmsCodeColumn}) is not an ICD-10-CM code"));
        }

        return new PoaExemptList(fiscalYear, path, PoaExemptListFormat.CmsCodes, codes, [], []);
    }

    /// <summary>
    /// The fiscal year of a CMS file: from its order column heading ("OrdFY25", "Order25", "Order2021"; "OrdApr23" is the
    /// April update inside FY2023), else from the file name ("POAexemptCodesFY25.txt", "poa-exempt-2025.txt").
    /// </summary>
    private static int CmsYear(string path, int line, string[] columns)
    {
        foreach (var column in columns)
        {
            if (OrderColumnRegex().Match(column) is { Success: true } order)
            {
                return Year(order.Groups[1].Value);
            }
        }

        var name = Path.GetFileName(path);
        return FileYearRegex().Match(name) is { Success: true } file
            ? Year(file.Groups[1].Success ? file.Groups[1].Value : file.Groups[2].Value)
            : throw new CodeSetFormatException(path, line, "the fiscal year is neither in the order column heading (e.g. OrdFY25) nor in the file name (e.g. POAexemptCodesFY25.txt)");
    }

    private static int Year(string digits) =>
        int.Parse(digits, CultureInfo.InvariantCulture) is var year && year < 100 ? 2000 + year : year;

    [GeneratedRegex(@"^poa-exempt-categories\s+FY\s*(20[0-9]{2})(?:\s.*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CategoriesHeaderRegex();

    [GeneratedRegex(@"^Ord(?:er)?(?:FY|Apr)?([0-9]{2}|20[0-9]{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrderColumnRegex();

    [GeneratedRegex(@"FY([0-9]{2})(?![0-9])|(?<![0-9])(20[0-9]{2})(?![0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileYearRegex();
}
