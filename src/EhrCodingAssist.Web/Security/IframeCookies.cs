using Microsoft.AspNetCore.Antiforgery;

namespace EhrCodingAssist.Web.Security;

/// <summary>
/// The app runs inside the EHR's iframe, usually on another site: the antiforgery cookie of the Razor Pages forms
/// must then be SameSite=None (and so Secure), and Partitioned for browsers that block third-party cookies.
/// The form token still protects the posts; SameSite was only defence in depth.
/// </summary>
internal static class IframeCookies
{
    public static void Configure(AntiforgeryOptions options)
    {
        options.Cookie.SameSite = SameSiteMode.None;
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Cookie.HttpOnly = true;
        options.Cookie.Extensions.Add("Partitioned");
    }
}
