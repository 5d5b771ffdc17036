using System.Net;
using System.Net.Http.Headers;
using EhrCodingAssist.Smart.Caching;

namespace EhrCodingAssist.Smart.Tests.Caching;

public sealed class HttpFreshnessTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly SmartMetadataCacheOptions Options = new() { DefaultTtl = TimeSpan.FromHours(1), MaxTtl = TimeSpan.FromHours(24) };

    private static TimeSpan Lifetime(Action<HttpResponseMessage> headers)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
        headers(response);
        return HttpFreshness.From(response).Lifetime(Now, Options);
    }

    [Fact]
    public void NoHeaders_DefaultTtl() => Assert.Equal(TimeSpan.FromHours(1), Lifetime(_ => { }));

    [Fact]
    public void MaxAge_LessAge() =>
        Assert.Equal(TimeSpan.FromSeconds(500), Lifetime(r =>
        {
            r.Headers.CacheControl = new CacheControlHeaderValue { MaxAge = TimeSpan.FromSeconds(600) };
            r.Headers.Age = TimeSpan.FromSeconds(100);
        }));

    [Fact]
    public void MaxAge_WinsOverExpires() =>
        Assert.Equal(TimeSpan.FromSeconds(60), Lifetime(r =>
        {
            r.Headers.CacheControl = new CacheControlHeaderValue { MaxAge = TimeSpan.FromSeconds(60) };
            r.Content.Headers.Expires = Now.AddHours(5);
        }));

    [Fact]
    public void Expires_MeasuredFromDateHeader() =>
        Assert.Equal(TimeSpan.FromMinutes(10), Lifetime(r =>
        {
            r.Headers.Date = Now.AddHours(-3); // server clock behind ours: Expires − Date still gives the intended 10 min
            r.Content.Headers.Expires = Now.AddHours(-3).AddMinutes(10);
        }));

    [Fact]
    public void Expires_InThePast_NotStored() => Assert.Equal(TimeSpan.Zero, Lifetime(r => r.Content.Headers.Expires = Now.AddMinutes(-1)));

    [Fact]
    public void Expires_Invalid_NotStored() => Assert.Equal(TimeSpan.Zero, Lifetime(r => r.Content.Headers.TryAddWithoutValidation("Expires", "0")));

    [Fact]
    public void MaxAge_CappedAtMaxTtl() =>
        Assert.Equal(TimeSpan.FromHours(24), Lifetime(r => r.Headers.CacheControl = new CacheControlHeaderValue { MaxAge = TimeSpan.FromDays(30) }));

    [Fact]
    public void DefaultTtl_CappedAtMaxTtl()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
        var options = new SmartMetadataCacheOptions { DefaultTtl = TimeSpan.FromHours(2), MaxTtl = TimeSpan.FromMinutes(30) };

        Assert.Equal(TimeSpan.FromMinutes(30), HttpFreshness.From(response).Lifetime(Now, options));
    }

    [Theory]
    [InlineData("no-store, max-age=600")]
    [InlineData("no-cache, max-age=600")]
    [InlineData("max-age=0")]
    public void CacheControl_ForbidsReuse_NotStored(string value) =>
        Assert.Equal(TimeSpan.Zero, Lifetime(r => r.Headers.CacheControl = CacheControlHeaderValue.Parse(value)));
}
