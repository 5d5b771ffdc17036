using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Web.Persistence;
using Hl7.Fhir.Model;
using static EhrCodingAssist.Web.WriteBack.WriteBackIdentifiers;

namespace EhrCodingAssist.Web.WriteBack;

/// <summary>
/// Turns an answered query that names a diagnosis into one transaction Bundle: a US Core encounter-diagnosis
/// Condition created conditionally on its idempotency identifier, and the Provenance of that decision.
/// </summary>
internal static class WriteBackBundleBuilder
{
    /// <summary>Builds the transaction; the query must be answered with a coded option.</summary>
    public static Bundle Build(QueryRecord query, DateTimeOffset now)
    {
        var diagnosis = EncounterDiagnosis.FromQuery(query);
        var conditionUrl = "urn:uuid:" + Guid.NewGuid().ToString("D");
        var condition = BuildCondition(diagnosis);
        var provenance = BuildProvenance(query, conditionUrl, now);
        return new Bundle
        {
            Type = Bundle.BundleType.Transaction,
            Entry =
            [
                new Bundle.EntryComponent
                {
                    FullUrl = conditionUrl,
                    Resource = condition,
                    Request = new Bundle.RequestComponent
                    {
                        Method = Bundle.HTTPVerb.POST,
                        Url = "Condition",
                        IfNoneExist = $"identifier={IdempotencySystem}|{diagnosis.Key}",
                    },
                },
                new Bundle.EntryComponent
                {
                    FullUrl = "urn:uuid:" + Guid.NewGuid().ToString("D"),
                    Resource = provenance,
                    Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Provenance" },
                },
            ],
        };
    }

    internal static Condition BuildCondition(QueryRecord query) => BuildCondition(EncounterDiagnosis.FromQuery(query));

    /// <summary>
    /// A US Core encounter-diagnosis Condition with the diagnosis' key as its idempotency identifier; labelled
    /// AI-asserted when a rule suggested it.
    /// </summary>
    internal static Condition BuildCondition(EncounterDiagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        var condition = new Condition
        {
            Meta = new Meta
            {
                Profile = [UsCoreEncounterDiagnosisProfile],
                Security = diagnosis.Rule is null ? [] : [new Coding(ObservationValueSystem, Aiast, "Artificial Intelligence asserted")],
            },
            Identifier = [new Identifier(IdempotencySystem, diagnosis.Key)],
            ClinicalStatus = new CodeableConcept(ConditionClinicalSystem, "active", "Active"),
            VerificationStatus = new CodeableConcept(ConditionVerificationSystem, "confirmed", "Confirmed"),
            Category = [new CodeableConcept(ConditionCategorySystem, "encounter-diagnosis", "Encounter Diagnosis")],
            Code = new CodeableConcept(CodeRef.Icd10Cm, diagnosis.Code, diagnosis.Display, diagnosis.Display),
            // Without a patient the subject stays empty, and validation refuses the Condition before it is sent.
            Subject = diagnosis.PatientId is null ? null! : new ResourceReference("Patient/" + diagnosis.PatientId),
            Encounter = new ResourceReference("Encounter/" + diagnosis.EncounterId),
            RecordedDateElement = new FhirDateTime(diagnosis.RecordedAt),
            Recorder = new ResourceReference(diagnosis.Recorder),
            Asserter = new ResourceReference(diagnosis.Recorder),
        };
        if (diagnosis.Evidence.Count > 0)
        {
            condition.Evidence = [new Condition.EvidenceComponent { Detail = [.. diagnosis.Evidence.Select(e => new ResourceReference(e.Reference, e.Summary))] }];
        }

        if (diagnosis.Note is { } note)
        {
            condition.Note = [new Annotation { Text = new Markdown(note), Author = new ResourceReference(diagnosis.Recorder) }];
        }

        return condition;
    }

    internal static Provenance BuildProvenance(QueryRecord query, string conditionUrl, DateTimeOffset now)
    {
        var queryReference = query.TaskId is not null
            ? new ResourceReference("Task/" + query.TaskId, "Documentation query")
            : new ResourceReference { Identifier = new Identifier(QuerySystem, query.Id), Display = "Documentation query" };
        var provenance = new Provenance
        {
            Target = [new ResourceReference(conditionUrl)],
            Occurred = new FhirDateTime(query.ClosedAt!.Value),
            RecordedElement = new Instant(now),
            Policy = [$"{RulePolicyPrefix}{query.RuleId}:{query.RuleVersion}"],
            Activity = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-DataOperation", "CREATE", "create"),
            Agent =
            [
                Agent("author", "Author", new ResourceReference(query.Recipient)),
                Agent("informant", "Informant", new ResourceReference(query.Author)),
                Agent("assembler", "Assembler", new ResourceReference
                {
                    Type = "Device",
                    Identifier = new Identifier(AppSystem, AppId),
                    Display = "EhrCodingAssist",
                }),
            ],
            Entity = [new Provenance.EntityComponent { Role = Provenance.ProvenanceEntityRole.Source, What = queryReference }],
        };
        foreach (var indicator in query.Indicators.OrderBy(i => i.Ordinal))
        {
            provenance.Entity.Add(new Provenance.EntityComponent
            {
                Role = Provenance.ProvenanceEntityRole.Derivation,
                What = new ResourceReference(indicator.Reference),
            });
        }

        return provenance;
    }

    private static Provenance.AgentComponent Agent(string code, string display, ResourceReference who) => new()
    {
        Type = new CodeableConcept(ProvenanceParticipantSystem, code, display, display),
        Who = who,
    };
}
