using System.Text.Json;

namespace EhrCodingAssist.Cli.Tests;

/// <summary>Every Synthea patient of ../shared/data analysed with exit 0 and every encounter reported.</summary>
public sealed class SyntheaTests
{
    public static TheoryData<string> Bundles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.Synthea, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Bundles_ThirtyPatients()
    {
        Assert.Equal(30, Bundles().Count);
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Analyze_SyntheaBundle_ExitZeroEveryEncounterReported(string file)
    {
        var path = Path.Combine(TestPaths.Synthea, file);

        var result = CliRunner.Run("analyze", path);

        Assert.True(result.Exit == 0, result.Stderr);
        Assert.Equal(CountEncounterEntries(path), AnalyzeOutput.Parse(result.Stdout).Count);
        Assert.All(AnalyzeOutput.Parse(result.Stdout), e => Assert.StartsWith("Patient/", e.Patient, StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_SyntheaBulkNdjsonFolder_ExitZeroEveryEncounterReported()
    {
        var encounterLines = File.ReadLines(Path.Combine(TestPaths.SyntheaBulk, "Encounter.000.ndjson")).Count(l => l.Length > 0);

        var result = CliRunner.Run("analyze", TestPaths.SyntheaBulk);

        Assert.True(result.Exit == 0, result.Stderr);
        Assert.DoesNotContain("skipped", result.Stderr, StringComparison.Ordinal);
        var encounters = AnalyzeOutput.Parse(result.Stdout);
        Assert.Equal(encounterLines, encounters.Count);
        Assert.Equal(encounterLines, encounters.Select(e => e.Encounter).Distinct().Count());
    }

    private static int CountEncounterEntries(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("entry").EnumerateArray()
            .Count(e => e.GetProperty("resource").GetProperty("resourceType").GetString() == "Encounter");
    }
}
