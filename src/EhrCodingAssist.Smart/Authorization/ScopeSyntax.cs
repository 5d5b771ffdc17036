using EhrCodingAssist.Smart.Discovery;

namespace EhrCodingAssist.Smart.Authorization;

/// <summary>The scope syntax a server speaks.</summary>
public enum ScopeSyntax
{
    /// <summary>SMART v1: patient/Observation.read.</summary>
    V1,

    /// <summary>SMART v2: patient/Observation.rs.</summary>
    V2,
}

/// <summary>Chooses v1 or v2 from what the server advertises; a request never mixes the two.</summary>
public static class ScopeSyntaxSelector
{
    /// <summary>
    /// permission-v2 → v2; else permission-v1 → v1; else v2 scopes in scopes_supported → v2; else v1 (legacy servers,
    /// including those known only through the CapabilityStatement).
    /// </summary>
    public static ScopeSyntax Select(SmartConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Has("permission-v2"))
        {
            return ScopeSyntax.V2;
        }

        if (config.Has("permission-v1"))
        {
            return ScopeSyntax.V1;
        }

        return config.ScopesSupported?.Any(SmartScopes.IsV2) == true ? ScopeSyntax.V2 : ScopeSyntax.V1;
    }

    /// <summary>The registration's (v2) scopes in the chosen syntax.</summary>
    public static IReadOnlyList<string> Render(string v2Scopes, ScopeSyntax syntax)
    {
        var scopes = SmartScopes.Split(v2Scopes);
        return syntax == ScopeSyntax.V2 ? scopes : SmartScopes.ToV1(scopes);
    }
}
