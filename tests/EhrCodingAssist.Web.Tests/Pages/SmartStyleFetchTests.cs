using EhrCodingAssist.Web.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace EhrCodingAssist.Web.Tests.Pages;

/// <summary>smart_style_url is public: fetched without the bearer token, also from the EHR's origin outside the FHIR base.</summary>
public sealed class SmartStyleFetchTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task EhrStyleCss_StyleOnTheEhrOriginOutsideTheFhirBase_FetchedWithoutTokenAndApplied()
    {
        app.Ehr.Reset();
        app.Ehr.Server.Given(Request.Create().WithPath("/styles/smart-v1.json").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody("""{"color_background":"#f8f8f8","color_text":"#222222","color_highlight":"#0b5cad"}"""));
        var launched = await app.LaunchAsync(new LaunchSpec { SmartStyleUrl = app.Ehr.Server.Url + "/styles/smart-v1.json", AccessToken = "at-style" });

        var css = await launched.Client.GetStringAsync("/css/ehr-style.css");

        Assert.Contains("--color-highlight: #0b5cad;", css, StringComparison.Ordinal);
        var fetch = Assert.Single(app.Ehr.Received("/styles/smart-v1.json"));
        Assert.False(fetch.RequestMessage.Headers?.ContainsKey("Authorization") == true);
    }

    [Fact]
    public async Task EhrStyleCss_StyleLargerThan64KiB_AppStyleKept()
    {
        app.Ehr.Reset();
        app.Ehr.Server.Given(Request.Create().WithPath("/styles/huge.json").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBody("{\"color_highlight\":\"#0b5cad\",\"pad\":\"" + new string('x', 100_000) + "\"}"));
        var launched = await app.LaunchAsync(new LaunchSpec { SmartStyleUrl = app.Ehr.Server.Url + "/styles/huge.json" });

        var css = await launched.Client.GetStringAsync("/css/ehr-style.css");

        Assert.Equal(string.Empty, css);
    }
}
