using System.Text.RegularExpressions;

namespace EhrCodingAssist.Smart.Authorization;

/// <summary>SMART scope syntax: v1 (<c>patient/Observation.read</c>) and v2 (<c>patient/Observation.rs</c>).</summary>
public static partial class SmartScopes
{
    [GeneratedRegex(@"^(patient|user|system)/(\*|[A-Z][A-Za-z]*)\.(c?r?u?d?s?)(\?[^\s]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex V2Regex();

    [GeneratedRegex(@"^(patient|user|system)/(\*|[A-Z][A-Za-z]*)\.(read|write|\*)$", RegexOptions.CultureInvariant)]
    private static partial Regex V1Regex();

    private static readonly HashSet<string> NonResourceScopes = new(StringComparer.Ordinal)
    {
        "launch", "launch/patient", "launch/encounter", "openid", "fhirUser", "profile",
        "offline_access", "online_access",
    };

    /// <summary>Splits a space-separated scope string.</summary>
    public static IReadOnlyList<string> Split(string? scopes) =>
        string.IsNullOrWhiteSpace(scopes)
            ? []
            : scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether the scope is a non-resource scope (launch, openid, fhirUser, offline_access...).</summary>
    public static bool IsNonResource(string scope) => NonResourceScopes.Contains(scope);

    /// <summary>Whether the scope is a SMART v2 resource scope.</summary>
    public static bool IsV2(string scope)
    {
        var m = V2Regex().Match(scope);
        return m.Success && m.Groups[3].Length > 0;
    }

    /// <summary>Whether the scope is a SMART v1 resource scope.</summary>
    public static bool IsV1(string scope) => V1Regex().IsMatch(scope);

    /// <summary>
    /// Converts a v2 resource scope to v1: read/search → read, create/update/delete → write, both → *.
    /// Granular query parameters cannot be expressed in v1 and are dropped. Non-resource scopes pass through.
    /// </summary>
    public static string ToV1(string scope)
    {
        var m = V2Regex().Match(scope);
        if (!m.Success || m.Groups[3].Length == 0)
        {
            return scope;
        }

        var perms = m.Groups[3].Value;
        var reads = perms.Contains('r', StringComparison.Ordinal) || perms.Contains('s', StringComparison.Ordinal);
        var writes = perms.Contains('c', StringComparison.Ordinal) || perms.Contains('u', StringComparison.Ordinal)
            || perms.Contains('d', StringComparison.Ordinal);
        var v1 = reads && writes ? "*" : reads ? "read" : "write";
        return $"{m.Groups[1].Value}/{m.Groups[2].Value}.{v1}";
    }

    /// <summary>Converts a whole v2 scope list to v1 (de-duplicated, order kept).</summary>
    public static IReadOnlyList<string> ToV1(IEnumerable<string> scopes) => scopes.Select(ToV1).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Whether <paramref name="granted"/> allows permission <paramref name="permission"/> (one of c, r, u, d, s)
    /// on <paramref name="resourceType"/>, in any context (patient, user, system), in v1 or v2 syntax.
    /// </summary>
    public static bool Allows(IEnumerable<string> granted, string resourceType, char permission)
    {
        foreach (var scope in granted)
        {
            if (Permissions(scope, out var type) is { } perms
                && (type == "*" || string.Equals(type, resourceType, StringComparison.Ordinal))
                && perms.Contains(permission, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether every scope of <paramref name="required"/> is covered by <paramref name="granted"/>.</summary>
    public static string? FirstMissing(IEnumerable<string> required, IReadOnlyCollection<string> granted)
    {
        foreach (var scope in required)
        {
            if (granted.Contains(scope))
            {
                continue;
            }

            var m = V2Regex().Match(scope);
            if (m.Success && m.Groups[3].Length > 0
                && m.Groups[3].Value.All(p => AllowsIn(granted, m.Groups[1].Value, m.Groups[2].Value, p)))
            {
                continue;
            }

            return scope;
        }

        return null;
    }

    private static bool AllowsIn(IEnumerable<string> granted, string context, string type, char permission) =>
        Allows(granted.Where(g => g.StartsWith(context + "/", StringComparison.Ordinal)), type, permission);

    /// <summary>The v2 permission letters a resource scope grants (null for non-resource scopes).</summary>
    private static string? Permissions(string scope, out string resourceType)
    {
        resourceType = "";
        var v2 = V2Regex().Match(scope);
        if (v2.Success && v2.Groups[3].Length > 0)
        {
            resourceType = v2.Groups[2].Value;
            return v2.Groups[3].Value;
        }

        var v1 = V1Regex().Match(scope);
        if (!v1.Success)
        {
            return null;
        }

        resourceType = v1.Groups[2].Value;
        return v1.Groups[3].Value switch
        {
            "read" => "rs",
            "write" => "cud",
            _ => "cruds",
        };
    }
}
