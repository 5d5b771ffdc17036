using System.Globalization;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Fhir;

/// <summary>The matches of one search page plus what _include/_revinclude pulled in.</summary>
internal sealed record SearchPage(
    IReadOnlyList<StoredResource> Matches,
    IReadOnlyList<StoredResource> Included,
    int Total,
    int Offset,
    int Count,
    IReadOnlyList<KeyValuePair<string, string>> UsedParameters);

/// <summary>
/// FHIR search over the store. Criteria AND across parameters, OR across comma-separated values. Unknown
/// parameters are ignored (and left out of the self link) in a normal search; conditional operations search
/// strictly, so an unknown parameter there is a 400 rather than a match on everything.
/// </summary>
internal sealed class SearchEngine(ResourceStore store)
{
    public const int DefaultCount = 50;
    public const int MaxCount = 1000;

    private static readonly HashSet<string> Control = new(StringComparer.Ordinal)
    {
        "_count", "_offset", "_include", "_revinclude", "_sort", "_format", "_summary", "_elements", "_total", "_pretty",
    };

    /// <summary>Only the matching resources of a type (no paging), for conditional create and update.</summary>
    public IReadOnlyList<StoredResource> FindMatches(string type, string query)
    {
        var parameters = ParseQuery(query);
        if (parameters.Count == 0)
        {
            throw FhirError.BadRequest("A conditional operation needs search criteria.");
        }

        var criteria = Parse(type, parameters, strict: true, out _);
        return Filter(type, criteria, patientScope: null);
    }

    /// <summary>Searches one page; <paramref name="patientScope"/> limits results to that patient's compartment plus shared resources.</summary>
    public SearchPage Search(string type, IReadOnlyList<KeyValuePair<string, string>> parameters, string? patientScope)
    {
        var criteria = Parse(type, parameters, strict: false, out var used);
        var matches = Filter(type, criteria, patientScope);
        matches = Sort(type, matches, Value(parameters, "_sort"));

        var count = Math.Clamp(IntValue(parameters, "_count") ?? DefaultCount, 0, MaxCount);
        var offset = Math.Max(0, IntValue(parameters, "_offset") ?? 0);
        var page = matches.Skip(offset).Take(count).ToList();
        var included = Include(type, page, parameters, patientScope);

        foreach (var name in new[] { "_sort", "_include", "_revinclude" })
        {
            used.AddRange(parameters.Where(p => p.Key == name));
        }

        var summaryCount = Value(parameters, "_summary") == "count";
        return new SearchPage(summaryCount ? [] : page, summaryCount ? [] : included, matches.Count, offset, count, used);
    }

