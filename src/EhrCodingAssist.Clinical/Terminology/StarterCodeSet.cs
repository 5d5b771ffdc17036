namespace EhrCodingAssist.Clinical.Terminology;

/// <summary>The small FY2025 starter set shipped with the app (the codes the core rule pack uses).</summary>
public static class StarterCodeSet
{
    /// <summary>Where the build copies the starter file.</summary>
    public static string DefaultPath { get; } =
        Path.Combine(AppContext.BaseDirectory, "terminology", "icd10cm-order-starter-fy2025.txt");

    private static readonly Lazy<IcdCodeSet> Shared = new(() => CodeSetLoader.LoadIcd(DefaultPath, 2025));

    /// <summary>
    /// The starter set (CMS order-file format) from <see cref="DefaultPath"/>, read once per process; the set is
    /// immutable, so sharing it is safe. A load failure is rethrown on every call.
    /// </summary>
    public static ICodeSet Load() => Shared.Value;
}
