using System.Text.Json;

namespace EhrCodingAssist.Cli.Tests;

/// <summary>The parts of the analyze JSON the tests look at.</summary>
internal sealed record AnalyzedFinding(string Rule, string Kind, IReadOnlyList<string> Codes);

internal sealed record AnalyzedEncounter(string Encounter, string? Patient, IReadOnlyList<AnalyzedFinding> Findings);

internal static class AnalyzeOutput
{
    public static IReadOnlyList<AnalyzedEncounter> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return
        [
            .. document.RootElement.GetProperty("encounters").EnumerateArray().Select(e => new AnalyzedEncounter(
                e.GetProperty("encounter").GetString()!,
                e.GetProperty("patient").GetString(),
                [
                    .. e.GetProperty("findings").EnumerateArray().Select(f => new AnalyzedFinding(
                        f.GetProperty("rule").GetString()!,
                        f.GetProperty("kind").GetString()!,
                        [.. f.GetProperty("codes").EnumerateArray().Select(c => c.GetProperty("code").GetString()!)])),
                ])),
        ];
    }
}
