namespace EhrCodingAssist.Clinical.Terminology.Import;

/// <summary>
/// Reads the CMS/CDC ICD-10-CM tabular order file (icd10cm_order_YYYY.txt), fixed width:
/// order number (5), space, code (7, dotless, left-aligned), space, header flag (1 = billable, 0 = header), space,
/// short description (60), space, long description (to end of line).
/// </summary>
internal static class CmsOrderFileReader
{
    private const int CodeStart = 6;
    private const int FlagColumn = 14;
    private const int ShortStart = 16;
    private const int ShortLength = 60;
    private const int LongStart = ShortStart + ShortLength + 1;

    /// <summary>True when the line has the order-file shape (used to detect the format).</summary>
    public static bool LooksLikeOrderLine(string line) =>
        line.Length > FlagColumn && char.IsAsciiDigit(line[0]) && line[5] == ' ' && line[13] == ' ' && line[FlagColumn] is '0' or '1';

    public static void Read(string path, IcdCodeSetBuilder builder)
    {
        using var reader = new StreamReader(path);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ReadLine(path, lineNumber, line.TrimEnd('\r'), builder);
        }

        if (builder.Count == 0)
        {
            throw new CodeSetFormatException(path, 0, "no codes in the order file");
        }
    }

    private static void ReadLine(string path, int lineNumber, string line, IcdCodeSetBuilder builder)
    {
        if (line.Length <= LongStart)
        {
            throw new CodeSetFormatException(path, lineNumber, $"line is {line.Length} characters; the fixed-width order layout needs a long description from column {LongStart + 1}");
        }

        var order = line[..5].Trim();
        if (order.Length == 0 || !order.All(char.IsAsciiDigit))
        {
            throw new CodeSetFormatException(path, lineNumber, "order number (columns 1-5) is not a number");
        }

        if (line[5] != ' ' || line[13] != ' ' || line[15] != ' ' || line[LongStart - 1] != ' ')
        {
            throw new CodeSetFormatException(path, lineNumber, "fields are not separated by single spaces at columns 6, 14, 16 and 77");
        }

        var rawCode = line.Substring(CodeStart, 7).Trim();
        var code = IcdCodes.ToDotless(rawCode);
        if (code is null || rawCode.Contains('.', StringComparison.Ordinal))
        {
            throw new CodeSetFormatException(path, lineNumber, $"'{rawCode}' (columns 7-13) is not a dotless ICD-10-CM code");
        }

        var flag = line[FlagColumn];
        if (flag is not ('0' or '1'))
        {
            throw new CodeSetFormatException(path, lineNumber, $"header flag (column 15) is '{flag}', expected 0 or 1");
        }

        var shortTitle = line.Substring(ShortStart, ShortLength).Trim();
        var longTitle = line[LongStart..].Trim();
        if (shortTitle.Length == 0 || longTitle.Length == 0)
        {
            throw new CodeSetFormatException(path, lineNumber, "short or long description is empty");
        }

        if (!builder.Add(code, flag == '1', shortTitle, longTitle))
        {
            throw new CodeSetFormatException(path, lineNumber, $"code {rawCode} appears twice");
        }
    }
}
