using System.Text.Json;
using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Cli.Tests;

public sealed class FindingsJsonTests
{
    private static readonly Finding Query = new()
    {
        Rule = "aki-kdigo",
        RuleVersion = "1.0.0",
        Kind = FindingKind.Query,
        Topic = "acute-kidney-injury",
        Title = "Creatinine rose to 1.4 mg/dL",
        Text = "Clinical indicators: creatinine 124 µmol/L ≥ baseline",
        Codes = [new CodeRef(CodeRef.Icd10Cm, "N17.9", "Acute kidney failure, unspecified"), new CodeRef(CodeRef.Icd10Cm, "N17.0", null)],
        Evidence = [new Evidence("Observation/o1", "Creatinine 1.4 mg/dL on 2026-03-11") { Value = 1.4m, Unit = "mg/dL" }],
        Options = [new QueryOption("N17.9", "Acute kidney failure, unspecified", new CodeRef(CodeRef.Icd10Cm, "N17.9", null)), new QueryOption(QueryOption.Other, "Other", null)],
        Impact = new FinancialImpact("MCC", null),
    };

    [Fact]
    public void Serialize_QueryFinding_ContractShapeFirstThenExtras()
    {
        var json = FindingsJson.Serialize([new EncounterFindings("Encounter/e1", "Patient/p1", [Query])]);

        Assert.StartsWith(
            """{"encounters":[{"encounter":"Encounter/e1","patient":"Patient/p1","findings":[{"rule":"aki-kdigo","kind":"query","title":"Creatinine rose to 1.4 mg/dL","text":"Clinical indicators: creatinine 124 µmol/L ≥ baseline","codes":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"N17.9","display":"Acute kidney failure, unspecified"},{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"N17.0","display":null}],"evidence":[{"reference":"Observation/o1","summary":"Creatinine 1.4 mg/dL on 2026-03-11","value":1.4,"unit":"mg/dL"}],""",
            json,
            StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        var finding = document.RootElement.GetProperty("encounters")[0].GetProperty("findings")[0];
        Assert.Equal("MCC", finding.GetProperty("impact").GetProperty("severity").GetString());
        Assert.Equal("other", finding.GetProperty("options")[1].GetProperty("id").GetString());
    }

    [Fact]
    public void Serialize_NoFindingsNoPatientWithWarnings_NullPatientAndWarningsArray()
    {
        var json = FindingsJson.Serialize([new EncounterFindings("Encounter/e2", null, []) { Warnings = ["Patient/p9 was not found in the input"] }]);

        Assert.Equal(
            """{"encounters":[{"encounter":"Encounter/e2","patient":null,"findings":[],"warnings":["Patient/p9 was not found in the input"]}]}""",
            json);
    }

    [Theory]
    [InlineData(FindingKind.Query, "query")]
    [InlineData(FindingKind.Suggestion, "suggestion")]
    [InlineData(FindingKind.Edit, "edit")]
    public void KindName_EachKind_LowercaseContractName(FindingKind kind, string expected) =>
        Assert.Equal(expected, FindingsJson.KindName(kind));
}
