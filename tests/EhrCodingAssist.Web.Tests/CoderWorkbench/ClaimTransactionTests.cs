using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Snapshot;
using EhrCodingAssist.Web.CoderWorkbench;
using EhrCodingAssist.Web.CoderWorkbench.Store;
using EhrCodingAssist.Web.Findings;
using EhrCodingAssist.Web.WriteBack;
using Hl7.Fhir.Model;
using Evidence = EhrCodingAssist.Clinical.Findings.Evidence;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>The Conditions a finalise writes for the diagnoses the coder added, built without any documentation query.</summary>
public sealed class ClaimTransactionTests
{
    private const string Coder = "Practitioner/coder-1";
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly CodingRecord Record = new() { Id = "key-1", FhirBase = "http://ehr/fhir", EncounterId = "enc-1", WorkingSetJson = "{}" };

    private static readonly Finding BmiSuggestion = new()
    {
        Rule = "bmi-code",
        RuleVersion = "1.2.0",
        Kind = FindingKind.Suggestion,
        Topic = "obesity",
        Title = "BMI 40-44.9",
        Text = "BMI 42.1",
        Codes = [new CodeRef(CodeRef.Icd10Cm, "Z68.41", "Body mass index [BMI] 40.0-44.9, adult")],
        Evidence = [new Evidence("Observation/bmi-1", "BMI 42.1 kg/m2")],
    };

    private static EncounterAnalysis Analysis(params Finding[] findings) => new(
        new EncounterSnapshot
        {
            Encounter = new Encounter { Id = "enc-1", Subject = new ResourceReference("Patient/pat-1") },
            Patient = new Patient { Id = "pat-1" },
            Resources =
            [
                new Condition
                {
                    Id = "cond-1",
                    Encounter = new ResourceReference("Encounter/enc-1"),
                    Code = new CodeableConcept(CodeRef.Icd10Cm, "J18.9"),
                },
            ],
        },
        findings);

    private static WorkbenchState State(params SuggestionDecision[] decisions) => new()
    {
        Diagnoses =
        [
            new DiagnosisEntry("J18.9", 1) { Source = "condition" },
            new DiagnosisEntry("Z68.41", 2) { Source = "suggestion", Display = "Body mass index [BMI] 40.0-44.9, adult" },
            new DiagnosisEntry("E66.01", 3) { Source = "coder", Display = "Morbid (severe) obesity due to excess calories" },
        ],
        Decisions = decisions,
    };

    [Fact]
    public void Conditions_AcceptedSuggestion_CarriesTheRulesLabelAndEvidence()
    {
        var conditions = ClaimTransaction.Conditions(Analysis(BmiSuggestion), State(new SuggestionDecision("bmi-code", "Z68.41", "accepted")), Record, Coder, Now);

        Assert.Equal(["Z68.41", "E66.01"], conditions.Select(c => c.Code!.Coding[0].Code));
        var suggested = conditions[0];
        Assert.Equal("key-1:Z68.41", suggested.Identifier[0].Value);
        Assert.Equal(WriteBackIdentifiers.IdempotencySystem, suggested.Identifier[0].System);
        Assert.Equal(WriteBackIdentifiers.Aiast, Assert.Single(suggested.Meta!.Security).Code);
        var detail = Assert.Single(Assert.Single(suggested.Evidence).Detail);
        Assert.Equal("Observation/bmi-1", detail.Reference);
        Assert.Equal("Patient/pat-1", suggested.Subject!.Reference);
        Assert.Equal(Coder, suggested.Recorder!.Reference);
    }

    [Fact]
    public void Conditions_CoderTypedCode_HasNoRuleLabelAndNoEvidence()
    {
        var conditions = ClaimTransaction.Conditions(Analysis(BmiSuggestion), State(new SuggestionDecision("bmi-code", "Z68.41", "accepted")), Record, Coder, Now);

        var typed = Assert.Single(conditions, c => c.Code!.Coding[0].Code == "E66.01");
        Assert.Empty(typed.Meta!.Security);
        Assert.Equal(WriteBackIdentifiers.UsCoreEncounterDiagnosisProfile, Assert.Single(typed.Meta!.Profile));
        Assert.Empty(typed.Evidence);
        Assert.Equal("key-1:E66.01", typed.Identifier[0].Value);
        Assert.Equal("2026-11-27T10:00:00+00:00", typed.RecordedDate);
    }

    [Fact]
    public void Conditions_SuggestionReplacedByAnotherCode_KeepsTheSuggestingRule()
    {
        var state = State(new SuggestionDecision("bmi-code", "Z68.41", "replaced") { Replacement = "Z68.42" }) with
        {
            Diagnoses = [new DiagnosisEntry("Z68.42", 1) { Source = "suggestion" }],
        };

        var condition = Assert.Single(ClaimTransaction.Conditions(Analysis(BmiSuggestion), state, Record, Coder, Now));

        Assert.Equal("Z68.42", condition.Code!.Coding[0].Code);
        Assert.Single(condition.Meta!.Security);
        Assert.Equal("Observation/bmi-1", condition.Evidence[0].Detail[0].Reference);
    }

    [Fact]
    public void Conditions_SuggestionSourceWithoutAnyRule_IsNotLabelledAiAsserted()
    {
        var condition = Assert.Single(ClaimTransaction.Conditions(Analysis(), State(), Record, Coder, Now), c => c.Code!.Coding[0].Code == "Z68.41");

        Assert.Empty(condition.Meta!.Security);
        Assert.Empty(condition.Evidence);
    }
}
