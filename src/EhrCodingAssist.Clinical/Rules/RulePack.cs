using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Rules.Evaluation;
using EhrCodingAssist.Clinical.Rules.FhirPath;
using EhrCodingAssist.Clinical.Rules.Templates;
using EhrCodingAssist.Clinical.Snapshot;

namespace EhrCodingAssist.Clinical.Rules;

/// <summary>
/// A loaded, compiled rule pack. Immutable, thread-safe and reusable: load once, evaluate many encounters
/// (each evaluation builds its own <see cref="SnapshotIndex"/>, or takes one the caller built).
/// </summary>
public sealed class RulePack
{
    internal RulePack(PackManifest manifest, IReadOnlyList<Rule> rules, PackDefinitions definitions, string directory)
    {
        Manifest = manifest;
        Rules = rules;
        Definitions = definitions;
        Directory = directory;
    }

    /// <summary>The manifest.</summary>
    public PackManifest Manifest { get; }

    /// <summary>The rules, in file order.</summary>
    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>Analytes, medication classes and phrase sets.</summary>
    public PackDefinitions Definitions { get; }

    /// <summary>The folder the pack was loaded from.</summary>
    public string Directory { get; }

    /// <summary>Template limits. Defaults to <see cref="TemplateSandbox.Default"/>.</summary>
    public TemplateSandbox Sandbox { get; init; } = TemplateSandbox.Default;

    /// <summary>Indexes a snapshot for this pack (one pass over its resources).</summary>
    public SnapshotIndex CreateIndex(EncounterSnapshot snapshot) => new(snapshot, Definitions);

    /// <summary>Evaluates every active rule; rules that fail at runtime are skipped (see <see cref="EvaluateDetailed(SnapshotIndex, IReadOnlyCollection{string}?, CancellationToken)"/>).</summary>
    /// <param name="snapshot">The encounter.</param>
    /// <param name="criteria">Criteria sets to apply; null for the manifest's defaults.</param>
    /// <param name="ct">Cancels the evaluation.</param>
    public IReadOnlyList<Finding> Evaluate(EncounterSnapshot snapshot, IReadOnlyCollection<string>? criteria = null, CancellationToken ct = default) =>
        EvaluateDetailed(CreateIndex(snapshot), criteria, ct).Findings;

    /// <summary>Evaluates every active rule over an index built with <see cref="CreateIndex"/>.</summary>
    public IReadOnlyList<Finding> Evaluate(SnapshotIndex index, IReadOnlyCollection<string>? criteria = null, CancellationToken ct = default) =>
        EvaluateDetailed(index, criteria, ct).Findings;

    /// <summary>Evaluates every active rule and reports the rules that failed.</summary>
    public RuleEvaluation EvaluateDetailed(SnapshotIndex index, IReadOnlyCollection<string>? criteria = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        var selected = criteria is { Count: > 0 } ? criteria : Manifest.DefaultCriteria;
        var ctx = new RuleEvaluationContext(index);
        var findings = new List<Finding>();
        var errors = new List<RuleError>();
        foreach (var rule in Rules)
        {
            ct.ThrowIfCancellationRequested();
            if (rule.Criteria is not null && !selected.Contains(rule.Criteria, StringComparer.Ordinal))
            {
                continue;
            }

            try
            {
                if (RuleEvaluator.Evaluate(rule, index, ctx, Sandbox, ct) is { } finding)
                {
                    findings.Add(finding);
                }
            }
            catch (TemplateRenderException e)
            {
                errors.Add(new RuleError(rule.Id, "template failed: " + e.Message));
            }
            catch (Exception e) when (e is InvalidOperationException or InvalidCastException or ArgumentException or FormatException or OverflowException or NotSupportedException)
            {
                errors.Add(new RuleError(rule.Id, "expression failed: " + e.GetType().Name));
            }
        }

        return new RuleEvaluation(findings, errors);
    }
}
