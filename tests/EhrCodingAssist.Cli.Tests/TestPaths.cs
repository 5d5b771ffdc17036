namespace EhrCodingAssist.Cli.Tests;

/// <summary>The repository root (holding EhrCodingAssist.sln) and ../shared beside it.</summary>
internal static class TestPaths
{
    public static string Repository { get; } = FindRepository();

    public static string Shared { get; } = Path.GetFullPath(Path.Combine(Repository, "..", "shared"));

    public static string Scenarios => Path.Combine(Shared, "scenarios");

    public static string Synthea => Path.Combine(Shared, "data", "synthea");

    public static string SyntheaBulk => Path.Combine(Shared, "data", "synthea_bulk_10patients");

    public static string CorePackSource => Path.Combine(Repository, "src", "EhrCodingAssist.Clinical", "RulePacks", "core");

    /// <summary>Copies a folder recursively (used to make a broken copy of the core pack).</summary>
    public static void CopyDirectory(string source, string target)
    {
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(source, target, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(source, target, StringComparison.Ordinal));
        }
    }

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EhrCodingAssist.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EhrCodingAssist.sln not found above " + AppContext.BaseDirectory);
    }
}
