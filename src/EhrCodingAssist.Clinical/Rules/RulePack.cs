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

    /// <summary>Evaluates one rule of this pack (whatever the criteria selection); a failure is returned, not thrown.</summary>
    public (Finding? Finding, string? Error) EvaluateRule(Rule rule, SnapshotIndex index, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        return EvaluateRule(rule, index, new RuleEvaluationContext(index), ct);
    }

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

            var (finding, error) = EvaluateRule(rule, index, ctx, ct);
            if (finding is not null)
            {
                findings.Add(finding);
            }

            if (error is not null)
            {
                errors.Add(new RuleError(rule.Id, error));
            }
        }

        return new RuleEvaluation(findings, errors);
    }

    private (Finding? Finding, string? Error) EvaluateRule(Rule rule, SnapshotIndex index, RuleEvaluationContext ctx, CancellationToken ct)
    {
        try
        {
            return (RuleEvaluator.Evaluate(rule, index, ctx, Sandbox, ct), null);
        }
        catch (TemplateRenderException e)
        {
            return (null, "template failed: " + e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidCastException or ArgumentException or FormatException or OverflowException or NotSupportedException)
        {
            // Firely reports runtime type errors (e.g. a comparison on several items) as InvalidOperationException.
            return (null, "expression failed: " + FirstLine(e.Message));
        }
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline];
    }
}
