using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Rules;
using EhrCodingAssist.Clinical.Tests.Rules.Support;

namespace EhrCodingAssist.Clinical.Tests.Rules;

public sealed class RulePackLoaderTests
{
    [Fact]
    public void Load_ValidPack_CompilesRulesWithManifestAndOptions()
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule, "acute-kidney-injury");

        var loaded = pack.Load();

        Assert.Equal("test", loaded.Manifest.Name);
        Assert.Equal(["sepsis-3"], loaded.Manifest.DefaultCriteria);
        var rule = Assert.Single(loaded.Rules);
        Assert.Equal("rules/acute-kidney-injury/aki.yaml", rule.File);
        Assert.Equal(FindingKind.Query, rule.Kind);
        Assert.Equal(["N17.9", "N17.0", QueryOption.Other, QueryOption.ClinicallyUndetermined], rule.Options.Select(o => o.Id));
        Assert.Equal("Acute kidney failure, unspecified", rule.Options[0].Label);
        Assert.Equal("Acute kidney failure with tubular necrosis", rule.Options[1].Label);
        Assert.Equal(113.12m, loaded.Definitions.Analytes["creatinine"].MolarMass);
    }

    [Fact]
    public void Load_ExpressionSyntaxError_FailsWithFileAndLine()
    {
        var yaml = TestPack.AkiRule.Replace("riseWithin(48, 'mg/dL') >= 0.3", "riseWithin(48, 'mg/dL' >= ", StringComparison.Ordinal);
        using var pack = TestPack.WithRule("aki", yaml);

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Equal("rules/test/aki.yaml", e.File);
        Assert.Equal(8, e.Line);
        Assert.StartsWith("rules/test/aki.yaml:8: expression 'rise' does not compile", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownFunction_FailsAtLoad()
    {
        var yaml = TestPack.AkiRule.Replace("conditions().icd10('N17').exists()", "conditions().icd11('N17').exists()", StringComparison.Ordinal);
        using var pack = TestPack.WithRule("aki", yaml);

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Equal(10, e.Line);
        Assert.Contains("icd11", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownAnalyte_FailsNamingIt()
    {
        var yaml = TestPack.AkiRule.Replace("observations('creatinine').maxIn", "observations('creatinin').maxIn", StringComparison.Ordinal);
        using var pack = TestPack.WithRule("aki", yaml);

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Equal(12, e.Line);
        Assert.Contains("unknown analyte 'creatinin'", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CodeNotInCodeSet_Fails()
    {
        var yaml = TestPack.AkiRule.Replace("- code: N17.0", "- code: N17.8", StringComparison.Ordinal);
        using var pack = TestPack.WithRule("aki", yaml);

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Equal(24, e.Line);
        Assert.Contains("N17.8 is not in the active code set", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HeaderCodeAsOption_FailsNotBillable()
    {
        var yaml = TestPack.AkiRule.Replace("- code: N17.0", "- code: N17", StringComparison.Ordinal);
        using var pack = TestPack.WithRule("aki", yaml);

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Contains("not billable", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TemplateSyntaxError_FailsAtTemplateLine()
    {
        var yaml = TestPack.AkiRule.Replace("{{ end }}", "{{ end", StringComparison.Ordinal);
        using var pack = TestPack.WithRule("aki", yaml);

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Contains("query_template", e.Reason, StringComparison.Ordinal);
        Assert.InRange(e.Line, 19, 21);
    }

    [Fact]
    public void Load_IdDiffersFromFileName_Fails()
    {
        using var pack = TestPack.WithRule("other-name", TestPack.AkiRule);

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Equal(1, e.Line);
        Assert.Contains("must match the file name", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKey_FailsAtThatKey()
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule + "\ncolour: blue\n");

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Contains("unknown key 'colour'", e.Reason, StringComparison.Ordinal);
        Assert.Equal(30, e.Line);
    }

    [Fact]
    public void Load_OneBrokenRuleAmongGood_WholePackFails()
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule);
        pack.Write("rules/z/broken.yaml", "id: broken\nversion: [\n");

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Equal("rules/z/broken.yaml", e.File);
        Assert.Contains("invalid YAML", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnclosedFlowSequence_FailsWithRulePackLoadException()
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule);
        pack.Write("rules/z/broken.yaml", "id: broken\nwhen: [unclosed\nwhen_broken:\n  a: \"true\"\n");

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Equal("rules/z/broken.yaml", e.File);
        Assert.True(e.Line >= 1, $"line {e.Line}");
        Assert.Contains("invalid YAML", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralBrokenFiles_ReportsFirstInFileOrder()
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule);
        pack.Write("rules/b/second.yaml", "id: second\nversion: [\n");
        pack.Write("rules/a/first.yaml", "id: first\nwhen: [unclosed\nwhen_broken:\n  a: \"true\"\n");
        pack.Write("rules/c/third.yaml", "id: third\nwhen: [unclosed\nwhen_broken:\n  a: \"true\"\n");

        for (var i = 0; i < 5; i++)
        {
            var e = Assert.Throws<RulePackLoadException>(pack.Load);
            Assert.Equal("rules/a/first.yaml", e.File);
        }
    }

    [Fact]
    public void Load_UnknownCriteriaSet_Fails()
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule.Replace("topic: acute-kidney-injury", "topic: x\ncriteria: sepsis-4", StringComparison.Ordinal));

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Contains("criteria set 'sepsis-4'", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingTestCaseFile_Fails()
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule + "\ntests:\n  - case: aki.positive.json\n    expect: fires\n");

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Contains("aki.positive.json", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadAnalyteUnit_FailsInAnalytesFile()
    {
        using var pack = new TestPack();
        pack.Write("analytes.yaml", "creatinine:\n  unit: mg/dLL\n  loinc: [2160-0]\n");

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Equal("analytes.yaml", e.File);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Load_MissingFolder_Fails()
    {
        var e = Assert.Throws<RulePackLoadException>(() => RulePackLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-pack-" + Guid.NewGuid()), new FakeCodeSet()));

        Assert.Contains("not found", e.Reason, StringComparison.Ordinal);
    }
}
