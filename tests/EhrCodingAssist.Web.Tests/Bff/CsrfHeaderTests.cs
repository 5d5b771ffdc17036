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
    [Fact]
    public void AntiforgeryCookie_Configured_WorksInCrossSiteIframe()
    {
        var options = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>>(app.Services).Value;

        Assert.Equal(SameSiteMode.None, options.Cookie.SameSite);
        Assert.Equal(CookieSecurePolicy.Always, options.Cookie.SecurePolicy);
        Assert.Contains("Partitioned", options.Cookie.Extensions);
    }
}
