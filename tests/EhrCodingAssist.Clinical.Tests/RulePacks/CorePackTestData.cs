using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Ingest;
using EhrCodingAssist.Clinical.Rules;
using EhrCodingAssist.Clinical.Snapshot;
using EhrCodingAssist.Clinical.Terminology;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace EhrCodingAssist.Clinical.Tests.RulePacks;

/// <summary>The core pack loaded once against the starter and the full FY2025 code sets, plus paths to shared data.</summary>
internal static class CorePackTestData
{
    private static readonly Lazy<string> RepoRootPath = new(FindRepoRoot);
    private static readonly Lazy<ICodeSet> StarterSet = new(() => CodeSetLoader.Load(StarterFile, 2025));
    private static readonly Lazy<ICodeSet> FullSet = new(() => CodeSetLoader.Load(Path.Combine(SharedData, "icd10cm"), 2025));
    private static readonly Lazy<RulePack> StarterPackValue = new(() => RulePackLoader.Load(PackDirectory, StarterSet.Value));
    private static readonly Lazy<RulePack> FullPackValue = new(() => RulePackLoader.Load(PackDirectory, FullSet.Value));

    public static string RepoRoot => RepoRootPath.Value;

    public static string SharedData => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    public static string Scenarios => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "scenarios"));

    public static string PackDirectory => Path.Combine(RepoRoot, "src", "EhrCodingAssist.Clinical", "RulePacks", "core");

    public static string StarterFile =>
        Path.Combine(RepoRoot, "src", "EhrCodingAssist.Clinical", "Terminology", "Starter", "icd10cm-order-starter-fy2025.txt");

    public static ICodeSet Starter => StarterSet.Value;

    public static ICodeSet Full => FullSet.Value;

    /// <summary>The core pack validated against the starter code set.</summary>
    public static RulePack Pack => StarterPackValue.Value;

    /// <summary>The core pack validated against the full FY2025 code set.</summary>
    public static RulePack FullPack => FullPackValue.Value;

    public static IReadOnlyList<EncounterSnapshot> Snapshots(string bundlePath)
    {
        var bundle = FhirJsonInput.Deserializer.Deserialize<Bundle>(File.ReadAllText(bundlePath));
        return SnapshotAssembler.FromBundle(bundle);
    }

    /// <summary>Evaluates and fails the calling test on any per-rule evaluation error.</summary>
    public static IReadOnlyList<Finding> Evaluate(RulePack pack, EncounterSnapshot snapshot, IReadOnlyCollection<string>? criteria = null)
    {
        var result = pack.EvaluateDetailed(pack.CreateIndex(snapshot), criteria);
        Assert.True(result.Errors.Count == 0, string.Join("; ", result.Errors.Select(e => e.Rule + ": " + e.Message)));
        return result.Findings;
    }

    public static bool HasCodePrefix(Finding finding, string prefix) =>
        finding.Codes.Any(c => c.Code.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EhrCodingAssist.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("EhrCodingAssist.sln not found above " + AppContext.BaseDirectory);
    }
}
