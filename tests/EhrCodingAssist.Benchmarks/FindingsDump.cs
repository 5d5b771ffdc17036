using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Rules;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Benchmarks;

/// <summary>
/// <c>findings-json DIR</c>: writes the findings (public JSON, indented) of the benchmark encounters — the large
/// encounter at several sizes and the scenario, under each criteria set — so that an engine or rule change can be
/// checked to leave them unchanged (<c>diff -r</c> two such folders).
/// </summary>
internal static class FindingsDump
{
    public static void Run(string directory)
    {
        Directory.CreateDirectory(directory);
        var pack = RulePackLoader.Load(BenchPaths.CorePack, CodeSetLoader.Load(BenchPaths.StarterCodeSet));
        var snapshots = new[] { 300, 500, 2000, 5000 }
            .Select(n => ($"large-{n}", LargeEncounter.Build(n)))
            .Append(("scenario", LargeEncounter.Scenario()));
        foreach (var (name, snapshot) in snapshots)
        {
            foreach (var criteria in pack.Manifest.CriteriaSets)
            {
                var findings = pack.Evaluate(snapshot, [criteria]);
                var json = FindingsJson.Serialize([new EncounterFindings(snapshot.EncounterReference, snapshot.PatientReference, findings)], indented: true);
                File.WriteAllText(Path.Combine(directory, $"{name}.{criteria}.json"), json);
                Console.WriteLine($"{name} {criteria}: {findings.Count} findings");
            }
        }
    }
}
