using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Rules;
using EhrCodingAssist.Clinical.Snapshot;
using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.Findings;

/// <summary>The rule pack loaded once at start-up, evaluated with the configured criteria sets.</summary>
internal sealed class RulePackEvaluator(RulePack pack, IOptions<RulesOptions> options) : IFindingsEvaluator
{
    private readonly IReadOnlyCollection<string>? criteria = options.Value.Criteria.Count > 0 ? [.. options.Value.Criteria] : null;

    public string PackLabel => $"{pack.Manifest.Name} {pack.Manifest.Version}";

    public IReadOnlyList<Finding> Evaluate(EncounterSnapshot snapshot, CancellationToken ct) =>
        pack.Evaluate(snapshot, criteria, ct);
}
