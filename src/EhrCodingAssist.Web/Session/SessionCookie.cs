using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.Session;

/// <summary>
/// The browser's only handle on its session: an opaque random id in an HttpOnly, Secure, SameSite=None cookie
/// (SameSite=None so it is sent inside the EHR's iframe; Partitioned for browsers that block third-party cookies).
/// </summary>
internal sealed class SessionCookie(IOptions<SmartSessionOptions> options)
{
    public string? Read(HttpContext context)
    {
        var value = context.Request.Cookies[options.Value.CookieName];
        return value is { Length: >= 20 and <= 100 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? value : null;
    }

    public void Write(HttpContext context, string sessionId)
    {
        var cookie = new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.None,
            Path = "/",
            IsEssential = true,
        };
        if (options.Value.PartitionedCookie)
        {
            cookie.Extensions.Add("Partitioned");
        }

        context.Response.Cookies.Append(options.Value.CookieName, sessionId, cookie);
    }
}
