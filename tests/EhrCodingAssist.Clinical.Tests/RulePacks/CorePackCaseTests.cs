using EhrCodingAssist.Clinical.Rules;

namespace EhrCodingAssist.Clinical.Tests.RulePacks;

public sealed class CorePackCaseTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var rule in CorePackTestData.Pack.Rules)
        {
            foreach (var test in rule.Tests)
            {
                data.Add(rule.Id, test.Case);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_RuleCase_MatchesExpectation(string ruleId, string caseFile)
    {
        var pack = CorePackTestData.Pack;
        var rule = pack.Rules.Single(r => r.Id == ruleId);
        var test = rule.Tests.Single(t => t.Case == caseFile);
        var snapshot = Assert.Single(CorePackTestData.Snapshots(test.Path));

        var findings = CorePackTestData.Evaluate(pack, snapshot, CriteriaFor(pack, rule, test)).Where(f => f.Rule == ruleId).ToList();

        if (!test.ExpectFires)
        {
            Assert.Empty(findings);
            return;
        }

        var finding = Assert.Single(findings);
        Assert.All(test.Codes, code => Assert.Contains(finding.Codes, c => c.Code == code));
        Assert.NotEmpty(finding.Evidence);
        Assert.False(string.IsNullOrWhiteSpace(finding.Title));
        if (finding.Kind == Findings.FindingKind.Query)
        {
            Assert.All(finding.Evidence, e => Assert.Contains(e.Summary, finding.Text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void RulePackTestRunner_CorePack_EveryCasePasses()
    {
        var pack = CorePackTestData.Pack;

        var report = RulePackTestRunner.Run(pack);

        Assert.True(report.Failed == 0, string.Join("\n", report.Results.Where(r => !r.Passed).Select(r => $"{r.Rule} {r.Case}: {r.Message}")));
        Assert.Equal(pack.Rules.Sum(r => r.Tests.Count), report.Passed);
    }

    [Fact]
    public void Evaluate_SepsisScenarioCase_FiresOnlyUnderTheSelectedCriteriaSet()
    {
        var pack = CorePackTestData.Pack;
        var snapshot = Assert.Single(CorePackTestData.Snapshots(Path.Combine(CorePackTestData.Scenarios, "sepsis_uti.bundle.json")));

        var sepsis2 = CorePackTestData.Evaluate(pack, snapshot, ["sepsis-2"]).Select(f => f.Rule).ToList();
        var sepsis3 = CorePackTestData.Evaluate(pack, snapshot, ["sepsis-3"]).Select(f => f.Rule).ToList();

        Assert.Contains("sepsis-2-sirs", sepsis2);
        Assert.DoesNotContain("sepsis-3-sofa", sepsis2);
        Assert.Contains("sepsis-3-sofa", sepsis3);
        Assert.DoesNotContain("sepsis-2-sirs", sepsis3);
    }

    // Like the engine's runner: the pack's default criteria plus the rule's own set, unless the case names its sets.
    private static List<string> CriteriaFor(RulePack pack, Rule rule, RuleTestCase test) =>
        test.Criteria?.ToList() ?? [.. pack.Manifest.DefaultCriteria, .. rule.Criteria is null ? Array.Empty<string>() : [rule.Criteria]];
}
