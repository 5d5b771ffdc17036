using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Ncci;

/// <summary>Whether an NCCI-associated modifier may bypass a procedure-to-procedure edit.</summary>
public enum PtpModifierIndicator
{
    /// <summary>0: no modifier allows the pair.</summary>
    NotAllowed = 0,

    /// <summary>1: an NCCI-associated modifier on the column-two code allows the pair.</summary>
    Allowed = 1,

    /// <summary>9: not applicable (the edit was deleted).</summary>
    NotApplicable = 9,
}

/// <summary>One NCCI procedure-to-procedure edit: the column-two code is not paid with the column-one code.</summary>
public sealed record PtpEdit(string Column1, string Column2, DateOnly Effective, DateOnly? Deleted, PtpModifierIndicator Modifier, string Rationale)
{
    /// <summary>In force on the date: effective on or before it, not yet deleted (the deletion date is the first day without the edit).</summary>
    public bool IsActiveOn(DateOnly date) => Effective <= date && (Deleted is null || date < Deleted) && Modifier != PtpModifierIndicator.NotApplicable;
}

/// <summary>NCCI PTP edits imported from the CMS quarterly tab-delimited files; immutable.</summary>
public sealed class NcciPtpTable
{
    private readonly Dictionary<(string, string), PtpEdit[]> _edits;

    private NcciPtpTable(string version, Dictionary<(string, string), PtpEdit[]> edits)
    {
        Version = version;
        _edits = edits;
    }

    /// <summary>File names the edits came from.</summary>
    public string Version { get; }

    /// <summary>Number of code pairs.</summary>
    public int Count => _edits.Count;

    /// <summary>
    /// Loads one or more CMS PTP text files (practitioner or hospital, each quarter split in several files): tab-delimited
    /// Column 1, Column 2, "*=in existence prior to 1996", Effective Date (yyyymmdd), Deletion Date (yyyymmdd or "*"),
    /// Modifier (0, 1 or 9), PTP Edit Rationale. Heading lines are skipped; a malformed data line throws naming file and line.
    /// </summary>
    public static NcciPtpTable Load(params string[] paths)
    {
        var map = new Dictionary<(string, string), List<PtpEdit>>();
        foreach (var path in paths)
        {
            foreach (var (line, text) in DataFile.ReadLines(path))
            {
                var f = text.Split('\t');
                if (!NcciFile.IsCode(f[0].Trim()))
                {
                    continue;
                }

                var edit = Parse(f, path, line);
                var key = (edit.Column1, edit.Column2);
                if (!map.TryGetValue(key, out var list))
                {
                    list = [];
                    map[key] = list;
                }

                list.Add(edit);
            }
        }

        return new NcciPtpTable(string.Join(", ", paths.Select(Path.GetFileName)), map.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
    }

    /// <summary>The edit in force for the ordered pair (column one, column two) on the date, or null.</summary>
    public PtpEdit? Find(string column1, string column2, DateOnly date) =>
        _edits.TryGetValue((column1.Trim().ToUpperInvariant(), column2.Trim().ToUpperInvariant()), out var list)
            ? list.LastOrDefault(e => e.IsActiveOn(date))
            : null;

    private static PtpEdit Parse(string[] f, string path, int line)
    {
        if (f.Length < 6)
        {
            throw new CodeSetFormatException(path, line, $"expected 7 tab-separated columns, found {f.Length}");
        }

        var column2 = f[1].Trim().ToUpperInvariant();
        if (!NcciFile.IsCode(column2))
        {
            throw new CodeSetFormatException(path, line, $"column 2 '{f[1]}' is not a CPT/HCPCS code");
        }

        var effective = DataFile.Date(f[3], path, line, "effective date")
            ?? throw new CodeSetFormatException(path, line, "effective date is missing");
        var deleted = DataFile.Date(f[4], path, line, "deletion date");
        var modifier = f[5].Trim() switch
        {
            "0" => PtpModifierIndicator.NotAllowed,
            "1" => PtpModifierIndicator.Allowed,
            "9" => PtpModifierIndicator.NotApplicable,
            var other => throw new CodeSetFormatException(path, line, $"modifier indicator '{other}' is not 0, 1 or 9"),
        };
        var rationale = f.Length > 6 ? f[6].Trim() : string.Empty;
        return new PtpEdit(f[0].Trim().ToUpperInvariant(), column2, effective, deleted, modifier, rationale);
    }
}
