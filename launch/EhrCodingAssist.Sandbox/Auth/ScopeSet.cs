namespace EhrCodingAssist.Sandbox.Auth;

/// <summary>How far a scope lets a client reach for one resource type and interaction.</summary>
internal enum ScopeReach
{
    /// <summary>No granted scope covers it.</summary>
    None,

    /// <summary>Only within the launch's patient compartment (patient/ scopes).</summary>
    Patient,

    /// <summary>Any resource the user may see (user/ or system/ scopes).</summary>
    Any,
}

/// <summary>
/// Granted SMART scopes, v2 ("patient/Observation.rs", "user/*.cruds") or v1 ("patient/*.read", "user/*.write",
/// "patient/*.*"). A v2 scope's query suffix (e.g. "?category=…") is accepted but not enforced.
/// </summary>
internal sealed class ScopeSet
{
    private readonly List<(string Level, string Type, string Ops)> _clinical = [];

    public ScopeSet(IEnumerable<string> scopes)
    {
        Scopes = scopes.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var scope in Scopes)
        {
            if (TryParse(scope, out var parsed))
            {
                _clinical.Add(parsed);
            }
        }
    }

    public IReadOnlyList<string> Scopes { get; }

    public bool Contains(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);

    public override string ToString() => string.Join(' ', Scopes);

    /// <summary>Whether <paramref name="scope"/> is a well-formed clinical scope in v1 or v2 syntax.</summary>
    public static bool IsClinicalScope(string scope) => TryParse(scope, out _);

    /// <summary>The reach for <paramref name="type"/> and one interaction letter: c, r, u, d or s.</summary>
    public ScopeReach Reach(string type, char interaction)
    {
        var reach = ScopeReach.None;
        foreach (var (level, scopeType, ops) in _clinical)
        {
            if ((scopeType == "*" || scopeType == type) && ops.Contains(interaction, StringComparison.Ordinal))
            {
                if (level is "user" or "system")
                {
                    return ScopeReach.Any;
                }

                reach = ScopeReach.Patient;
            }
        }

        return reach;
    }

    private static bool TryParse(string scope, out (string Level, string Type, string Ops) parsed)
    {
        parsed = default;
        var slash = scope.IndexOf('/', StringComparison.Ordinal);
        var dot = scope.IndexOf('.', StringComparison.Ordinal);
        if (slash <= 0 || dot < slash)
        {
            return false;
        }

        var level = scope[..slash];
        if (level is not ("patient" or "user" or "system"))
        {
            return false;
        }

        var type = scope[(slash + 1)..dot];
        var rest = scope[(dot + 1)..];
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            rest = rest[..query];
        }

        string? ops = rest switch
        {
            "read" => "rs",
            "write" => "cud",
            "*" => "cruds",
            _ when rest.Length > 0 && rest.All(c => "cruds".Contains(c, StringComparison.Ordinal)) && IsOrdered(rest) => rest,
            _ => null,
        };
        if (ops is null || type.Length == 0)
        {
            return false;
        }

        parsed = (level, type, ops);
        return true;
    }

    // SMART v2 requires the letters in the order c, r, u, d, s.
    private static bool IsOrdered(string ops) =>
        ops.Select(c => "cruds".IndexOf(c, StringComparison.Ordinal)).Zip(ops.Skip(1).Select(c => "cruds".IndexOf(c, StringComparison.Ordinal)))
            .All(pair => pair.First < pair.Second);
}
