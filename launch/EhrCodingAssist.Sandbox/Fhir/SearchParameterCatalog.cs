using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Fhir;

/// <summary>One search parameter of one resource type, with its FHIRPath narrowed to that type.</summary>
internal sealed record SearchParameterInfo(string Name, SearchParamType Type, string Expression, IReadOnlyList<string> Targets);

/// <summary>
/// The R4 search parameters the Firely SDK ships (<see cref="ModelInfo.SearchParameters"/>), narrowed per
/// resource type. <c>where(resolve() is X)</c> is dropped from expressions: the store has no resolver, and the
/// parameter's target types are checked on the reference itself instead.
/// </summary>
internal static partial class SearchParameterCatalog
{
    private static readonly ConcurrentDictionary<(string Type, string Name), SearchParameterInfo?> Cache = new();

    public static SearchParameterInfo? Find(string type, string name) => Cache.GetOrAdd((type, name), static key =>
    {
        var definition = ModelInfo.SearchParameters.FirstOrDefault(d => d.Resource == key.Type && d.Name == key.Name);
        if (definition?.Expression is null)
        {
            return null;
        }

        var parts = definition.Expression.Split(" | ")
            .Select(p => ResolveFilter().Replace(p.Trim(), string.Empty))
            .Where(p => p.StartsWith(key.Type + ".", StringComparison.Ordinal) || p.StartsWith("(" + key.Type + ".", StringComparison.Ordinal))
            .ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        var targets = (definition.Target ?? []).Select(t => t.ToString()).ToList();
        return new SearchParameterInfo(key.Name, definition.Type, string.Join(" | ", parts), targets);
    });

    /// <summary>The names of a type's parameters, for the CapabilityStatement.</summary>
    public static IEnumerable<SearchParameterInfo> ForType(string type) =>
        ModelInfo.SearchParameters.Where(d => d.Resource == type && d.Name is not null)
            .Select(d => Find(type, d.Name!))
            .OfType<SearchParameterInfo>();

    [GeneratedRegex(@"\.where\(resolve\(\) is [A-Za-z]+\)")]
    private static partial Regex ResolveFilter();
}
