using EhrCodingAssist.Clinical.Snapshot;
using EhrCodingAssist.Web.CoderWorkbench.Store;
using EhrCodingAssist.Web.Persistence;
using EhrCodingAssist.Web.WriteBack;
using Hl7.Fhir.Model;
using static EhrCodingAssist.Web.WriteBack.WriteBackIdentifiers;

namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>
/// The one transaction a finalise sends: the Claim (conditional create on its stable identifier, or an update with
/// If-Match once the server has it), the accepted encounter-diagnosis Conditions (the query write-back's builder,
/// conditional create) and a Provenance naming the coder.
/// </summary>
internal static class ClaimTransaction
{
    public static Bundle Build(Claim claim, CodingRecord record, IReadOnlyList<Condition> conditions, string coder, DateTimeOffset now)
    {
        var claimUrl = "urn:uuid:" + Guid.NewGuid().ToString("D");
        var claimRequest = record.ServerClaimId is { } id
            ? new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = "Claim/" + id, IfMatch = record.ServerClaimVersion is { } v ? $"W/\"{v}\"" : null }
            : new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Claim", IfNoneExist = $"identifier={ClaimBuilder.ClaimIdentifierSystem}|{record.Id}" };
        if (record.ServerClaimId is not null)
        {
            claim.Id = record.ServerClaimId;
        }

        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = claimUrl, Resource = claim, Request = claimRequest });
        var targets = new List<ResourceReference> { new(claimUrl) };
        foreach (var condition in conditions)
        {
            var url = "urn:uuid:" + Guid.NewGuid().ToString("D");
            var key = condition.Identifier[0].Value;
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = url,
                Resource = condition,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Condition", IfNoneExist = $"identifier={IdempotencySystem}|{key}" },
            });
            targets.Add(new ResourceReference(url));
        }

        bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = "urn:uuid:" + Guid.NewGuid().ToString("D"),
            Resource = Provenance(targets, coder, record.ServerClaimId is null, now),
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Provenance" },
        });
        return bundle;
    }

    /// <summary>
    /// Encounter-diagnosis Conditions for the diagnoses the coder added (accepted or replaced suggestions, own codes)
    /// that the record does not already hold; built by the query write-back's Condition builder.
    /// </summary>
    public static IReadOnlyList<Condition> Conditions(EncounterSnapshot snapshot, WorkbenchState state, CodingRecord record, string coder, DateTimeOffset now)
    {
        var documented = EncounterCoding.DocumentedConditions(snapshot).Select(d => d.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. state.Diagnoses
            .Where(d => d.Source is "suggestion" or "coder" && !documented.Contains(d.Code))
            .Select(d =>
            {
                var decision = new QueryRecord
                {
                    Id = $"{record.Id}:{d.Code}",
                    FhirBase = record.FhirBase,
                    EncounterId = record.EncounterId,
                    PatientId = snapshot.Patient?.Id ?? snapshot.PatientReference?.Split('/').LastOrDefault(),
                    RuleId = "coder-workbench",
                    RuleVersion = "1",
                    Topic = "coding",
                    Title = "Coded diagnosis",
                    Text = string.Empty,
                    Author = coder,
                    Recipient = coder,
                    ClosedAt = now,
                    ResultingCode = d.Code,
                    ResultingCodeDisplay = d.Display,
                };
                var condition = WriteBackBundleBuilder.BuildCondition(decision);
                if (d.Source == "coder")
                {
                    // Entered by the coder, not asserted by a rule: no AI-asserted label.
                    condition.Meta?.Security.Clear();
                }

                return condition;
            })];
    }

    private static Provenance Provenance(List<ResourceReference> targets, string coder, bool create, DateTimeOffset now) => new()
    {
        Target = targets,
        RecordedElement = new Instant(now),
        Activity = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-DataOperation", create ? "CREATE" : "UPDATE", create ? "create" : "revise"),
        Agent =
        [
            new Provenance.AgentComponent
            {
                Type = new CodeableConcept(ProvenanceParticipantSystem, "author", "Author", "Author"),
                Who = new ResourceReference(coder),
            },
            new Provenance.AgentComponent
            {
                Type = new CodeableConcept(ProvenanceParticipantSystem, "assembler", "Assembler", "Assembler"),
                Who = new ResourceReference { Type = "Device", Identifier = new Identifier(AppSystem, AppId), Display = "EhrCodingAssist" },
            },
        ],
    };
}
