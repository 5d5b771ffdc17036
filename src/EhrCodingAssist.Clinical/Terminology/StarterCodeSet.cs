namespace EhrCodingAssist.Clinical.Terminology;

/// <summary>The small FY2025 starter set shipped with the app (the codes the core rule pack uses).</summary>
public static class StarterCodeSet
{
    /// <summary>Where the build copies the starter file.</summary>
    public static string DefaultPath { get; } =
        Path.Combine(AppContext.BaseDirectory, "terminology", "icd10cm-order-starter-fy2025.txt");

    /// <summary>Loads the starter set (CMS order-file format) from <see cref="DefaultPath"/>.</summary>
    public static ICodeSet Load() => CodeSetLoader.LoadIcd(DefaultPath, 2025);
}
