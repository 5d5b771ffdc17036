using EhrCodingAssist.Clinical.Rules;
using EhrCodingAssist.Clinical.Rules.FhirPath;
using EhrCodingAssist.Clinical.Snapshot;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Tests.Rules.Support;

/// <summary>Evaluates one rule expression against a snapshot with the test pack's definitions.</summary>
internal static class Expressions
{
    private static readonly Lazy<PackDefinitions> Definitions = new(() =>
    {
        using var pack = new TestPack();
        return pack.Load().Definitions;
    });

    public static SnapshotIndex Index(EncounterSnapshot snapshot) => new(snapshot, Definitions.Value);

    public static List<PocoNode> Eval(string expression, EncounterSnapshot snapshot) => Eval(expression, Index(snapshot));

    public static List<PocoNode> Eval(string expression, SnapshotIndex index) =>
        RuleFunctions.CreateCompiler().Compile(expression)([index.EncounterNode], new RuleEvaluationContext(index)).ToList();

    public static object? Scalar(string expression, EncounterSnapshot snapshot)
    {
        var result = Eval(expression, snapshot);
        return result.Count switch
        {
            0 => null,
            1 => result[0].Poco is PrimitiveType p ? p.JsonValue : result[0].Poco,
            _ => throw new InvalidOperationException($"'{expression}' returned {result.Count} items"),
        };
    }

    public static List<string?> Ids(string expression, EncounterSnapshot snapshot) =>
        Eval(expression, snapshot).Select(n => (n.Poco as Resource)?.Id).ToList();
}
