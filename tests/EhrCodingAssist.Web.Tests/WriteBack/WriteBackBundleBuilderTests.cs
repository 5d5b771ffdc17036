using EhrCodingAssist.Web.Persistence;
using EhrCodingAssist.Web.Tests.Queries;
using EhrCodingAssist.Web.WriteBack;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.Tests.WriteBack;

public sealed class WriteBackBundleBuilderTests
{
    private static readonly Lazy<FhirResourceValidator> UsCoreValidator =
        new(() => new FhirResourceValidator(Options.Create(new ValidationOptions { UsCorePath = TestPaths.UsCore610 })));

    internal static QueryRecord Answered(string? patient = "p1") => new()
    {
        Id = "q1",
        FhirBase = "http://ehr/fhir",
        EncounterId = "e1",
        PatientId = patient,
        RuleId = "aki-kdigo",
        RuleVersion = "1.0.0",
        Topic = "acute-kidney-injury",
        Title = "t",
        Text = "x",
        Author = "Practitioner/cdi-1",
        Recipient = "Practitioner/dr-a",
        State = QueryState.Answered,
        CreatedAt = DateTimeOffset.Parse("2026-03-11T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        ClosedAt = DateTimeOffset.Parse("2026-03-11T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        AnswerOption = "N17.9",
        ResultingCode = "N17.9",
        ResultingCodeDisplay = "Acute kidney failure, unspecified",
        Indicators = [new QueryIndicator { Ordinal = 0, Reference = "Observation/cr2", Summary = "Creatinine 2.1 mg/dL" }],
    };

    [Fact]
    public void Build_AnsweredQuery_ConditionAndProvenanceValidAgainstUsCore()
    {
        var bundle = WriteBackBundleBuilder.Build(Answered(), DateTimeOffset.UtcNow);

        Assert.Equal(2, bundle.Entry.Count);
        foreach (var entry in bundle.Entry)
        {
            Assert.Empty(UsCoreValidator.Value.Validate(entry.Resource!));
        }
    }

    [Fact]
    public void Validate_WithoutUsCorePackage_BuiltResourcesValidAgainstR4()
    {
        var r4Only = new FhirResourceValidator(Options.Create(new ValidationOptions()));
        var bundle = WriteBackBundleBuilder.Build(Answered(), DateTimeOffset.UtcNow);

        Assert.All(bundle.Entry, e => Assert.Empty(r4Only.Validate(e.Resource!)));
        Assert.NotEmpty(r4Only.Validate(WriteBackBundleBuilder.BuildCondition(Answered(patient: null))));
    }

    [Fact]
    public void Validate_ConditionWithoutSubject_ReportsError()
    {
        var condition = WriteBackBundleBuilder.BuildCondition(Answered(patient: null));

        var problems = UsCoreValidator.Value.Validate(condition);

        Assert.NotEmpty(problems);
    }

    [Fact]
    public void Validate_ConditionWithoutEncounterDiagnosisCategory_ReportsUsCoreError()
    {
        var condition = WriteBackBundleBuilder.BuildCondition(Answered());
        condition.Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item")];

        Assert.NotEmpty(UsCoreValidator.Value.Validate(condition));
    }

    [Fact]
    public void BuildCondition_Query_IsTheConditionOfItsDiagnosisMapping()
    {
        var query = Answered();
        query.AnswerText = "AKI stage 2 from volume depletion";
        var direct = new EncounterDiagnosis
        {
            Key = "q1",
            Code = "N17.9",
            Display = "Acute kidney failure, unspecified",
            EncounterId = "e1",
            PatientId = "p1",
            Recorder = "Practitioner/dr-a",
            RecordedAt = query.ClosedAt!.Value,
            Evidence = [new Clinical.Findings.Evidence("Observation/cr2", "Creatinine 2.1 mg/dL")],
            Rule = new RuleRef("aki-kdigo", "1.0.0"),
            Note = "AKI stage 2 from volume depletion",
        };

        Assert.Equal(FhirJson.Serialize(WriteBackBundleBuilder.BuildCondition(direct)), FhirJson.Serialize(WriteBackBundleBuilder.BuildCondition(query)));
        Assert.Equal("AKI stage 2 from volume depletion", WriteBackBundleBuilder.BuildCondition(query).Note[0].Text);
    }

    [Fact]
    public void BuildCondition_NoRule_ValidWithoutAiAssertedLabel()
    {
        var condition = WriteBackBundleBuilder.BuildCondition(EncounterDiagnosis.FromQuery(Answered()) with { Rule = null, Evidence = [] });

        Assert.Empty(condition.Meta!.Security);
        Assert.Empty(condition.Evidence);
        Assert.Empty(UsCoreValidator.Value.Validate(condition));
        Assert.Equal(WriteBackIdentifiers.Aiast, Assert.Single(WriteBackBundleBuilder.BuildCondition(Answered()).Meta!.Security).Code);
    }

    [Fact]
    public void Build_UnansweredQuery_Throws()
    {
        var query = Answered();
        query.ResultingCode = null;

        Assert.Throws<InvalidOperationException>(() => WriteBackBundleBuilder.Build(query, DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData("Condition/12/_history/1", "Condition/12")]
    [InlineData("http://ehr/fhir/Provenance/7/_history/2", "Provenance/7")]
    [InlineData("Condition/12", "Condition/12")]
    [InlineData("", null)]
    public void LocalReference_Locations_TypeAndId(string location, string? expected) =>
        Assert.Equal(expected, WriteBackService.LocalReference(location));
}
