using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Tests.Rules.Support;
using static EhrCodingAssist.Clinical.Tests.Rules.Support.Fhir;

namespace EhrCodingAssist.Clinical.Tests.Rules;

public sealed class RulePackEvaluateTests
{
    private const string SirsRule = """
        id: sirs
        version: 1.0.0
        title: Sepsis-2 SIRS
        kind: suggestion
        topic: sepsis
        source: "Bone RC, et al. Chest. 1992;101(6):1644-55"
        criteria: sepsis-2
        when:
          infection: "notes('sepsis').exists()"
        title_template: "SIRS criteria met"
        codes:
          - code: A41.9
        """;

    private const string SofaRule = """
        id: sofa
        version: 1.0.0
        title: Sepsis-3 SOFA
        kind: suggestion
        topic: sepsis
        source: "Singer M, et al. JAMA. 2016;315(8):801-810"
        criteria: sepsis-3
        when:
          infection: "notes('sepsis').exists()"
        title_template: "SOFA rise"
        codes:
          - code: A41.9
        """;

    private const string BmiRule = """
        id: bmi
        version: 1.0.0
        title: BMI code
        kind: suggestion
        topic: obesity
        source: "ICD-10-CM Official Guidelines FY2025 I.B.14"
        when:
          measured: "observations('bmi').exists()"
        values:
          bmi: "observations('bmi').latest().valueIn('kg/m2')"
          sex: "patientSex()"
          raw: "observations('bmi').latest().value"
        evidence:
          - label: BMI
            select: "observations('bmi')"
        title_template: "BMI {{ values.bmi }} ({{ patient.sex }}, {{ patient.age }} y, rule {{ rule.id }})"
        text_template: "{{ for i in indicators }}{{ i.label }}: {{ i.summary }}{{ end }} ({{ values.raw }})"
        codes:
          - code: Z68.41
            when: "observations('bmi').latest().valueIn('kg/m2') >= 40 and observations('bmi').latest().valueIn('kg/m2') < 45"
          - code: Z68.45
            when: "observations('bmi').latest().valueIn('kg/m2') >= 70"
        """;

    private static Hl7.Fhir.Model.Observation Bmi(decimal value) =>
        new()
        {
            Id = "bmi1",
            Status = Hl7.Fhir.Model.ObservationStatus.Final,
            Code = new Hl7.Fhir.Model.CodeableConcept(Loinc, "39156-5", "Body mass index (BMI) [Ratio]"),
            Encounter = new Hl7.Fhir.Model.ResourceReference("Encounter/enc1"),
            Effective = new Hl7.Fhir.Model.FhirDateTime("2026-03-11T08:00:00Z"),
            Value = new Hl7.Fhir.Model.Quantity(value, "kg/m2") { Unit = "kg/m2" },
        };

