using System.Globalization;
using EhrCodingAssist.Clinical.Findings;
using Scriban.Runtime;

namespace EhrCodingAssist.Clinical.Rules.Templates;

/// <summary>Builds the plain-data model templates see: indicators, values, patient, rule (no .NET objects).</summary>
internal static class TemplateModel
{
    public static ScriptObject Build(Rule rule, IReadOnlyList<(string Label, Evidence Evidence)> indicators,
        IReadOnlyDictionary<string, object?> values, long? age, string sex)
    {
        var list = new ScriptArray();
        foreach (var (label, e) in indicators)
        {
            list.Add(new ScriptObject
            {
                ["label"] = label,
                ["summary"] = e.Summary,
                ["reference"] = e.Reference,
                ["value"] = e.Value is { } v ? Tidy(v) : null,
                ["unit"] = e.Unit,
                ["date"] = e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });
        }

        var valueObject = new ScriptObject();
        foreach (var (name, value) in values)
        {
            valueObject[name] = Plain(value);
        }

        return new ScriptObject
        {
            ["indicators"] = list,
            ["values"] = valueObject,
            ["patient"] = new ScriptObject { ["age"] = age, ["sex"] = sex },
            ["rule"] = new ScriptObject { ["id"] = rule.Id, ["version"] = rule.Version, ["title"] = rule.Title },
        };
    }

    /// <summary>A model with one made-up indicator and the rule's values empty, for the trial render at load.</summary>
    public static ScriptObject Sample(Rule rule) => Build(
        rule,
        [("Sample", new Evidence("Observation/sample", "Sample 1.0 mg/dL on 2026-01-01") { Value = 1m, Unit = "mg/dL", Date = DateTimeOffset.UnixEpoch })],
        rule.Values.ToDictionary(v => v.Name, _ => (object?)null, StringComparer.Ordinal),
        60,
        "unknown");

    /// <summary>Rounds to 2 decimals and drops trailing zeros, so converted values read naturally ("1.39", "2").</summary>
    public static decimal Tidy(decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero) / 1.000000000000m;

    private static object? Plain(object? value) => value switch
    {
        null => null,
        decimal d => Tidy(d),
        IReadOnlyList<object?> list => new ScriptArray(list.Select(Plain)),
        string or bool or long or int => value,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
