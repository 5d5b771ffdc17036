using System.Text.RegularExpressions;
using EhrCodingAssist.Clinical.Terminology.Import;

namespace EhrCodingAssist.Clinical.Terminology;

/// <summary>
/// Loads an ICD-10-CM code set from a file or folder, detecting the format: the CMS tabular order file
/// (icd10cm_order_YYYY.txt, fixed width) or the ../shared/data/icd10cm files (*codes_derived.tsv plus
/// *tabular_with_notes.txt). The fiscal year comes from the file name ("2025", "fy2025") unless given.
/// </summary>
public static partial class CodeSetLoader
{
    private const string DerivedSuffix = "codes_derived.tsv";
    private const string NotesSuffix = "tabular_with_notes.txt";

    /// <summary>Loads the code set at <paramref name="path"/>; throws <see cref="CodeSetFormatException"/> naming file and line.</summary>
    public static ICodeSet Load(string path) => LoadIcd(path);

    /// <summary>Loads the code set at <paramref name="path"/> for an explicit fiscal year.</summary>
    public static ICodeSet Load(string path, int fiscalYear) => LoadIcd(path, fiscalYear);

    /// <summary>Same as <see cref="Load(string)"/>, typed as the in-memory implementation.</summary>
    public static IcdCodeSet LoadIcd(string path, int? fiscalYear = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return LoadFolder(full, fiscalYear);
        }

        if (!File.Exists(full))
        {
            throw new CodeSetFormatException(full, 0, "no such file or folder");
        }

        if (full.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase))
        {
            var notes = Directory.EnumerateFiles(Path.GetDirectoryName(full)!, "*" + NotesSuffix).Order(StringComparer.Ordinal).FirstOrDefault();
            return LoadDerived(full, notes, fiscalYear);
        }

        var first = File.ReadLines(full).FirstOrDefault(l => l.Length > 0)
            ?? throw new CodeSetFormatException(full, 0, "the file is empty");
        var builder = new IcdCodeSetBuilder(YearOf(full, fiscalYear), full);
        if (first.StartsWith('['))
        {
            SharedTabularReader.ReadNotes(full, builder, addCodes: true);
        }
        else
        {
            CmsOrderFileReader.Read(full, builder);
        }

        return builder.Build();
    }

    private static IcdCodeSet LoadFolder(string folder, int? fiscalYear)
    {
        var order = Directory.EnumerateFiles(folder, "icd10cm_order_*.txt").Order(StringComparer.Ordinal).FirstOrDefault();
        if (order is not null)
        {
            return LoadIcd(order, fiscalYear);
        }

        var derived = Directory.EnumerateFiles(folder, "*" + DerivedSuffix).Order(StringComparer.Ordinal).FirstOrDefault();
        var notes = Directory.EnumerateFiles(folder, "*" + NotesSuffix).Order(StringComparer.Ordinal).FirstOrDefault();
        if (derived is not null)
        {
            return LoadDerived(derived, notes, fiscalYear);
        }

        if (notes is not null)
        {
            return LoadIcd(notes, fiscalYear);
        }

        throw new CodeSetFormatException(folder, 0, $"no icd10cm_order_YYYY.txt, *{DerivedSuffix} or *{NotesSuffix} in the folder");
    }

    private static IcdCodeSet LoadDerived(string derived, string? notes, int? fiscalYear)
    {
        var builder = new IcdCodeSetBuilder(YearOf(derived, fiscalYear), derived);
        SharedTabularReader.ReadCodes(derived, builder);
        if (notes is not null)
        {
            SharedTabularReader.ReadNotes(notes, builder, addCodes: false);
        }

        return builder.Build();
    }

    private static int YearOf(string path, int? fiscalYear)
    {
        if (fiscalYear is { } year)
        {
            return year;
        }

        var match = YearRegex().Match(Path.GetFileName(path));
        return match.Success
            ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new CodeSetFormatException(path, 0, "the fiscal year is not in the file name (e.g. icd10cm_order_2025.txt); pass it explicitly");
    }

    [GeneratedRegex(@"(?<![0-9])(20[0-9]{2})(?![0-9])")]
    private static partial Regex YearRegex();
}
