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
        ArgumentNullException.ThrowIfNull(query);
        if (query.ResultingCode is null || query.ClosedAt is null)
        {
            throw new InvalidOperationException("Only an answer that names a diagnosis is written back.");
        }

        var conditionUrl = "urn:uuid:" + Guid.NewGuid().ToString("D");
        var condition = BuildCondition(query);
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
                        IfNoneExist = $"identifier={IdempotencySystem}|{query.Id}",
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

    internal static Condition BuildCondition(QueryRecord query)
    {
        var condition = new Condition
        {
            Meta = new Meta
            {
                Profile = [UsCoreEncounterDiagnosisProfile],
                Security = [new Coding(ObservationValueSystem, Aiast, "Artificial Intelligence asserted")],
            },
            Identifier = [new Identifier(IdempotencySystem, query.Id)],
            ClinicalStatus = new CodeableConcept(ConditionClinicalSystem, "active", "Active"),
            VerificationStatus = new CodeableConcept(ConditionVerificationSystem, "confirmed", "Confirmed"),
            Category = [new CodeableConcept(ConditionCategorySystem, "encounter-diagnosis", "Encounter Diagnosis")],
            Code = new CodeableConcept(CodeRef.Icd10Cm, query.ResultingCode, query.ResultingCodeDisplay, query.ResultingCodeDisplay),
            // Without a patient the subject stays empty, and validation refuses the Condition before it is sent.
            Subject = query.PatientId is null ? null! : new ResourceReference("Patient/" + query.PatientId),
            Encounter = new ResourceReference("Encounter/" + query.EncounterId),
            RecordedDateElement = new FhirDateTime(query.ClosedAt!.Value),
            Recorder = new ResourceReference(query.Recipient),
            Asserter = new ResourceReference(query.Recipient),
        };
        var details = query.Indicators.OrderBy(i => i.Ordinal).Select(i => new ResourceReference(i.Reference, i.Summary)).ToList();
        if (details.Count > 0)
        {
            condition.Evidence = [new Condition.EvidenceComponent { Detail = details }];
        }

        if (query.AnswerOption != QueryOption.Other && !string.IsNullOrWhiteSpace(query.AnswerText))
        {
            condition.Note = [new Annotation { Text = new Markdown(query.AnswerText), Author = new ResourceReference(query.Recipient) }];
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
