using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Tests.Terminology;

/// <summary>Paths to ../shared/data and the full FY2025 code set, loaded once per test run.</summary>
internal static class TerminologyTestData
{
    private static readonly string SharedDataFolder = FindSharedData();
    private static readonly Lazy<IcdCodeSet> FullSet = new(() => CodeSetLoader.LoadIcd(Path.Combine(SharedDataFolder, "icd10cm")));

    public static string SharedData => SharedDataFolder;

    public static IcdCodeSet Full => FullSet.Value;

    /// <summary>Writes lines to a temp file with the given name; the caller deletes the folder.</summary>
    public static string WriteTemp(string fileName, params string[] lines)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ehrcoding-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>One CMS order-file line: order(5) code(7) flag(1) short(60) long.</summary>
    public static string OrderLine(int order, string code, bool billable, string shortTitle, string longTitle) =>
        $"{order:00000} {code,-7} {(billable ? '1' : '0')} {shortTitle,-60} {longTitle}";

    private static string FindSharedData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EhrCodingAssist.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
            }
        }

        throw new DirectoryNotFoundException("EhrCodingAssist.sln not found above " + AppContext.BaseDirectory);
    }
}
