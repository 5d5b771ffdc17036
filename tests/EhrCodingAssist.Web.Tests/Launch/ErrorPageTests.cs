using System.Net;
using EhrCodingAssist.Web.Security;
using EhrCodingAssist.Web.Session;
using EhrCodingAssist.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EhrCodingAssist.Web.Tests.Launch;

public sealed class ErrorPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task MissingScopePage_ValidScope_Returns403NamingIt()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/error/missing-scope?scope=patient%2FObservation.rs");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<code class=\"scope\">patient/Observation.rs</code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingScopePage_ArbitraryText_IsNotEchoed()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/error/missing-scope?scope=" + Uri.EscapeDataString("<script>alert(1)</script>"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RelaunchPage_Get_Returns401()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/error/relaunch");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("launch the app again", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/", "text/html", 403)]
    [InlineData("/api/encounters/e1/findings", "application/problem+json", 403)]
    public async Task ExceptionHandler_MissingScope_RendersPageOrProblem(string path, string contentType, int status)
    {
        var (context, body) = NewContext(path);

        var handled = await new SmartExceptionHandler().TryHandleAsync(context, new MissingScopeException("patient/Condition.rs", "x"), default);

        Assert.True(handled);
        Assert.Equal(status, context.Response.StatusCode);
        Assert.StartsWith(contentType, context.Response.ContentType, StringComparison.Ordinal);
        Assert.Contains("patient/Condition.rs", Read(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExceptionHandler_RelaunchRequired_Renders401Page()
    {
        var (context, body) = NewContext("/");

        var handled = await new SmartExceptionHandler().TryHandleAsync(context, new RelaunchRequiredException("x"), default);

        Assert.True(handled);
        Assert.Equal(401, context.Response.StatusCode);
        Assert.Contains("Please launch the app again", Read(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExceptionHandler_OtherException_NotHandled()
    {
        var (context, _) = NewContext("/");

        Assert.False(await new SmartExceptionHandler().TryHandleAsync(context, new InvalidOperationException(), default));
    }

    private (DefaultHttpContext Context, MemoryStream Body) NewContext(string path)
    {
        var body = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = app.Services.CreateScope().ServiceProvider };
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("localhost");
        context.Request.Path = path;
        context.Request.Method = "GET";
        context.Response.Body = body;
        return (context, body);
    }

    private static string Read(MemoryStream body) => System.Text.Encoding.UTF8.GetString(body.ToArray());
}
