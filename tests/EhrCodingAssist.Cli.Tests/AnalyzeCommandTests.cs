using System.Text.Json;

namespace EhrCodingAssist.Cli.Tests;

public sealed class AnalyzeCommandTests : IDisposable
{
    private const string Patient = """{"resourceType":"Patient","id":"p1","gender":"male","birthDate":"1950-01-01"}""";
    private const string Encounter = """{"resourceType":"Encounter","id":"e1","status":"finished","class":{"code":"IMP"},"subject":{"reference":"Patient/p1"},"period":{"start":"2026-03-10T08:00:00Z","end":"2026-03-14T08:00:00Z"}}""";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Analyze_MissingFile_ExitTwoOneLineNamingThePath()
    {
        var missing = Path.Combine(_temp.Path, "nope.json");

        var result = CliRunner.Run("analyze", missing);

        Assert.Equal(2, result.Exit);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains(missing, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Analyze_InvalidJson_ExitTwoOneLineNamingTheFile()
    {
        var path = _temp.File("broken.json", """{"resourceType":"Bundle","type":"collection","entry":[""");

        var result = CliRunner.Run("analyze", path);

        Assert.Equal(2, result.Exit);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains(path + ": invalid JSON", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Analyze_InvalidFhir_ExitTwoOneLine()
    {
        var path = _temp.File("wrong.json", """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Observation","valueQuantity":"high"}}]}""");

        var result = CliRunner.Run("analyze", path);

        Assert.Equal(2, result.Exit);
        Assert.Contains(path + ": invalid FHIR", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind", "kind: banana")]
    [InlineData("yaml", "title: \"unterminated")]
    [InlineData("fhirpath", "when:\n  broken: \"observations('creatinine').where(\"")]
    public void Analyze_BrokenRulePack_ExitTwoNamingTheBrokenFile(string breakage, string replacement)
    {
        var pack = Path.Combine(_temp.Path, "pack");
        TestPaths.CopyDirectory(TestPaths.CorePackSource, pack);
        var rule = Directory.GetFiles(Path.Combine(pack, "rules"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var lines = File.ReadAllLines(rule).ToList();
        var target = breakage switch
        {
            "kind" => lines.FindIndex(l => l.StartsWith("kind:", StringComparison.Ordinal)),
            "fhirpath" => lines.FindIndex(l => l.StartsWith("when:", StringComparison.Ordinal)),
            _ => lines.Count - 1,
        };
        lines[target] = breakage == "yaml" ? lines[target] + "\n" + replacement : replacement;
        File.WriteAllLines(rule, lines);

        var result = CliRunner.Run("analyze", "--rules", pack, Path.Combine(TestPaths.Scenarios, "aki_rise.bundle.json"));

        Assert.Equal(2, result.Exit);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains(Path.GetFileName(rule) + ":", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Analyze_RulePackYamlParserFailure_ExitTwoOneLineNamingThePack()
    {
        var pack = Path.Combine(_temp.Path, "pack");
        TestPaths.CopyDirectory(TestPaths.CorePackSource, pack);
        var rule = Directory.GetFiles(Path.Combine(pack, "rules"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.WriteAllText(rule, File.ReadAllText(rule).Replace("when:", "when: [unclosed\nwhen_broken:", StringComparison.Ordinal));

        var result = CliRunner.Run("analyze", "--rules", pack, Path.Combine(TestPaths.Scenarios, "aki_rise.bundle.json"));

        Assert.Equal(2, result.Exit);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains("broken rule pack", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Analyze_MissingRulePackFolder_ExitTwo()
    {
        var result = CliRunner.Run("analyze", "--rules", Path.Combine(_temp.Path, "no-pack"), Path.Combine(TestPaths.Scenarios, "aki_rise.bundle.json"));

        Assert.Equal(2, result.Exit);
        Assert.Contains("no-pack", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_OneBadNdjsonLine_ReportedWithLineNumberRestAnalysed()
    {
        var path = _temp.File("export.ndjson", string.Join('\n',
            Patient,
            Encounter,
            """{"resourceType":"Observation","id":"o-broken","status":""",
            """{"resourceType":"Encounter","id":"e2","status":"finished","class":{"code":"IMP"},"subject":{"reference":"Patient/p1"}}"""));

        var result = CliRunner.Run("analyze", path);

        Assert.Equal(0, result.Exit);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains(path + ":3:", line, StringComparison.Ordinal);
        Assert.Equal(["Encounter/e1", "Encounter/e2"], AnalyzeOutput.Parse(result.Stdout).Select(e => e.Encounter));
    }

    [Fact]
    public void Analyze_UnknownCriteriaSet_ExitTwo()
    {
        var result = CliRunner.Run("analyze", "--criteria", "no-such-criteria", Path.Combine(TestPaths.Scenarios, "aki_rise.bundle.json"));

        Assert.Equal(2, result.Exit);
        Assert.Contains("no-such-criteria", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_Json_ExactTopLevelShape()
    {
        var result = CliRunner.Run("analyze", Path.Combine(TestPaths.Scenarios, "aki_rise.bundle.json"));

        Assert.True(result.Exit == 0, result.Stderr);
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["encounters"], document.RootElement.EnumerateObject().Select(p => p.Name));
        var encounter = Assert.Single(document.RootElement.GetProperty("encounters").EnumerateArray());
        Assert.Equal("Encounter/enc-aki-rise", encounter.GetProperty("encounter").GetString());
        Assert.Equal("Patient/pat-aki-rise", encounter.GetProperty("patient").GetString());
        var finding = encounter.GetProperty("findings").EnumerateArray().First();
        foreach (var name in new[] { "rule", "kind", "title", "text", "codes", "evidence" })
        {
            Assert.True(finding.TryGetProperty(name, out _), "finding lacks " + name);
        }

        Assert.Contains(finding.GetProperty("kind").GetString(), new[] { "query", "suggestion", "edit" });
        var code = finding.GetProperty("codes").EnumerateArray().First();
        Assert.Equal("http://hl7.org/fhir/sid/icd-10-cm", code.GetProperty("system").GetString());
        var evidence = finding.GetProperty("evidence").EnumerateArray().First();
        Assert.StartsWith("Observation/", evidence.GetProperty("reference").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(evidence.GetProperty("summary").GetString()));
    }

    [Fact]
    public void Analyze_TextFormat_ListsEncounterAndFindings()
    {
        var result = CliRunner.Run("analyze", "--format", "text", Path.Combine(TestPaths.Scenarios, "aki_rise.bundle.json"));

        Assert.True(result.Exit == 0, result.Stderr);
        Assert.StartsWith("Encounter/enc-aki-rise (Patient/pat-aki-rise):", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("code N17", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("findings" + Environment.NewLine, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_FolderOfBundles_EveryScenarioEncounter()
    {
        var result = CliRunner.Run("analyze", TestPaths.Scenarios);

        Assert.True(result.Exit == 0, result.Stderr);
        Assert.Equal(6, AnalyzeOutput.Parse(result.Stdout).Count);
        Assert.Equal(6, result.StderrLines.Length);
        Assert.All(result.StderrLines, line => Assert.Matches(@"skipped .*\.expect\.json: not a FHIR resource", line));
    }

    [Fact]
    public void Analyze_FolderWithoutInputFiles_ExitTwo()
    {
        _temp.File("readme.txt", "nothing here");

        var result = CliRunner.Run("analyze", _temp.Path);

        Assert.Equal(2, result.Exit);
        Assert.Contains("no .json or .ndjson files", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }
}
