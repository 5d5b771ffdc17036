using Hl7.Fhir.FhirPath;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Fhir;

/// <summary>One parsed search criterion: a parameter, its modifier and its OR-ed values.</summary>
internal sealed record SearchCriterion(SearchParameterInfo? Parameter, string Name, string? Modifier, IReadOnlyList<string> Values);

/// <summary>Tests one resource against one criterion, by the parameter's type (token, reference, date, string, uri).</summary>
internal static class SearchMatcher
{
    public static bool Matches(Resource resource, SearchCriterion criterion, string fhirBase)
    {
        if (criterion.Name == "_id")
        {
            return criterion.Values.Contains(resource.Id, StringComparer.Ordinal);
        }

        if (criterion.Name == "_lastUpdated")
        {
            var updated = resource.Meta?.LastUpdated;
            var range = updated is null ? (DateRange?)null : new DateRange(updated.Value, updated.Value.AddMilliseconds(1));
            return range is { } r && criterion.Values.Any(v => MatchDate(r, v));
        }

        var parameter = criterion.Parameter!;
        var elements = resource.Select(parameter.Expression).OfType<Base>().ToList();
        if (criterion.Modifier == "missing")
        {
            var wantMissing = criterion.Values.Contains("true", StringComparer.Ordinal);
            return wantMissing == (elements.Count == 0);
        }

        var any = criterion.Values.Any(value => elements.Any(e => MatchElement(e, parameter, criterion.Modifier, value, fhirBase)));
        return criterion.Modifier == "not" ? !criterion.Values.Any(value => elements.Any(e => MatchElement(e, parameter, null, value, fhirBase))) : any;
    }

    /// <summary>The references a reference parameter holds, as local "Type/id" keys (for _include).</summary>
    public static IEnumerable<string> LocalReferences(Resource resource, SearchParameterInfo parameter, string fhirBase) =>
        resource.Select(parameter.Expression).OfType<ResourceReference>()
            .Select(r => References.Local(r.Reference, fhirBase))
            .OfType<string>();

    /// <summary>The earliest date the parameter holds, for _sort.</summary>
    public static DateTimeOffset SortKey(Resource resource, SearchParameterInfo parameter) =>
        resource.Select(parameter.Expression).OfType<Base>().Select(ToRange).OfType<DateRange>().Select(r => r.Low).DefaultIfEmpty(DateTimeOffset.MinValue).Min();

    private static bool MatchElement(Base element, SearchParameterInfo parameter, string? modifier, string value, string fhirBase) => parameter.Type switch
    {
        SearchParamType.Token => MatchToken(element, value),
        SearchParamType.Reference => MatchReference(element, parameter, value, fhirBase),
        SearchParamType.Date => ToRange(element) is { } range && MatchDate(range, value),
        SearchParamType.String => MatchString(element, modifier, value),
        SearchParamType.Uri => element is PrimitiveType p && string.Equals(Text(p), value, StringComparison.Ordinal),
        _ => false,
    };

    private static string? Text(PrimitiveType primitive) => primitive.JsonValue switch
    {
        null => null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    private static bool MatchToken(Base element, string value)
    {
        string? system = null;
        var code = value;
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        var systemGiven = bar >= 0;
        if (systemGiven)
        {
            system = value[..bar];
            code = value[(bar + 1)..];
        }

        return Tokens(element).Any(t =>
            (!systemGiven || string.Equals(t.System ?? string.Empty, system, StringComparison.Ordinal)) &&
            (code.Length == 0 || string.Equals(t.Code, code, StringComparison.Ordinal)));
    }

    private static IEnumerable<(string? System, string? Code)> Tokens(Base element) => element switch
    {
        Coding c => [(c.System, c.Code)],
        CodeableConcept cc => cc.Coding.Select(c => (c.System, c.Code)),
        Identifier i => [(i.System, i.Value)],
        ContactPoint cp => [(null, cp.Value)],
        FhirBoolean b => [(null, b.Value is { } v ? (v ? "true" : "false") : null)],
        PrimitiveType p => [(null, Text(p))],
        _ => [],
    };

    private static bool MatchReference(Base element, SearchParameterInfo parameter, string value, string fhirBase)
    {
        var actual = element switch
        {
            ResourceReference r => References.Local(r.Reference, fhirBase) ?? r.Reference,
            PrimitiveType p => Text(p),
            _ => null,
        };
        if (actual is null)
        {
            return false;
        }

        var wanted = References.Local(value, fhirBase) ?? value;
        if (wanted.Contains('/', StringComparison.Ordinal))
        {
            return string.Equals(actual, wanted, StringComparison.Ordinal);
        }

        // A bare id: any reference to that id of one of the parameter's target types.
        var slash = actual.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && string.Equals(actual[(slash + 1)..], wanted, StringComparison.Ordinal) &&
            (parameter.Targets.Count == 0 || parameter.Targets.Contains(actual[..slash], StringComparer.Ordinal));
    }

    private static bool MatchDate(DateRange range, string value)
    {
        var prefix = "eq";
        if (value.Length > 2 && char.IsLetter(value[0]) && char.IsLetter(value[1]))
        {
            prefix = value[..2];
            value = value[2..];
        }

        if (!DateRange.TryParse(value, out var wanted))
        {
            throw FhirError.BadRequest($"'{value}' is not a FHIR date.");
        }

        return range.Matches(prefix, wanted);
    }

    private static DateRange? ToRange(Base element) => element switch
    {
        Period p => DateRange.FromPeriod(p.Start, p.End),
        Instant i when i.Value is { } v => new DateRange(v, v.AddMilliseconds(1)),
        FhirDateTime d => DateRange.TryParse(d.Value, out var r) ? r : null,
        Date d => DateRange.TryParse(d.Value, out var r) ? r : null,
        _ => null,
    };

    private static bool MatchString(Base element, string? modifier, string value)
    {
        IEnumerable<string?> texts = element switch
        {
            HumanName n => [n.Text, n.Family, .. n.Given, .. n.Prefix, .. n.Suffix],
            Address a => [a.Text, .. a.Line, a.City, a.District, a.State, a.PostalCode, a.Country],
            PrimitiveType p => [Text(p)],
            _ => [],
        };
        return texts.OfType<string>().Any(t => modifier switch
        {
            "exact" => string.Equals(t, value, StringComparison.Ordinal),
            "contains" => t.Contains(value, StringComparison.OrdinalIgnoreCase),
            _ => t.StartsWith(value, StringComparison.OrdinalIgnoreCase),
        });
    }
}
