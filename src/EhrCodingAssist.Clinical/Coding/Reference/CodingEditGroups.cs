using System.Globalization;
using System.Text.RegularExpressions;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Reference;

/// <summary>
/// The code groups of one fiscal year that the guideline edits read (hypertension combinations, sepsis sequencing,
/// codes that may not be principal, age and sex conditions): authored, versioned data, never constants in code.
/// Format in docs/coding-data.md ("Coding-edit code groups"); the shipped FY2025 file names the source of each group.
/// </summary>
public sealed partial class CodingEditGroups
{
    /// <summary>The header that starts the file; the fiscal year follows ("coding-edit-groups FY2025").</summary>
    public const string Header = "coding-edit-groups";

    /// <summary>The group ids the edits read; a file without one of them is refused at load.</summary>
    public static IReadOnlyList<string> RequiredIds { get; } =
    [
        "hypertension-essential", "hypertensive-heart", "hypertensive-ckd", "hypertensive-heart-ckd", "hypertensive-heart-conditions",
        "heart-failure", "ckd", "ckd-stage-5", "target-heart-with-failure", "target-heart-without-failure", "target-ckd",
        "target-ckd-stage-5", "target-heart-ckd-with-failure", "target-heart-ckd-with-failure-stage-5", "target-heart-ckd",
        "target-heart-ckd-stage-5", "severe-sepsis", "systemic-infection", "sepsis-coded-first", "external-cause", "bmi",
    ];

    private readonly Dictionary<string, CodingEditGroup> _byId;

    private CodingEditGroups(int fiscalYear, string source, List<CodingEditGroup> groups)
    {
        FiscalYear = fiscalYear;
        Source = source;
        All = groups;
        _byId = groups.ToDictionary(g => g.Id, StringComparer.Ordinal);
    }

    /// <summary>The fiscal year the groups apply to.</summary>
    public int FiscalYear { get; }

    /// <summary>The file they were loaded from.</summary>
    public string Source { get; }

    /// <summary>All groups in file order.</summary>
    public IReadOnlyList<CodingEditGroup> All { get; }

    /// <summary>The groups with a sex or age condition (the age/sex edit).</summary>
    public IEnumerable<CodingEditGroup> AgeSexConditions => All.Where(g => g.Sex is not null || g.MinAge is not null || g.MaxAge is not null);

    /// <summary>The group of that id (one of <see cref="RequiredIds"/> is always present).</summary>
    public CodingEditGroup this[string id] => _byId[id];

    /// <summary>Where the build copies the shipped FY2025 groups.</summary>
    public static string StarterPath { get; } = Path.Combine(AppContext.BaseDirectory, "coding-data", "coding-edit-groups-fy2025.txt");

    private static readonly Lazy<FiscalYearRegistry<CodingEditGroups>> SharedStarter = new(() => Registry([Load(StarterPath)]));

    /// <summary>The shipped FY2025 groups alone, read once per process.</summary>
    public static FiscalYearRegistry<CodingEditGroups> Starter => SharedStarter.Value;

    /// <summary>A registry over several fiscal years' files.</summary>
    public static FiscalYearRegistry<CodingEditGroups> Registry(IEnumerable<CodingEditGroups> files) => new(files, g => g.FiscalYear);

    /// <summary>Loads a file; throws <see cref="CodeSetFormatException"/> naming file and line.</summary>
    public static CodingEditGroups Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        int? fiscalYear = null;
        var groups = new List<CodingEditGroup>();
        foreach (var (line, text) in DataFile.ReadLines(full))
        {
            var entry = text.Trim();
            if (entry.Length == 0 || entry.StartsWith('#'))
            {
                continue;
            }

            if (fiscalYear is null)
            {
                var header = HeaderRegex().Match(entry);
                fiscalYear = header.Success
                    ? int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture)
                    : throw new CodeSetFormatException(full, line, $"expected the header '{Header} FY<year>'");
                continue;
            }

            var group = Group(full, line, entry);
            if (groups.Any(g => g.Id == group.Id))
            {
                throw new CodeSetFormatException(full, line, $"group '{group.Id}' appears twice");
            }

            groups.Add(group);
        }

        if (fiscalYear is null)
        {
            throw new CodeSetFormatException(full, 0, "the file has no header line");
        }

        if (RequiredIds.FirstOrDefault(id => !groups.Any(g => g.Id == id)) is { } missing)
        {
            throw new CodeSetFormatException(full, 0, $"group '{missing}' is missing (the edits need: {string.Join(", ", RequiredIds)})");
        }

        return new CodingEditGroups(fiscalYear.Value, full, groups);
    }

    private static CodingEditGroup Group(string path, int line, string entry)
    {
        var fields = entry.Split('|', StringSplitOptions.TrimEntries);
        if (fields.Length != 5 || fields.Any(f => f.Length == 0))
        {
            throw new CodeSetFormatException(path, line, "expected 'id | codes | conditions | description | source' (five fields, none empty; '-' for no conditions)");
        }

        if (!IdRegex().IsMatch(fields[0]))
        {
            throw new CodeSetFormatException(path, line, $"'{fields[0]}' is not a group id (lower-case letters, digits and '-')");
        }

        var codes = fields[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => PoaExemptList.Range(path, line, c)).ToList();
        var group = new CodingEditGroup { Id = fields[0], Codes = codes, Description = fields[3], Source = fields[4] };
        return fields[2] == "-" ? group : fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries).Aggregate(group, (g, c) => Condition(path, line, g, c));
    }

    private static CodingEditGroup Condition(string path, int line, CodingEditGroup group, string condition)
    {
        if (condition is "sex=F" or "sex=M")
        {
            return group with { Sex = condition == "sex=F" ? AdministrativeSex.Female : AdministrativeSex.Male };
        }

        var age = AgeRegex().Match(condition);
        if (!age.Success || (age.Groups["min"].Length == 0 && age.Groups["max"].Length == 0))
        {
            throw new CodeSetFormatException(path, line, $"condition '{condition}' is not sex=F, sex=M, age=MIN-MAX, age=MIN- or age=-MAX");
        }

        int? Bound(string name) => age.Groups[name].Length > 0 ? int.Parse(age.Groups[name].Value, CultureInfo.InvariantCulture) : null;
        var (min, max) = (Bound("min"), Bound("max"));
        return min > max
            ? throw new CodeSetFormatException(path, line, $"age range '{condition}' ends before it starts")
            : group with { MinAge = min, MaxAge = max };
    }

    [GeneratedRegex(@"^coding-edit-groups\s+FY(\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderRegex();

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"^age=(?<min>\d{1,3})?-(?<max>\d{1,3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex AgeRegex();
}
