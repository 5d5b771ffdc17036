using System.Net;
using System.Security.Cryptography;
using EhrCodingAssist.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace EhrCodingAssist.Web.Tests.Launch;

public sealed class LaunchRefusalTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("https://evil.example.org/fhir")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("{wiremock}/fhir/../admin")]
    [InlineData("{wiremock}/fhir?x=1")]
    [InlineData("{wiremock}")]
    public async Task Launch_IssuerNotAllowed_Returns400PageAndSendsNoRequest(string iss)
    {
        app.Ehr.Reset();
        var (client, _) = app.CreateClientWithCookies();

        using var response = await client.GetAsync("/launch?launch=l1&iss=" + Uri.EscapeDataString(iss.Replace("{wiremock}", app.Ehr.Server.Url, StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("This EHR is not registered", html, StringComparison.Ordinal);
        Assert.DoesNotContain("169.254", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", html, StringComparison.Ordinal);
        Assert.Empty(app.Ehr.Server.LogEntries);
    }

    [Fact]
    public async Task Launch_MissingIss_Returns400()
    {
        var (client, _) = app.CreateClientWithCookies();

        using var response = await client.GetAsync("/launch?launch=l1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Launch_ServerWithoutS256_Returns400PkcePage()
    {
        app.Ehr.Reset();
        app.Ehr.StubSmartConfiguration(codeChallengeMethods: ["plain"]);
        var (client, _) = app.CreateClientWithCookies();

        using var response = await client.GetAsync("/launch?launch=l1&iss=" + Uri.EscapeDataString(app.Ehr.FhirBase));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("PKCE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(app.Ehr.Received("/auth"));
    }

    [Fact]
    public async Task Callback_StateFromAnotherLaunch_Returns400AndNoTokenRequest()
    {
        app.Ehr.Reset();
        var (client, _) = app.CreateClientWithCookies();
        using var launch = await client.GetAsync("/launch?launch=l1&iss=" + Uri.EscapeDataString(app.Ehr.FhirBase));
        Assert.Equal(HttpStatusCode.Redirect, launch.StatusCode);

        using var response = await client.GetAsync("/callback?code=code-1&state=forged-state-value");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("does not belong to a launch", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(app.Ehr.Received("/auth/token"));
    }

    [Fact]
    public async Task Callback_StateFromAnotherBrowser_Returns400()
    {
        app.Ehr.Reset();
        var (victim, _) = app.CreateClientWithCookies();
        using var launch = await victim.GetAsync("/launch?launch=l1&iss=" + Uri.EscapeDataString(app.Ehr.FhirBase));
        var state = QueryHelpers.ParseQuery(launch.Headers.Location!.Query)["state"].ToString();
        var (attacker, _) = app.CreateClientWithCookies();
        using var attackerLaunch = await attacker.GetAsync("/launch?launch=l2&iss=" + Uri.EscapeDataString(app.Ehr.FhirBase));

        using var response = await attacker.GetAsync("/callback?code=code-1&state=" + Uri.EscapeDataString(state));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(app.Ehr.Received("/auth/token"));
    }

    [Fact]
    public async Task Callback_Replayed_Returns400()
    {
        app.Ehr.Reset();
        var launched = await app.LaunchAsync();
        var state = QueryHelpers.ParseQuery(launched.AuthorizeRedirect.Query)["state"].ToString();

        using var replay = await launched.Client.GetAsync("/callback?code=code-1&state=" + Uri.EscapeDataString(state));

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Single(app.Ehr.Received("/auth/token"));
    }

    [Fact]
    public async Task Callback_WithoutCookie_Returns400SessionLost()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/callback?code=c&state=s");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cookie", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_TokenEndpointError_Returns401PageWithoutSession()
    {
        app.Ehr.Reset();
        var (client, cookies) = app.CreateClientWithCookies();
        using var launch = await client.GetAsync("/launch?launch=l1&iss=" + Uri.EscapeDataString(app.Ehr.FhirBase));
        var state = QueryHelpers.ParseQuery(launch.Headers.Location!.Query)["state"].ToString();
        app.Ehr.StubCodeExchange(new { error = "invalid_client", error_description = "assertion rejected" }, status: 401);

        using var response = await client.GetAsync("/callback?code=code-1&state=" + Uri.EscapeDataString(state));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("refused to issue an access token", html, StringComparison.Ordinal);
        Assert.DoesNotContain("assertion rejected", html, StringComparison.Ordinal);
        using var home = await client.GetAsync("/fhir/Patient/pat-1");
        Assert.Equal(HttpStatusCode.Unauthorized, home.StatusCode);
        Assert.NotNull(app.SessionId(cookies));
    }

    [Fact]
    public async Task Callback_AuthorizationError_Returns401()
    {
        app.Ehr.Reset();
        var (client, _) = app.CreateClientWithCookies();
        using var launch = await client.GetAsync("/launch?launch=l1&iss=" + Uri.EscapeDataString(app.Ehr.FhirBase));
        var state = QueryHelpers.ParseQuery(launch.Headers.Location!.Query)["state"].ToString();

        using var response = await client.GetAsync("/callback?error=access_denied&state=" + Uri.EscapeDataString(state));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(app.Ehr.Received("/auth/token"));
    }

    [Fact]
    public async Task Callback_IdTokenWithWrongSignature_Returns401AndNoSession()
    {
        app.Ehr.Reset();
        var (client, _) = app.CreateClientWithCookies();
        using var launch = await client.GetAsync("/launch?launch=l1&iss=" + Uri.EscapeDataString(app.Ehr.FhirBase));
        var state = QueryHelpers.ParseQuery(launch.Headers.Location!.Query)["state"].ToString();
        using var forger = RSA.Create(2048);
        app.Ehr.StubCodeExchange(new
        {
            access_token = "at-forged", token_type = "Bearer", expires_in = 3600, patient = "pat-1", encounter = "enc-1",
            id_token = app.Ehr.IdToken(signingKey: new RsaSecurityKey(forger) { KeyId = "wiremock-ehr-1" }),
        });

        using var response = await client.GetAsync("/callback?code=code-1&state=" + Uri.EscapeDataString(state));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("identity token could not be verified", html, StringComparison.Ordinal);
        Assert.DoesNotContain("at-forged", html, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie");
    }

    [Fact]
    public async Task Callback_IdTokenForAnotherClient_Returns401()
    {
        app.Ehr.Reset();
        var (client, _) = app.CreateClientWithCookies();
        using var launch = await client.GetAsync("/launch?launch=l1&iss=" + Uri.EscapeDataString(app.Ehr.FhirBase));
        var state = QueryHelpers.ParseQuery(launch.Headers.Location!.Query)["state"].ToString();
        app.Ehr.StubCodeExchange(new { access_token = "at-x", token_type = "Bearer", id_token = app.Ehr.IdToken(audience: "other-app") });

        using var response = await client.GetAsync("/callback?code=code-1&state=" + Uri.EscapeDataString(state));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Callback_RequiredScopeNotGranted_Returns403PageNamingScope()
    {
        app.Ehr.Reset();
        var (client, _) = app.CreateClientWithCookies();
        using var launch = await client.GetAsync("/launch?launch=l1&iss=" + Uri.EscapeDataString(app.Ehr.FhirBase));
        var state = QueryHelpers.ParseQuery(launch.Headers.Location!.Query)["state"].ToString();
        app.Ehr.StubCodeExchange(new { access_token = "at-narrow", token_type = "Bearer", scope = "launch openid fhirUser patient/Patient.rs", id_token = app.Ehr.IdToken() });

        using var response = await client.GetAsync("/callback?code=code-1&state=" + Uri.EscapeDataString(state));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("patient/Encounter.rs", html, StringComparison.Ordinal);
        Assert.DoesNotContain("at-narrow", html, StringComparison.Ordinal);
    }
}
