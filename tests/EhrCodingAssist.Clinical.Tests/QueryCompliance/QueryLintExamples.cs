using EhrCodingAssist.Clinical.QueryCompliance;

namespace EhrCodingAssist.Clinical.Tests.QueryCompliance;

/// <summary>One example of query-lint-examples.txt: the rules it must raise (none for a compliant text) and the text.</summary>
internal sealed record QueryLintExample(int Number, IReadOnlyList<string> ExpectedRules, string Text)
{
    public bool Compliant => ExpectedRules.Count == 0;

    public static IReadOnlyList<QueryLintExample> All { get; } = Load();

    /// <summary>The docs/query-compliance.md table row of this example with the lint's actual result.</summary>
    public string DocRow()
    {
        var result = QueryLint.CheckText(Text, "text");
        var outcome = result.Count == 0
            ? "passes"
            : "refused: " + string.Join("; ", result.Select(v => $"{v.Rule} \u201C{v.Phrase.ReplaceLineEndings(" ")}\u201D ({v.Start}-{v.Start + v.Length})"));
        return $"| {Number} | {Cell(Text)} | {Cell(outcome)} |";
    }

    private static string Cell(string text) => text.ReplaceLineEndings("<br>").Replace("|", "\\|", StringComparison.Ordinal);

    private static List<QueryLintExample> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "QueryCompliance", "query-lint-examples.txt");
        return [.. File.ReadLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select((line, i) =>
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                var rules = line[..tab] == "-" ? [] : line[..tab].Split(',');
                return new QueryLintExample(i + 1, rules, line[(tab + 1)..].Replace("\\n", "\n", StringComparison.Ordinal));
            })];
    }
}
