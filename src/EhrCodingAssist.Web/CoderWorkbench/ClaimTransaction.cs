using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Web.Findings;
using EhrCodingAssist.Web.CoderWorkbench.Store;
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
    /// that the record does not already hold, built by the query write-back's Condition builder. A suggested diagnosis
    /// carries its rule and evidence (AI-asserted label); one the coder typed carries neither.
    /// </summary>
    public static IReadOnlyList<Condition> Conditions(EncounterAnalysis analysis, WorkbenchState state, CodingRecord record, string coder, DateTimeOffset now)
    {
        var snapshot = analysis.Snapshot;
        var documented = EncounterCoding.DocumentedConditions(snapshot).Select(d => d.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. state.Diagnoses
            .Where(d => d.Source is "suggestion" or "coder" && !documented.Contains(d.Code))
            .Select(d =>
            {
                var suggestion = d.Source == "suggestion" ? SuggestionOf(analysis, state, d.Code) : null;
                return WriteBackBundleBuilder.BuildCondition(new EncounterDiagnosis
                {
                    Key = $"{record.Id}:{d.Code}",
                    Code = d.Code,
                    Display = d.Display,
                    EncounterId = record.EncounterId,
                    PatientId = snapshot.Patient?.Id ?? snapshot.PatientReference?.Split('/').LastOrDefault(),
                    Recorder = coder,
                    RecordedAt = now,
                    Evidence = suggestion?.Evidence ?? [],
                    Rule = suggestion is null ? null : new RuleRef(suggestion.Rule, suggestion.RuleVersion),
                });
            })];
    }

    // The suggestion behind a coded diagnosis: the rule the coder accepted it from (or replaced its code from), else a
    // current suggestion of that code; null when no rule suggested it.
    private static Finding? SuggestionOf(EncounterAnalysis analysis, WorkbenchState state, string code)
    {
        var suggestions = analysis.Findings.Where(f => f.Kind == FindingKind.Suggestion).ToList();
        var decided = state.Decisions.LastOrDefault(x =>
            (x.Decision == "accepted" && string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase))
            || (x.Decision == "replaced" && string.Equals(x.Replacement, code, StringComparison.OrdinalIgnoreCase)));
        return suggestions.FirstOrDefault(f => f.Rule == decided?.Rule)
            ?? suggestions.FirstOrDefault(f => f.Codes.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)));
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
