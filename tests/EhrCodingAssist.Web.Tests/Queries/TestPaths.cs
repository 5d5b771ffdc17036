namespace EhrCodingAssist.Web.Tests.Queries;

/// <summary>Finds the repository (the folder with EhrCodingAssist.sln) and ../shared beside it.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepo();

    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string UsCore610 => Path.Combine(Shared, "data", "us-core", "6.1.0");

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EhrCodingAssist.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EhrCodingAssist.sln not found above " + AppContext.BaseDirectory);
    }
}
