using EhrCodingAssist.Smart.Authorization;

namespace EhrCodingAssist.Web.Session;

/// <summary>Feature gating by granted scope.</summary>
public static class SessionScopes
{
    /// <summary>
    /// Whether the session's granted scopes allow <paramref name="permission"/> (c, r, u, d or s) on
    /// <paramref name="resourceType"/>, e.g. <c>session.Allows("Condition", 'c')</c>. Understands v1 and v2 scopes.
    /// </summary>
    public static bool Allows(this SmartSession session, string resourceType, char permission)
    {
        ArgumentNullException.ThrowIfNull(session);
        return SmartScopes.Allows(session.GrantedScopes, resourceType, permission);
    }
}
