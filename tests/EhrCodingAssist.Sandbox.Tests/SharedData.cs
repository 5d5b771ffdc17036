namespace EhrCodingAssist.Sandbox.Tests;

/// <summary>Finds ../shared next to the repository (the folder holding EhrCodingAssist.sln).</summary>
internal static class SharedData
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EhrCodingAssist.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
            }
        }

        throw new DirectoryNotFoundException("EhrCodingAssist.sln not found above " + AppContext.BaseDirectory);
    }
}
