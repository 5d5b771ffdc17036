using EhrCodingAssist.Web.Session;

namespace EhrCodingAssist.Web.Pages;

/// <summary>How a role is named on the pages.</summary>
public static class RoleText
{
    /// <summary>"Physician", "CDI specialist" or "Coder".</summary>
    public static string Of(AppRole role) => role switch
    {
        AppRole.Physician => "Physician",
        AppRole.Cdi => "CDI specialist",
        AppRole.Coder => "Coder",
        _ => role.ToString(),
    };
}
