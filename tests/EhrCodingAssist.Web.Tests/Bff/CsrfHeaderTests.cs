using System.Net;
using EhrCodingAssist.Web.Security;
using Microsoft.AspNetCore.Http;

namespace EhrCodingAssist.Web.Tests.Bff;

public sealed class CsrfHeaderTests
{
    [Theory]
    [InlineData("GET", null, true)]
    [InlineData("HEAD", null, true)]
    [InlineData("POST", null, false)]
    [InlineData("POST", "0", false)]
    [InlineData("POST", "1", true)]
    [InlineData("PUT", "1", true)]
    [InlineData("DELETE", null, false)]
    [InlineData("PATCH", "true", false)]
    public void IsSatisfied_MethodAndHeader_RequiresHeaderForStateChanges(string method, string? header, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        if (header is not null)
        {
            context.Request.Headers[CsrfHeader.Name] = header;
        }

        Assert.Equal(expected, CsrfHeader.IsSatisfied(context.Request));
    }
}

public sealed class IframeCookieTests(EhrCodingAssist.Web.Tests.Infrastructure.AppFactory app) : IClassFixture<EhrCodingAssist.Web.Tests.Infrastructure.AppFactory>
{
    [Theory]
    [InlineData("https", SameSiteMode.None, true)]
    [InlineData("http", SameSiteMode.Strict, false)]
    public void AntiforgeryCookie_Scheme_CrossSiteIframeReadyOnlyOverHttps(string scheme, SameSiteMode sameSite, bool secure)
    {
        var options = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>(app.Services).Value;
        var context = new DefaultHttpContext();
        context.Request.Scheme = scheme;

        var cookie = options.Cookie.Build(context);

        Assert.Equal((sameSite, secure, true), (cookie.SameSite, cookie.Secure, cookie.HttpOnly));
        Assert.Equal(secure, cookie.Extensions.Contains("Partitioned"));
        Assert.False(string.IsNullOrEmpty(options.Cookie.Name));
        Assert.NotEqual(CookieSecurePolicy.Always, options.Cookie.SecurePolicy);
    }
}
