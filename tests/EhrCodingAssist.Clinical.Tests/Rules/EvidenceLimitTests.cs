using EhrCodingAssist.Clinical.Rules;
using EhrCodingAssist.Clinical.Tests.Rules.Support;
using static EhrCodingAssist.Clinical.Tests.Rules.Support.Fhir;

namespace EhrCodingAssist.Clinical.Tests.Rules;

public sealed class EvidenceLimitTests
{
    private static readonly Hl7.Fhir.Model.Resource[] Creatinines =
    [
        Lab("c1", "2160-0", 1.1m, "mg/dL", "2026-03-10T10:00:00Z"),
        Lab("c2", "2160-0", 0.8m, "mg/dL", "2026-03-11T10:00:00Z"),
        Lab("c3", "2160-0", 212m, "umol/L", "2026-03-12T10:00:00Z"),
        Lab("c4", "2160-0", 1.6m, "mg/dL", "2026-03-13T10:00:00Z"),
        Lab("c5", "2160-0", 1.3m, "mg/dL", "2026-03-14T10:00:00Z"),
        Lab("c6", "2160-0", 1.2m, "mg/dL", "2026-03-15T10:00:00Z"),
    ];

    [Fact]
    public void Evaluate_SelectorOverDefaultLimit_KeepsLowestHighestAndLatestInOrder()
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule);

        var finding = Assert.Single(pack.Load().Evaluate(Snap(Creatinines)));

        // 212 µmol/L (2.4 mg/dL) is the highest once converted; 0.8 the lowest; c6 the latest.
        Assert.Equal(["Observation/c2", "Observation/c3", "Observation/c6"], finding.Evidence.Select(e => e.Reference));
        Assert.Equal(3, finding.Text.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Evaluate_SelectorLimitAll_KeepsEverything()
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule.Replace("select: \"observations('creatinine')\"", "select: \"observations('creatinine')\"\n    limit: all", StringComparison.Ordinal));

        var finding = Assert.Single(pack.Load().Evaluate(Snap(Creatinines)));

        Assert.Equal(6, finding.Evidence.Count);
    }

    [Fact]
    public void Evaluate_SelectorLimitFour_FillsWithLatestOthers()
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule.Replace("select: \"observations('creatinine')\"", "select: \"observations('creatinine')\"\n    limit: 4", StringComparison.Ordinal));

        var finding = Assert.Single(pack.Load().Evaluate(Snap(Creatinines)));

        Assert.Equal(["Observation/c2", "Observation/c3", "Observation/c5", "Observation/c6"], finding.Evidence.Select(e => e.Reference));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    public void Load_BadLimit_FailsAtThatLine(string limit)
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule.Replace("select: \"observations('creatinine')\"", "select: \"observations('creatinine')\"\n    limit: " + limit, StringComparison.Ordinal));

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Equal(16, e.Line);
        Assert.Contains("'limit'", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EvidenceSummary_ShowsHumanUnitLabelAndKeepsUcumUnit()
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule);

        var finding = Assert.Single(pack.Load().Evaluate(Snap(Creatinines)));

        var high = finding.Evidence.Single(e => e.Reference == "Observation/c3");
        Assert.Equal("Creatinine 212 µmol/L on 2026-03-12", high.Summary);
        Assert.Equal("umol/L", high.Unit);
    }
}
