using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.QueryCompliance;
using EhrCodingAssist.Clinical.Tests.RulePacks;

namespace EhrCodingAssist.Clinical.Tests.QueryCompliance;

public sealed class QueryLintCheckTests
{
    private static readonly QueryOption[] Options =
    [
        new("N17.9", "Acute kidney failure, unspecified", new CodeRef(CodeRef.Icd10Cm, "N17.9", null)),
        new(QueryOption.Other, "Other", null),
        new(QueryOption.ClinicallyUndetermined, "Clinically undetermined", null),
    ];

    [Fact]
    public void Check_IndicatorSummaryQuotedInText_IsNotReadAsLeading()
    {
        const string summary = "Chest X-ray: findings consistent with right lower lobe pneumonia";
        var text = "Clinical indicators:\n- " + summary + "\nPlease clarify the diagnosis, if any.";

        var quoted = QueryLint.Check(new QueryLintInput { Text = text, Options = Options, IndicatorCount = 1, Quoted = [summary] });
        var unquoted = QueryLint.Check(new QueryLintInput { Text = text, Options = Options, IndicatorCount = 1 });

        Assert.True(quoted.Passed);
        Assert.Equal([QueryLintRules.LeadingWording], unquoted.Violations.Select(v => v.Rule));
    }

    [Fact]
    public void Check_PaymentWordInsideAQuote_IsStillRefused()
    {
        var result = QueryLint.Check(new QueryLintInput { Text = "Note: \"Medicare patient\". Please clarify the diagnosis.", Quoted = ["Medicare patient"] });

        Assert.Equal("Medicare", Assert.Single(result.Violations).Phrase);
    }

    [Fact]
    public void Check_EveryPartWrong_ReportsEveryViolationNotOnlyTheFirst()
    {
        var result = QueryLint.Check(new QueryLintInput
        {
            Title = "Sepsis: adds an MCC",
            Text = " ",
            Options = [new QueryOption("yes", "Yes", null), new QueryOption("no", "No", null)],
            IndicatorCount = 0,
        });

        Assert.Equal(
            [QueryLintRules.FinancialWord, QueryLintRules.EmptyText, QueryLintRules.MissingOther, QueryLintRules.MissingClinicallyUndetermined,
             QueryLintRules.NoCodedOption, QueryLintRules.YesNoOptions, QueryLintRules.YesNoOptions, QueryLintRules.NoIndicator],
            result.Violations.Select(v => v.Rule));
        Assert.Equal("title", result.Violations[0].Field);
        Assert.StartsWith("8 compliance problems: title 'MCC': ", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CompliantDraft_Passes()
    {
        var result = QueryLint.Check(new QueryLintInput
        {
            Title = "Creatinine rose to 2.1 mg/dL",
            Text = "Clinical indicators:\n- Creatinine 2.1 mg/dL\nPlease clarify the diagnosis, if any.",
            Options = Options,
            IndicatorCount = 2,
        });

        Assert.True(result.Passed);
        Assert.Equal(string.Empty, result.Message);
    }

    [Theory]
    [InlineData("Please document", ", as appropriate", " sepsis.")]
    [InlineData("Is", " a,", " b?")]
    [InlineData("Meets", " the the", " criteria")]
    [InlineData("x", "   ", "?")]
    public void CheckText_LongRepetitiveText_CompletesWithinTheRegexTimeout(string head, string repeated, string tail)
    {
        var text = head + string.Concat(Enumerable.Repeat(repeated, 400)) + tail;

        var exception = Record.Exception(() => QueryLint.CheckText(text, "text"));

        Assert.Null(exception);
    }

    [Fact]
    public void CheckText_TemplateCode_IsNotReadAsWording()
    {
        Assert.Empty(QueryLint.CheckText("{{ if values.confirm }}Is the value {{ values.x }}{{ end }} Please clarify the diagnosis.", "query_template"));
    }

    [Fact]
    public void CorePack_EveryQueryRulesTitleAndTemplates_PassTheLint()
    {
        var queries = CorePackTestData.Pack.Rules.Where(r => r.Kind == FindingKind.Query).ToList();
        var violations = queries.SelectMany(r => QueryLint.CheckText(r.Title, "title")
            .Concat(QueryLint.CheckText(r.TitleTemplate.Source, "title_template"))
            .Concat(QueryLint.CheckText(r.TextTemplate!.Source, "query_template"))
            .Concat(QueryLint.CheckOptions(r.Options))
            .Select(v => $"{r.Id}: {v.Message}")).ToList();

        Assert.True(queries.Count >= 40);
        Assert.Empty(violations);
    }
}
