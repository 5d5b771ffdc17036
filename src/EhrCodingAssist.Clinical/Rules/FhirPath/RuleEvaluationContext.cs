using EhrCodingAssist.Clinical.Snapshot;
using Hl7.Fhir.FhirPath;

namespace EhrCodingAssist.Clinical.Rules.FhirPath;

/// <summary>
/// The per-evaluation state handed to the compiled expressions: Firely passes the EvaluationContext to any custom
/// function whose last parameter is an EvaluationContext, so the rule functions read the snapshot index from here
/// (no static state; one context per evaluation).
/// </summary>
internal sealed class RuleEvaluationContext : FhirEvaluationContext
{
    public RuleEvaluationContext(SnapshotIndex index)
    {
        Index = index;
        Resource = index.EncounterNode;
        RootResource = index.EncounterNode;
        ElementResolver = index.Resolve;
    }

    public SnapshotIndex Index { get; }

    public static SnapshotIndex IndexOf(Hl7.FhirPath.EvaluationContext ctx) =>
        (ctx as RuleEvaluationContext)?.Index
        ?? throw new InvalidOperationException("Rule functions need a rule evaluation context (evaluate through RulePack).");
}
