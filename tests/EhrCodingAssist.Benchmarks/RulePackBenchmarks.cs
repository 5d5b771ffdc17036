using BenchmarkDotNet.Attributes;
using EhrCodingAssist.Clinical.Rules;
using EhrCodingAssist.Clinical.Snapshot;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Benchmarks;

/// <summary>The whole core pack over one encounter (goal: ≤ 5 ms for about 2,000 resources).</summary>
[MemoryDiagnoser]
public class RulePackBenchmarks
{
    private RulePack _pack = null!;
    private EncounterSnapshot _large = null!;
    private EncounterSnapshot _scenario = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pack = RulePackLoader.Load(BenchPaths.CorePack, CodeSetLoader.Load(BenchPaths.StarterCodeSet));
        _large = LargeEncounter.Build();
        _scenario = LargeEncounter.Scenario();
        Console.WriteLine($"// large encounter: {_large.Resources.Count + 2} resources, {_pack.Evaluate(_large).Count} findings; "
            + $"scenario: {_scenario.Resources.Count + 2} resources, {_pack.Rules.Count} rules");
    }

    /// <summary>Index + every rule of the core pack over a 2,000-resource encounter.</summary>
    [Benchmark]
    public int CorePack_Encounter2000Resources() => _pack.Evaluate(_large).Count;

    /// <summary>The same over the small sepsis_uti scenario (fixed cost per encounter).</summary>
    [Benchmark]
    public int CorePack_ScenarioEncounter() => _pack.Evaluate(_scenario).Count;
}
