using Microsoft.AspNetCore.Antiforgery;

namespace EhrCodingAssist.Web.Security;

/// <summary>
/// The app runs inside the EHR's iframe, usually on another site: over https the antiforgery cookie of the Razor
/// Pages forms is made SameSite=None, Secure and Partitioned so posts work there. Over plain http (the loopback
/// sandbox, same-site with the app) it keeps the default: browsers reject SameSite=None without Secure, and the
/// antiforgery system refuses SecurePolicy=Always on http requests. The form token still protects every post.
/// </summary>
internal static class IframeCookies
{
    public static void PostConfigure(AntiforgeryOptions options)
    {
        var current = options.Cookie;
        options.Cookie = new IframeCookieBuilder
        {
            Name = current.Name,
            Path = current.Path,
            Domain = current.Domain,
            HttpOnly = true,
            IsEssential = current.IsEssential,
            SameSite = current.SameSite,
            SecurePolicy = CookieSecurePolicy.SameAsRequest,
        };
    }

    private sealed class IframeCookieBuilder : CookieBuilder
    {
        public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
        {
            var options = base.Build(context, expiresFrom);
            if (context.Request.IsHttps)
            {
                options.SameSite = SameSiteMode.None;
                options.Secure = true;
                options.Extensions.Add("Partitioned");
            }

            return options;
        }
    }
}
