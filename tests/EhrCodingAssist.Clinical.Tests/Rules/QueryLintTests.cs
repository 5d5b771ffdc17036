using EhrCodingAssist.Clinical.Rules;
using EhrCodingAssist.Clinical.QueryCompliance;
using EhrCodingAssist.Clinical.Tests.Rules.Support;

namespace EhrCodingAssist.Clinical.Tests.Rules;

public sealed class QueryLintTests
{
    [Theory]
    [InlineData("this secures the DRG", "DRG")]
    [InlineData("would add an MCC", "MCC")]
    [InlineData("affects reimbursement", "reimbursement")]
    [InlineData("HCC capture", "HCC")]
    [InlineData("improves the case mix index", "case mix index")]
    public void Load_PaymentWordInQueryText_Rejected(string phrase, string word)
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule.Replace("if any.", "if any; " + phrase + ".", StringComparison.Ordinal));

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Contains($"'{word}': payment", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PaymentWordInTitle_Rejected()
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule.Replace("title_template: \"Creatinine rose", "title_template: \"CC: creatinine rose", StringComparison.Ordinal));

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Contains("'CC'", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingClinicallyUndetermined_Rejected()
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule.Replace("  - clinically-undetermined\n", string.Empty, StringComparison.Ordinal));

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Equal(22, e.Line);
        Assert.Contains("'clinically-undetermined'", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingOther_Rejected()
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule.Replace("  - other\n", string.Empty, StringComparison.Ordinal));

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Contains("'other'", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoClinicalIndicatorInQuery_Rejected()
    {
        var yaml = TestPack.AkiRule.Replace("{{ for i in indicators }}- {{ i.summary }}\n  {{ end }}\n", string.Empty, StringComparison.Ordinal);
        using var pack = TestPack.WithRule("aki", yaml);

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Contains("clinical indicators", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Please confirm acute kidney injury.")]
    [InlineData("Do you agree the patient has AKI?")]
    [InlineData("Please document acute kidney failure as the diagnosis.")]
    [InlineData("These labs support the diagnosis of AKI.")]
    [InlineData("Consider documenting acute kidney failure.")]
    public void Load_LeadingPhrase_Rejected(string sentence)
    {
        var yaml = TestPack.AkiRule.Replace("Based on these indicators, please document the condition being monitored and treated, if any.", sentence, StringComparison.Ordinal);
        using var pack = TestPack.WithRule("aki", yaml);

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Contains("lead", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WasThePatientQuestionWithSingleDiagnosis_Rejected()
    {
        var yaml = TestPack.AkiRule
            .Replace("Based on these indicators, please document the condition being monitored and treated, if any.", "Was the patient in acute kidney failure?", StringComparison.Ordinal)
            .Replace("  - code: N17.0\n    label: Acute kidney failure with tubular necrosis\n", string.Empty, StringComparison.Ordinal);
        using var pack = TestPack.WithRule("aki", yaml);

        var e = Assert.Throws<RulePackLoadException>(pack.Load);

        Assert.Contains("yes/no question", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckText_NeutralQuery_Accepted()
    {
        Assert.Empty(QueryLint.CheckText("Based on these indicators, please document, as clinically appropriate, the condition being treated.", "text"));
        Assert.Empty(QueryLint.CheckText("Creatinine 1.4 mg/dL; please clarify the diagnosis, if any.", "text"));
    }

    [Fact]
    public void CheckOptions_YesNo_Rejected()
    {
        var options = new[]
        {
            new Findings.QueryOption("N17.9", "Yes", new Findings.CodeRef(Findings.CodeRef.Icd10Cm, "N17.9", null)),
            new Findings.QueryOption("no", "No", null),
            new Findings.QueryOption(Findings.QueryOption.Other, "Other", null),
            new Findings.QueryOption(Findings.QueryOption.ClinicallyUndetermined, "Clinically undetermined", null),
        };

        var violations = QueryLint.CheckOptions(options);

        Assert.Equal([QueryLintRules.YesNoOptions, QueryLintRules.YesNoOptions], violations.Select(v => v.Rule));
        Assert.Equal(["Yes", "No"], violations.Select(v => v.Phrase));
    }
}
