using System.Collections.Concurrent;
using EhrCodingAssist.Clinical.Rules.FhirPath;
using EhrCodingAssist.Clinical.Rules.Yaml;
using Hl7.FhirPath;
using Hl7.FhirPath.Expressions;
using YamlDotNet.RepresentationModel;

namespace EhrCodingAssist.Clinical.Rules.Loading;

/// <summary>Compiles rule expressions once, and checks that the names they pass to rule functions are defined.</summary>
internal sealed class ExpressionCompiler
{
    private readonly FhirPathCompiler _compiler = RuleFunctions.CreateCompiler();
    private readonly ConcurrentDictionary<string, (Expression Parsed, CompiledExpression Compiled)> _cache = new(StringComparer.Ordinal);
    private readonly PackDefinitions _definitions;

    public ExpressionCompiler(PackDefinitions definitions) => _definitions = definitions;

    public RuleExpression Compile(YamlDoc doc, YamlNode node, string name)
    {
        var source = doc.Scalar(node, name);
        var line = YamlDoc.ContentLine(node);
        Expression parsed;
        CompiledExpression compiled;
        try
        {
            // Identical expressions recur across rules; compiled delegates are stateless and shared.
            (parsed, compiled) = _cache.GetOrAdd(source, s =>
            {
                var p = _compiler.Parse(s);

                // No debug-trace hooks: rules are never traced, and the hook wraps every node of the expression.
                return (p, _compiler.Compile(p, injectDebugTraceHooks: false));
            });
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            throw new RulePackLoadException(doc.File, line, $"expression '{name}' does not compile: {e.Message}", e);
        }

        foreach (var call in Walk(parsed).OfType<FunctionCallExpression>())
        {
            var missing = MissingName(call);
            if (missing is not null)
            {
                throw new RulePackLoadException(doc.File, line, $"expression '{name}': {missing}");
            }
        }

        return new RuleExpression(name, source, line) { Compiled = compiled };
    }

    private string? MissingName(FunctionCallExpression call)
    {
        var first = call.Arguments.FirstOrDefault() as ConstantExpression;
        if (first?.Value is not string arg)
        {
            return null;
        }

        return call.FunctionName switch
        {
            "observations" or "priorObservations" or "recentObservations" when !_definitions.Analytes.ContainsKey(arg) => $"unknown analyte '{arg}' (define it in analytes.yaml)",
            "medications" when !_definitions.Medications.ContainsKey(arg) => $"unknown medication class '{arg}' (define it in medications.yaml)",
            "notes" or "hedgedNotes" or "historicalNotes" or "familyNotes" when !_definitions.Phrases.ContainsKey(arg) => $"unknown phrase set '{arg}' (define it in phrases.yaml)",
            "valueIn" or "maxIn" or "minIn" when !Units.UcumConverter.IsKnownUnit(arg) => $"unknown unit '{arg}'",
            _ => null,
        };
    }

    private static IEnumerable<Expression> Walk(Expression? e)
    {
        if (e is null)
        {
            yield break;
        }

        yield return e;
        IEnumerable<Expression> children = e switch
        {
            FunctionCallExpression f => f.Arguments.Prepend(f.Focus),
            BracketExpression b => [b.Operand],
            NewNodeListInitExpression n => n.Contents,
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var d in Walk(child))
            {
                yield return d;
            }
        }
    }
}
