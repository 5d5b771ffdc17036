namespace EhrCodingAssist.Benchmarks;

/// <summary>Repository-relative inputs; BenchmarkDotNet runs its child process from a folder under bin/, so walk up.</summary>
internal static class BenchPaths
{
    public static string Repository { get; } = Find();

    public static string Shared => Path.GetFullPath(Path.Combine(Repository, "..", "shared"));

    public static string CorePack => Path.Combine(Repository, "src", "EhrCodingAssist.Clinical", "RulePacks", "core");

    public static string StarterCodeSet => Path.Combine(Repository, "src", "EhrCodingAssist.Clinical", "Terminology", "Starter", "icd10cm-order-starter-fy2025.txt");

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EhrCodingAssist.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EhrCodingAssist.sln not found above " + AppContext.BaseDirectory);
    }
}