    [Fact]
    public void Evaluate_AkiRise_QueryWithRenderedTextEvidenceAndOptionCodes()
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule);
        var snapshot = Snap(
            Lab("c1", "2160-0", 1.0m, "mg/dL", "2026-03-10T10:00:00Z"),
            Lab("c2", "2160-0", 123.8m, "umol/L", "2026-03-11T10:00:00Z"));

        var finding = Assert.Single(pack.Load().Evaluate(snapshot));

        Assert.Equal(FindingKind.Query, finding.Kind);
        Assert.Equal("Creatinine rose to 1.4 mg/dL", finding.Title);
        Assert.Contains("- Creatinine 1 mg/dL on 2026-03-10", finding.Text, StringComparison.Ordinal);
        Assert.Contains("- Creatinine 123.8 µmol/L on 2026-03-11", finding.Text, StringComparison.Ordinal);
        Assert.Equal(["N17.9", "N17.0"], finding.Codes.Select(c => c.Code));
        Assert.Equal(["Observation/c1", "Observation/c2"], finding.Evidence.Select(e => e.Reference));
        Assert.Equal(123.8m, finding.Evidence[1].Value);
        Assert.Equal("CC", finding.Impact?.Severity);
        Assert.DoesNotContain("CC", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AkiAlreadyDocumented_UnlessSuppresses()
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule);
        var snapshot = Snap(
            Lab("c1", "2160-0", 1.0m, "mg/dL", "2026-03-10T10:00:00Z"),
            Lab("c2", "2160-0", 1.5m, "mg/dL", "2026-03-11T10:00:00Z"),
            Condition("aki", Icd, "N17.9"));

        Assert.Empty(pack.Load().Evaluate(snapshot));
    }

    [Fact]
    public void Evaluate_StableCreatinine_Silent()
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule);
        var snapshot = Snap(
            Lab("c1", "2160-0", 1.0m, "mg/dL", "2026-03-10T10:00:00Z"),
            Lab("c2", "2160-0", 1.1m, "mg/dL", "2026-03-11T10:00:00Z"));

        Assert.Empty(pack.Load().Evaluate(snapshot));
    }

    [Fact]
    public void Evaluate_CriteriaSets_OnlySelectedSetFires()
    {
        using var pack = new TestPack(("rules/sepsis/sirs.yaml", SirsRule), ("rules/sepsis/sofa.yaml", SofaRule));
        var loaded = pack.Load();
        var snapshot = Snap(Note("n1", "Assessment: sepsis from UTI."));

        Assert.Equal(["sofa"], loaded.Evaluate(snapshot).Select(f => f.Rule));
        Assert.Equal(["sirs"], loaded.Evaluate(snapshot, ["sepsis-2"]).Select(f => f.Rule));
        Assert.Equal(["sirs", "sofa"], loaded.Evaluate(snapshot, ["sepsis-2", "sepsis-3"]).Select(f => f.Rule).Order());
    }

    [Fact]
    public void Evaluate_PerCodeWhen_OnlyMatchingCodeSuggested()
    {
        using var pack = TestPack.WithRule("bmi", BmiRule);

        var finding = Assert.Single(pack.Load().Evaluate(Snap(Bmi(42.3m))));

        Assert.Equal(FindingKind.Suggestion, finding.Kind);
        Assert.Equal(["Z68.41"], finding.Codes.Select(c => c.Code));
        Assert.Equal("BMI 42.3 (female, 65 y, rule bmi)", finding.Title);
        Assert.Equal("BMI: Body mass index (BMI) [Ratio] 42.3 kg/m² on 2026-03-11 (42.3 kg/m2)", finding.Text);
    }

    [Fact]
    public void Evaluate_SuggestionWhoseCodesAllFilteredOut_Silent()
    {
        using var pack = TestPack.WithRule("bmi", BmiRule);

        Assert.Empty(pack.Load().Evaluate(Snap(Bmi(31m))));
    }

    [Fact]
    public void EvaluateDetailed_RuntimeExpressionError_RuleSkippedAndReported()
    {
        // A comparison over several values is a FHIRPath runtime error, not a load error.
        var yaml = BmiRule.Replace("measured: \"observations('bmi').exists()\"", "measured: \"observations('bmi').valueIn('kg/m2') > 30\"", StringComparison.Ordinal);
        using var pack = TestPack.WithRule("bmi", yaml);
        var loaded = pack.Load();
        var second = Bmi(43m);
        second.Id = "bmi2";
        second.Effective = new Hl7.Fhir.Model.FhirDateTime("2026-03-12T08:00:00Z");

        var result = loaded.EvaluateDetailed(loaded.CreateIndex(Snap(Bmi(42m), second)));

        Assert.Empty(result.Findings);
        var error = Assert.Single(result.Errors);
        Assert.Equal("bmi", error.Rule);
    }

    [Fact]
    public void Evaluate_SamePackManyThreads_SameFindings()
    {
        using var pack = TestPack.WithRule("aki", TestPack.AkiRule);
        var loaded = pack.Load();
        var snapshot = Snap(
            Lab("c1", "2160-0", 1.0m, "mg/dL", "2026-03-10T10:00:00Z"),
            Lab("c2", "2160-0", 1.5m, "mg/dL", "2026-03-11T10:00:00Z"));

        var titles = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 64, _ => titles.Add(Assert.Single(loaded.Evaluate(snapshot)).Title));

        Assert.Equal(64, titles.Count);
        Assert.All(titles, t => Assert.Equal("Creatinine rose to 1.5 mg/dL", t));
    }

    [Fact]
    public void Evaluate_NoteEvidence_SummaryQuotesTheMatchingSentence()
    {
        var yaml = SofaRule.Replace("title_template: \"SOFA rise\"", "evidence:\n  - label: Note\n    select: \"notes('sepsis')\"\ntitle_template: \"SOFA rise\"", StringComparison.Ordinal);
        using var pack = TestPack.WithRule("sofa", yaml);

        var finding = Assert.Single(pack.Load().Evaluate(Snap(Note("n1", "Vitals stable. Assessment: sepsis from UTI. Plan: antibiotics."))));

        var evidence = Assert.Single(finding.Evidence);
        Assert.Equal("DocumentReference/n1", evidence.Reference);
        Assert.Equal("Progress note 2026-03-11: “Assessment: sepsis from UTI.”", evidence.Summary);
    }

    [Fact]
    public void EvaluateDetailed_TemplateHitsLimitOnlyWithRealData_FindingSkippedAndReported()
    {
        // Passes the trial render at load (no values there), loops forever with a real value.
        var yaml = TestPack.AkiRule.Replace(
            "title_template: \"Creatinine rose to {{ values.peak }} mg/dL\"",
            "title_template: \"{{ if values.peak > 1 }}{{ while true }}x{{ end }}{{ end }}AKI\"",
            StringComparison.Ordinal);
        using var pack = TestPack.WithRule("aki", yaml);
        var loaded = pack.Load();
        var snapshot = Snap(
            Lab("c1", "2160-0", 1.0m, "mg/dL", "2026-03-10T10:00:00Z"),
            Lab("c2", "2160-0", 1.5m, "mg/dL", "2026-03-11T10:00:00Z"));

        var result = loaded.EvaluateDetailed(loaded.CreateIndex(snapshot));

        Assert.Empty(result.Findings);
        Assert.StartsWith("template failed", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }
}
