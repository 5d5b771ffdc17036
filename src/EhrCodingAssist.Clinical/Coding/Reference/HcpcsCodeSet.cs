using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Reference;

/// <summary>A HCPCS Level II code or modifier with its effective dates.</summary>
/// <param name="Code">Five-character code (e.g. "J1100") or two-character modifier (e.g. "LT").</param>
/// <param name="ShortDescription">CMS short description.</param>
/// <param name="LongDescription">CMS long description.</param>
/// <param name="Added">ADD DT: date the code was added.</param>
/// <param name="Effective">ACT EFF DT: effective date of the latest action.</param>
/// <param name="Terminated">TERM DT: the last date the code may be used, or null.</param>
public sealed record HcpcsCode(string Code, string ShortDescription, string LongDescription, DateOnly? Added, DateOnly? Effective, DateOnly? Terminated)
{
    /// <summary>True when the code may be billed on the date (added on or before it, not terminated before it).</summary>
    public bool IsValidOn(DateOnly date) => (Added is null || Added <= date) && (Terminated is null || date <= Terminated);
}

/// <summary>HCPCS Level II codes and modifiers from one CMS quarterly file (e.g. HCPC2025_OCT_ANWEB); immutable.</summary>
public sealed class HcpcsCodeSet
{
    private readonly Dictionary<string, HcpcsCode> _codes;
    private readonly Dictionary<string, HcpcsCode> _modifiers;

    private HcpcsCodeSet(string version, Dictionary<string, HcpcsCode> codes, Dictionary<string, HcpcsCode> modifiers)
    {
        Version = version;
        _codes = codes;
        _modifiers = modifiers;
    }

    /// <summary>The release, from the file name (e.g. "HCPC2025_OCT_ANWEB").</summary>
    public string Version { get; }

    /// <summary>Number of codes (RECID 3).</summary>
    public int CodeCount => _codes.Count;

    /// <summary>Number of modifiers (RECID 7).</summary>
    public int ModifierCount => _modifiers.Count;

    /// <summary>
    /// Loads the CMS HCPCS record layout written as CSV with a header row (HCPC, RECID, LONG DESCRIPTION,
    /// SHORT DESCRIPTION, ADD DT, ACT EFF DT, TERM DT …); RECID 3 is a code, 7 a modifier, others are ignored.
    /// </summary>
    public static HcpcsCodeSet Load(string path)
    {
        var codes = new Dictionary<string, HcpcsCode>(StringComparer.OrdinalIgnoreCase);
        var modifiers = new Dictionary<string, HcpcsCode>(StringComparer.OrdinalIgnoreCase);
        int hcpc = 0, recid = 0, longDesc = 0, shortDesc = 0, add = 0, eff = 0, term = 0;
        foreach (var (line, f) in DataFile.ReadCsv(path))
        {
            if (line == 1)
            {
                hcpc = DataFile.Column(f, "HCPC", path);
                recid = DataFile.Column(f, "RECID", path);
                longDesc = DataFile.Column(f, "LONG DESCRIPTION", path);
                shortDesc = DataFile.Column(f, "SHORT DESCRIPTION", path);
                add = DataFile.Column(f, "ADD DT", path);
                eff = DataFile.Column(f, "ACT EFF DT", path);
                term = DataFile.Column(f, "TERM DT", path);
                continue;
            }

            if (f.Length <= Math.Max(term, Math.Max(add, eff)))
            {
                throw new CodeSetFormatException(path, (int)line, $"expected at least {term + 1} columns, found {f.Length}");
            }

            var target = f[recid].Trim() switch
            {
                "3" => codes,
                "7" => modifiers,
                _ => null,
            };
            var code = f[hcpc].Trim().ToUpperInvariant();
            if (target is null || target.ContainsKey(code))
            {
                continue; // continuation records of a long description
            }

            target[code] = new HcpcsCode(
                code,
                f[shortDesc].Trim(),
                f[longDesc].Trim(),
                DataFile.Date(f[add], path, line, "ADD DT"),
                DataFile.Date(f[eff], path, line, "ACT EFF DT"),
                DataFile.Date(f[term], path, line, "TERM DT"));
        }

        return new HcpcsCodeSet(Path.GetFileNameWithoutExtension(path), codes, modifiers);
    }

    /// <summary>The code, or null when the file does not have it.</summary>
    public HcpcsCode? Find(string code) => _codes.GetValueOrDefault(code.Trim());

    /// <summary>The HCPCS Level II modifier, or null (CPT modifiers such as 25, 59, 93, 95 are not in this file).</summary>
    public HcpcsCode? FindModifier(string modifier) => _modifiers.GetValueOrDefault(modifier.Trim());

    /// <summary>True for the HCPCS Level II shape: a letter A-V then four digits.</summary>
    public static bool IsLevelTwoShape(string code) =>
        code.Length == 5 && char.IsAsciiLetter(code[0]) && code.AsSpan(1).ContainsAnyExceptInRange('0', '9') is false;
}
