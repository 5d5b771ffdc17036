using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Tests.RulePacks;

public sealed class CorePackLoadTests
{
    [Fact]
    public void Load_StarterCodeSet_LoadsEveryRuleFile()
    {
        var pack = CorePackTestData.Pack;

        var files = Directory.GetFiles(Path.Combine(CorePackTestData.PackDirectory, "rules"), "*.yaml", SearchOption.AllDirectories);
        Assert.Equal(files.Length, pack.Rules.Count);
        Assert.Equal("core", pack.Manifest.Name);
    }

    [Fact]
    public void Load_FullFy2025CodeSet_LoadsTheSameRules()
    {
        var full = CorePackTestData.FullPack;

        Assert.Equal(CorePackTestData.Pack.Rules.Select(r => r.Id).Order(), full.Rules.Select(r => r.Id).Order());
        Assert.True(CorePackTestData.Full.Count > 90_000);
    }

    [Fact]
    public void Rules_CoverAtLeastTwentyTopics_EachCitingItsSource()
    {
        var rules = CorePackTestData.Pack.Rules;

        Assert.True(rules.Select(r => r.Topic).Distinct().Count() >= 20);
        Assert.All(rules, r => Assert.True(r.Source.Length > 40 && r.Source.Any(char.IsDigit), r.Id + " must cite a published source"));
    }

    [Theory]
    [InlineData("sepsis")]
    [InlineData("shock")]
    [InlineData("acute-respiratory-failure")]
    [InlineData("malnutrition")]
    [InlineData("acute-kidney-injury")]
    [InlineData("chronic-kidney-disease")]
    [InlineData("heart-failure")]
    [InlineData("myocardial-injury")]
    [InlineData("encephalopathy")]
    [InlineData("sodium-disorders")]
    [InlineData("acidosis")]
    [InlineData("acute-blood-loss-anemia")]
    [InlineData("thrombocytopenia")]
    [InlineData("coagulopathy")]
    [InlineData("obesity")]
    [InlineData("pressure-injury")]
    [InlineData("pneumonia")]
    [InlineData("atrial-fibrillation")]
    [InlineData("diabetes")]
    [InlineData("depression")]
    [InlineData("potassium-disorders")]
    public void Rules_RequiredTopic_HasARule(string topic)
    {
        Assert.Contains(CorePackTestData.Pack.Rules, r => r.Topic == topic);
    }

    [Fact]
    public void Rules_Sepsis_OfferedAsSepsis2AndSepsis3CriteriaSets()
    {
        var pack = CorePackTestData.Pack;

        Assert.Equal(["sepsis-2", "sepsis-3"], pack.Manifest.CriteriaSets.Order());
        Assert.Contains(pack.Rules, r => r.Topic == "sepsis" && r.Criteria == "sepsis-2");
        Assert.Contains(pack.Rules, r => r.Topic == "sepsis" && r.Criteria == "sepsis-3");
    }

    [Fact]
    public void Rules_EveryRule_HasAPositiveAndANegativeCase()
    {
        Assert.All(CorePackTestData.Pack.Rules, r =>
        {
            Assert.True(r.Tests.Any(t => t.ExpectFires), r.Id + " has no positive case");
            Assert.True(r.Tests.Any(t => !t.ExpectFires), r.Id + " has no negative case");
        });
    }

    [Fact]
    public void Rules_EveryQuery_OffersOtherUndeterminedAndAtLeastOneCodedOptionNeverYesNo()
    {
        var queries = CorePackTestData.Pack.Rules.Where(r => r.Kind == FindingKind.Query).ToList();

        Assert.NotEmpty(queries);
        Assert.All(queries, r =>
        {
            Assert.Contains(r.Options, o => o.Id == QueryOption.Other);
            Assert.Contains(r.Options, o => o.Id == QueryOption.ClinicallyUndetermined);
            Assert.Contains(r.Options, o => o.Code is not null);
            Assert.DoesNotContain(r.Options, o => o.Label.Trim() is "Yes" or "No");
        });
    }

    [Fact]
    public void Rules_UnspecifiedDiagnosisQueries_NeverOfferTheUnspecifiedCodeBack()
    {
        string[] unspecified = ["I50.9", "J18.9", "F32.9", "F32.A", "I48.91", "N18.9", "N18.30", "E46", "G93.40", "E87.20", "J96.00", "I21.9", "L89.159"];

        Assert.All(CorePackTestData.Pack.Rules, r => Assert.DoesNotContain(r.Options, o => o.Code is { } c && unspecified.Contains(c.Code)));
    }
}
