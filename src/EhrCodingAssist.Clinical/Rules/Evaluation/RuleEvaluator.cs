using Evidence = EhrCodingAssist.Clinical.Findings.Evidence;
using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Rules.FhirPath;
using EhrCodingAssist.Clinical.Rules.Templates;
using EhrCodingAssist.Clinical.Snapshot;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Rules.Evaluation;

/// <summary>Evaluates one compiled rule against an indexed snapshot.</summary>
internal static class RuleEvaluator
{
    public static Finding? Evaluate(Rule rule, SnapshotIndex index, RuleEvaluationContext ctx, TemplateSandbox sandbox, CancellationToken ct)
    {
        foreach (var condition in rule.When)
        {
            if (!IsTrue(condition, index, ctx))
            {
                return null;
            }
        }

        foreach (var suppression in rule.Unless)
        {
            if (IsTrue(suppression, index, ctx))
            {
                return null;
            }
        }

        var codes = new List<CodeRef>();
        foreach (var code in rule.Codes)
        {
            if (code.When is null || IsTrue(code.When, index, ctx))
            {
                codes.Add(code.Code);
            }
        }

        // A suggestion whose codes all filtered out suggests nothing.
        if (rule.Kind != FindingKind.Query && rule.Codes.Count > 0 && codes.Count == 0)
        {
            return null;
        }

        if (rule.Kind == FindingKind.Query)
        {
            codes.AddRange(rule.Options.Where(o => o.Code is not null).Select(o => o.Code!));
        }

        var indicators = Indicators(rule, index, ctx);
        var values = rule.Values.ToDictionary(v => v.Name, v => ValueOf(v, index, ctx), StringComparer.Ordinal);
        var model = TemplateModel.Build(rule, indicators, values, Demographics.AgeAt(index), Demographics.Sex(index.Snapshot.Patient));
        var title = rule.TitleTemplate.Render(model, sandbox, ct).Trim();
        var text = rule.TextTemplate?.Render(model, sandbox, ct).Trim() ?? string.Empty;

        return new Finding
        {
            Rule = rule.Id,
            RuleVersion = rule.Version,
            Kind = rule.Kind,
            Topic = rule.Topic,
            Title = title,
            Text = text,
            Codes = codes,
            Evidence = indicators.Select(i => i.Evidence).ToList(),
            Options = rule.Options,
            Source = rule.Source,
            Impact = rule.Impact,
        };
    }

    /// <summary>FHIRPath truthiness: a single boolean is its value; empty is false; anything else non-empty is true.</summary>
    public static bool IsTrue(RuleExpression expression, SnapshotIndex index, RuleEvaluationContext ctx)
    {
        using var e = expression.Compiled([index.EncounterNode], ctx).GetEnumerator();
        if (!e.MoveNext())
        {
            return false;
        }

        var first = e.Current;
        return e.MoveNext() || (first.Poco is PrimitiveType { JsonValue: bool b } ? b : true);
    }

    private static object? ValueOf(RuleExpression expression, SnapshotIndex index, RuleEvaluationContext ctx)
    {
        var items = expression.Compiled([index.EncounterNode], ctx).Select(n => n.Poco switch
        {
            PrimitiveType p => p.JsonValue switch
            {
                int i => (long)i,
                var v => v,
            },
            Resource r => r.TypeName + "/" + r.Id,
            Quantity { Value: { } v } q => TemplateModel.Tidy(v).ToString(System.Globalization.CultureInfo.InvariantCulture) + ((q.Unit ?? q.Code) is { } unit ? " " + unit : string.Empty),
            CodeableConcept cc => cc.Text ?? cc.Coding.FirstOrDefault()?.Display ?? cc.Coding.FirstOrDefault()?.Code,
            var other => other?.ToString(),
        }).ToList();
        return items.Count switch
        {
            0 => null,
            1 => items[0],
            _ => items,
        };
    }

    private static List<(string Label, Evidence Evidence)> Indicators(Rule rule, SnapshotIndex index, RuleEvaluationContext ctx)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<(string, Evidence)>();
        foreach (var selector in rule.Evidence)
        {
            foreach (var node in EvidenceLimit.Apply(selector.Select.Compiled([index.EncounterNode], ctx), selector.Limit, index))
            {
                if (EvidenceBuilder.From(node, index) is { } evidence && seen.Add(evidence.Reference + "|" + evidence.Summary))
                {
                    list.Add((selector.Label, evidence));
                }
            }
        }

        return list;
    }
}
