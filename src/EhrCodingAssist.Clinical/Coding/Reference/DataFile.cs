using System.Globalization;
using EhrCodingAssist.Clinical.Terminology;
using Microsoft.VisualBasic.FileIO;

namespace EhrCodingAssist.Clinical.Coding.Reference;

/// <summary>Shared helpers for the reference-data importers (CSV with RFC 4180 quoting, yyyymmdd dates).</summary>
internal static class DataFile
{
    /// <summary>Reads a CSV file (RFC 4180 quoting) as rows of fields, with 1-based line numbers; the header is row 1.</summary>
    public static IEnumerable<(long Line, string[] Fields)> ReadCsv(string path)
    {
        Exists(path);
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        while (!parser.EndOfData)
        {
            var line = parser.LineNumber;
            string[]? fields;
            try
            {
                fields = parser.ReadFields();
            }
            catch (MalformedLineException ex)
            {
                throw new CodeSetFormatException(path, (int)ex.LineNumber, "malformed CSV line");
            }

            if (fields is not null)
            {
                yield return (line, fields);
            }
        }
    }

    /// <summary>Reads a text file line by line with 1-based line numbers.</summary>
    public static IEnumerable<(int Line, string Text)> ReadLines(string path)
    {
        Exists(path);
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            yield return (number, text.TrimEnd('\r'));
        }
    }

    /// <summary>Parses yyyymmdd; blank or "*" is null; anything else throws naming file and line.</summary>
    public static DateOnly? Date(string value, string path, long line, string field)
    {
        var text = value.Trim();
        if (text.Length == 0 || text == "*")
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CodeSetFormatException(path, (int)line, $"{field} '{text}' is not a yyyymmdd date");
    }

    /// <summary>Column index by header name (case-insensitive), or a format error.</summary>
    public static int Column(string[] header, string name, string path) =>
        Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
            ? i
            : throw new CodeSetFormatException(path, 1, $"column '{name}' is missing from the header");

    private static void Exists(string path)
    {
        if (!File.Exists(path))
        {
            throw new CodeSetFormatException(path, 0, "no such file");
        }
    }
}
