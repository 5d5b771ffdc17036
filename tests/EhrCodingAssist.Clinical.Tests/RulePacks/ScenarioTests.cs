using System.Text.Json;
using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Tests.RulePacks;

/// <summary>The public scenarios in ../shared/scenarios, evaluated with the pack's default criteria.</summary>
public sealed class ScenarioTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorePackTestData.Scenarios, "*.expect.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file)[..^".expect.json".Length]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Evaluate_Scenario_MeetsPresentAbsentAndAbsentQuery(string name)
    {
        using var expect = JsonDocument.Parse(File.ReadAllText(Path.Combine(CorePackTestData.Scenarios, name + ".expect.json")));
        var root = expect.RootElement;
        var encounter = root.GetProperty("encounter").GetString();
        var snapshot = Assert.Single(CorePackTestData.Snapshots(Path.Combine(CorePackTestData.Scenarios, name + ".bundle.json")), s => s.EncounterReference == encounter);

        var findings = CorePackTestData.Evaluate(CorePackTestData.Pack, snapshot);

        foreach (var group in Strings(root, "present", nested: true))
        {
            Assert.True(findings.Any(f => group.Any(p => CorePackTestData.HasCodePrefix(f, p))), $"{name}: no finding carries any of [{string.Join(", ", group)}]");
        }

        foreach (var prefix in Strings(root, "absent", nested: false).SelectMany(g => g))
        {
            Assert.DoesNotContain(findings, f => CorePackTestData.HasCodePrefix(f, prefix));
        }

        foreach (var prefix in Strings(root, "absent_query", nested: false).SelectMany(g => g))
        {
            Assert.DoesNotContain(findings, f => f.Kind == FindingKind.Query && CorePackTestData.HasCodePrefix(f, prefix));
        }
    }

    private static List<List<string>> Strings(JsonElement root, string property, bool nested)
    {
        if (!root.TryGetProperty(property, out var array))
        {
            return [];
        }

        return nested
            ? array.EnumerateArray().Select(g => g.EnumerateArray().Select(e => e.GetString()!).ToList()).ToList()
            : [array.EnumerateArray().Select(e => e.GetString()!).ToList()];
    }
}
