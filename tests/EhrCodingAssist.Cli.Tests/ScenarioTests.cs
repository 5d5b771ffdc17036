using System.Text.Json;

namespace EhrCodingAssist.Cli.Tests;

/// <summary>The public scenarios in ../shared/scenarios through <c>ehrcoding analyze</c> with the core pack.</summary>
public sealed class ScenarioTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.Scenarios, "*.bundle.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file)[..^".bundle.json".Length]);
        }

        return data;
    }

    [Fact]
    public void Scenarios_AllSixFound()
    {
        Assert.Equal(6, Scenarios().Count);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Analyze_Scenario_MeetsExpectations(string name)
    {
        var expect = Expectation.Read(Path.Combine(TestPaths.Scenarios, name + ".expect.json"));

        var result = CliRunner.Run("analyze", Path.Combine(TestPaths.Scenarios, name + ".bundle.json"));

        Assert.True(result.Exit == 0, result.Stderr);
        var encounter = Assert.Single(AnalyzeOutput.Parse(result.Stdout), e => e.Encounter == expect.Encounter);
        var offered = encounter.Findings.Where(f => f.Kind is "query" or "suggestion").ToList();
        foreach (var group in expect.Present)
        {
            Assert.True(
                offered.Any(f => f.Codes.Any(c => StartsWithAny(c, group))),
                $"{name}: no query or suggestion offers a code starting with {string.Join("|", group)}; findings: {Describe(encounter)}");
        }

        foreach (var prefix in expect.Absent)
        {
            Assert.False(encounter.Findings.Any(f => f.Codes.Any(c => StartsWithAny(c, [prefix]))), $"{name}: {prefix} must be absent; findings: {Describe(encounter)}");
        }

        foreach (var prefix in expect.AbsentQuery)
        {
            Assert.False(
                encounter.Findings.Any(f => f.Kind == "query" && f.Codes.Any(c => StartsWithAny(c, [prefix]))),
                $"{name}: no query may offer {prefix}; findings: {Describe(encounter)}");
        }
    }

    private static bool StartsWithAny(string code, IEnumerable<string> prefixes) =>
        prefixes.Any(p => code.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static string Describe(AnalyzedEncounter encounter) =>
        string.Join("; ", encounter.Findings.Select(f => $"{f.Kind} {f.Rule} [{string.Join(",", f.Codes)}]"));

    private sealed record Expectation(string Encounter, IReadOnlyList<IReadOnlyList<string>> Present, IReadOnlyList<string> Absent, IReadOnlyList<string> AbsentQuery)
    {
        public static Expectation Read(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            return new Expectation(
                root.GetProperty("encounter").GetString()!,
                [.. List(root, "present").Select(g => (IReadOnlyList<string>)[.. g.EnumerateArray().Select(c => c.GetString()!)])],
                [.. List(root, "absent").Select(c => c.GetString()!)],
                [.. List(root, "absent_query").Select(c => c.GetString()!)]);
        }

        private static List<JsonElement> List(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) ? value.EnumerateArray().ToList() : [];
    }
}