    public static List<KeyValuePair<string, string>> ParseQuery(string query) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query.StartsWith('?') ? query : "?" + query)
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? string.Empty)))
            .ToList();

    private static List<SearchCriterion> Parse(
        string type, IReadOnlyList<KeyValuePair<string, string>> parameters, bool strict, out List<KeyValuePair<string, string>> used)
    {
        used = [];
        var criteria = new List<SearchCriterion>();
        foreach (var (key, value) in parameters)
        {
            if (Control.Contains(key))
            {
                continue;
            }

            var colon = key.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? key : key[..colon];
            var modifier = colon < 0 ? null : key[(colon + 1)..];
            var values = value.Split(',').Where(v => v.Length > 0).ToList();
            if (name is "_id" or "_lastUpdated")
            {
                criteria.Add(new SearchCriterion(null, name, modifier, values));
                used.Add(new(key, value));
                continue;
            }

            var parameter = SearchParameterCatalog.Find(type, name);
            if (parameter is null || !Supported(parameter, modifier))
            {
                if (strict)
                {
                    throw FhirError.BadRequest($"Search parameter '{key}' is not supported for {type}.");
                }

                continue;
            }

            criteria.Add(new SearchCriterion(parameter, name, modifier, values));
            used.Add(new(key, value));
        }

        return criteria;
    }

    private static bool Supported(SearchParameterInfo parameter, string? modifier) =>
        parameter.Type is SearchParamType.Token or SearchParamType.Reference or SearchParamType.Date or SearchParamType.String or SearchParamType.Uri &&
        modifier switch
        {
            null or "missing" => true,
            "not" => parameter.Type == SearchParamType.Token,
            "exact" or "contains" => parameter.Type == SearchParamType.String,
            _ => false,
        };

    private List<StoredResource> Filter(string type, List<SearchCriterion> criteria, string? patientScope)
    {
        // The patient compartment index narrows candidates before any FHIRPath runs.
        var patientId = criteria.FirstOrDefault(c => c.Name is "patient" && c.Modifier is null && c.Values.Count == 1)?.Values[0];
        var candidates = patientId is null
            ? store.List(type)
            : store.List(type, References.Local(patientId, store.FhirBase)?["Patient/".Length..] ?? patientId);

        return candidates
            .Where(c => InScope(c, patientScope))
            .Where(c => criteria.All(criterion => SearchMatcher.Matches(c.Resource, criterion, store.FhirBase)))
            .ToList();
    }

    public static bool InScope(StoredResource resource, string? patientScope) =>
        patientScope is null || resource.Patients.Count == 0 || resource.Patients.Contains(patientScope);

    private static List<StoredResource> Sort(string type, List<StoredResource> matches, string? sort)
    {
        if (string.IsNullOrEmpty(sort))
        {
            return matches;
        }

        IOrderedEnumerable<StoredResource>? ordered = null;
        foreach (var key in sort.Split(','))
        {
            var descending = key.StartsWith('-');
            var name = key.TrimStart('-');
            Func<StoredResource, DateTimeOffset>? selector = name switch
            {
                "_lastUpdated" => r => r.Resource.Meta?.LastUpdated ?? DateTimeOffset.MinValue,
                _ when SearchParameterCatalog.Find(type, name) is { Type: SearchParamType.Date } p => r => SearchMatcher.SortKey(r.Resource, p),
                _ => null,
            };
            if (selector is null)
            {
                continue;
            }

            ordered = (ordered, descending) switch
            {
                (null, false) => matches.OrderBy(selector),
                (null, true) => matches.OrderByDescending(selector),
                (_, false) => ordered.ThenBy(selector),
                (_, true) => ordered.ThenByDescending(selector),
            };
        }

        return ordered?.ToList() ?? matches;
    }

    private List<StoredResource> Include(
        string type, List<StoredResource> page, IReadOnlyList<KeyValuePair<string, string>> parameters, string? patientScope)
    {
        var seen = new HashSet<string>(page.Select(p => p.Key), StringComparer.Ordinal);
        var included = new List<StoredResource>();
        void Add(StoredResource? r)
        {
            if (r is not null && InScope(r, patientScope) && seen.Add(r.Key))
            {
                included.Add(r);
            }
        }

        foreach (var spec in parameters.Where(p => p.Key == "_include").Select(p => p.Value.Split(':')))
        {
            if (spec.Length < 2 || spec[0] != type || SearchParameterCatalog.Find(type, spec[1]) is not { Type: SearchParamType.Reference } parameter)
            {
                continue;
            }

            foreach (var reference in page.SelectMany(m => SearchMatcher.LocalReferences(m.Resource, parameter, store.FhirBase)))
            {
                if (spec.Length < 3 || reference.StartsWith(spec[2] + "/", StringComparison.Ordinal))
                {
                    Add(store.Read(reference));
                }
            }
        }

        var pageKeys = page.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var spec in parameters.Where(p => p.Key == "_revinclude").Select(p => p.Value.Split(':')))
        {
            if (spec.Length < 2 || SearchParameterCatalog.Find(spec[0], spec[1]) is not { Type: SearchParamType.Reference } parameter)
            {
                continue;
            }

            foreach (var candidate in store.List(spec[0]))
            {
                if (SearchMatcher.LocalReferences(candidate.Resource, parameter, store.FhirBase).Any(pageKeys.Contains))
                {
                    Add(candidate);
                }
            }
        }

        return included;
    }

    private static string? Value(IReadOnlyList<KeyValuePair<string, string>> parameters, string name) =>
        parameters.LastOrDefault(p => p.Key == name).Value;

    private static int? IntValue(IReadOnlyList<KeyValuePair<string, string>> parameters, string name) =>
        int.TryParse(Value(parameters, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
