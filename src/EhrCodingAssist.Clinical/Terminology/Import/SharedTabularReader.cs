namespace EhrCodingAssist.Clinical.Terminology.Import;

/// <summary>
/// Reads the ../shared/data/icd10cm format: <c>*_codes_derived.tsv</c> (seq, code, code_dotted, billable, description)
/// and the tabular notes file (<c>[CODE] description -- **Label:** - item …</c>) for Excludes1 and "Code first".
/// The notes file alone is also accepted (billable = no other code extends it, which reproduces the order file's flag).
/// </summary>
internal static class SharedTabularReader
{
    private const string Separator = " -- ";

    public static void ReadCodes(string path, IcdCodeSetBuilder builder)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine();
        if (header is null || !header.StartsWith("seq\tcode\tcode_dotted\tbillable\tdescription", StringComparison.Ordinal))
        {
            throw new CodeSetFormatException(path, 1, "expected the header 'seq code code_dotted billable description' (tab-separated)");
        }

        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 5)
            {
                throw new CodeSetFormatException(path, lineNumber, $"expected 5 tab-separated fields, found {fields.Length}");
            }

            var code = IcdCodes.ToDotless(fields[1]);
            if (code is null)
            {
                throw new CodeSetFormatException(path, lineNumber, $"'{fields[1]}' is not an ICD-10-CM code");
            }

            if (fields[3] is not ("0" or "1"))
            {
                throw new CodeSetFormatException(path, lineNumber, $"billable is '{fields[3]}', expected 0 or 1");
            }

            if (!builder.Add(code, fields[3] == "1", null, fields[4].Trim()))
            {
                throw new CodeSetFormatException(path, lineNumber, $"code {fields[1]} appears twice");
            }
        }
    }

    /// <summary>Reads notes; with <paramref name="addCodes"/> the file also supplies the codes (billable = leaf).</summary>
    public static void ReadNotes(string path, IcdCodeSetBuilder builder, bool addCodes)
    {
        var pending = new List<(string Code, string Title)>();
        using (var reader = new StreamReader(path))
        {
            var lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Length == 0)
                {
                    continue;
                }

                var close = line.IndexOf(']', StringComparison.Ordinal);
                if (line[0] != '[' || close < 2)
                {
                    throw new CodeSetFormatException(path, lineNumber, "expected '[CODE] description'");
                }

                var rawCode = line[1..close];
                if (rawCode.StartsWith("CH", StringComparison.Ordinal) && rawCode.Length == 4)
                {
                    continue; // chapter pseudo-codes CH01..CH22 are not ICD-10-CM codes
                }

                var code = IcdCodes.ToDotless(rawCode)
                    ?? throw new CodeSetFormatException(path, lineNumber, $"'{rawCode}' is not an ICD-10-CM code");
                var rest = line[(close + 1)..];
                var split = rest.IndexOf(Separator, StringComparison.Ordinal);
                var title = (split >= 0 ? rest[..split] : rest).Trim();
                if (addCodes)
                {
                    pending.Add((code, title));
                }

                if (split >= 0)
                {
                    ApplyNotes(code, rest[(split + Separator.Length)..], builder);
                }
            }
        }

        if (addCodes)
        {
            AddAsLeaves(pending, builder);
        }
    }

    private static void ApplyNotes(string code, string notes, IcdCodeSetBuilder builder)
    {
        var sections = TabularNoteParser.Sections(notes);
        if (sections.TryGetValue("Excludes1", out var excludes))
        {
            builder.AddExcludes1(code, TabularNoteParser.CodeReferences(excludes));
        }

        if (sections.TryGetValue("Inclusion terms", out var inclusion))
        {
            builder.AddInclusionTerms(code, inclusion);
        }

        if (sections.ContainsKey("Code first"))
        {
            builder.MarkCodeFirst(code);
        }

        if (sections.TryGetValue("Use additional code", out var useAdditional))
        {
            builder.AddUseAdditional(code, useAdditional, TabularNoteParser.CodeReferences(useAdditional));
        }
    }

    private static void AddAsLeaves(List<(string Code, string Title)> codes, IcdCodeSetBuilder builder)
    {
        var all = codes.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var parents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in all)
        {
            for (var length = code.Length - 1; length >= 3; length--)
            {
                if (all.Contains(code[..length]))
                {
                    parents.Add(code[..length]);
                    break;
                }
            }
        }

        foreach (var (code, title) in codes)
        {
            builder.Add(code, !parents.Contains(code), null, title);
        }
    }
}
