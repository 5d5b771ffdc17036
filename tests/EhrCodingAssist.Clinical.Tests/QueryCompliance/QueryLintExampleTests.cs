using EhrCodingAssist.Clinical.QueryCompliance;
using EhrCodingAssist.Clinical.Tests.RulePacks;

namespace EhrCodingAssist.Clinical.Tests.QueryCompliance;

/// <summary>The example lists of docs/query-compliance.md, run through the lint (data: query-lint-examples.txt).</summary>
public sealed class QueryLintExampleTests
{
    public static TheoryData<int> Numbers() => [.. QueryLintExample.All.Select(e => e.Number)];

    [Fact]
    public void Examples_AtLeastFortyOfEachKind()
    {
        Assert.True(QueryLintExample.All.Count(e => !e.Compliant) >= 40);
        Assert.True(QueryLintExample.All.Count(e => e.Compliant) >= 40);
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void CheckText_Example_RaisesExactlyTheExpectedRules(int number)
    {
        var example = QueryLintExample.All[number - 1];

        var violations = QueryLint.CheckText(example.Text, "text");

        Assert.Equal(example.ExpectedRules.Order(StringComparer.Ordinal), violations.Select(v => v.Rule).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void CheckText_Example_OffsetsPointAtThePhraseAndTheMessageNamesEveryPhrase(int number)
    {
        var example = QueryLintExample.All[number - 1];

        var result = new QueryLintResult(QueryLint.CheckText(example.Text, "text"));

        foreach (var v in result.Violations)
        {
            Assert.Equal(v.Phrase, example.Text.Substring(v.Start!.Value, v.Length!.Value));
            Assert.Contains($"'{v.Phrase}'", result.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Docs_ListEveryExampleWithTheLintsResult()
    {
        var doc = File.ReadAllText(Path.Combine(CorePackTestData.RepoRoot, "docs", "query-compliance.md"));

        var missing = QueryLintExample.All.Select(e => e.DocRow()).Where(row => !doc.Contains(row, StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, "docs/query-compliance.md is out of date; expected rows:\n" + string.Join("\n", missing));
    }
}
