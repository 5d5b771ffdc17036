using System.Net;
using EhrCodingAssist.Web.Tests.Infrastructure;

namespace EhrCodingAssist.Web.Tests.Bff;

public sealed class FhirProxyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Patient = """{"resourceType":"Patient","id":"pat-1"}""";

    [Fact]
    public async Task Get_AllowedRead_ForwardsWithBearerAndWithoutBrowserCookies()
    {
        app.Ehr.Reset();
        app.Ehr.StubFhir("Patient/pat-1", Patient, bearer: "at-1");
        var launched = await app.LaunchAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/fhir/Patient/pat-1");
        request.Headers.Add("X-Extra-Cookie-Check", "1");
        using var response = await launched.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("pat-1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var upstream = Assert.Single(app.Ehr.Received("/fhir/Patient"));
        Assert.Equal("Bearer at-1", upstream.RequestMessage.Headers!["Authorization"].Single());
        Assert.False(upstream.RequestMessage.Headers.ContainsKey("Cookie"));
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie");
    }

    [Fact]
    public async Task Get_SearchWithQuery_ForwardsQueryString()
    {
        app.Ehr.Reset();
        app.Ehr.StubFhir("Observation", """{"resourceType":"Bundle","type":"searchset"}""");
        var launched = await app.LaunchAsync();

        using var response = await launched.Client.GetAsync("/fhir/Observation?patient=pat-1&category=laboratory");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upstream = Assert.Single(app.Ehr.Received("/fhir/Observation"));
        Assert.Equal("pat-1", upstream.RequestMessage.Query!["patient"].Single());
        Assert.Equal("laboratory", upstream.RequestMessage.Query!["category"].Single());
    }

    [Theory]
    [InlineData("/fhir/AuditEvent")]
    [InlineData("/fhir/metadata")]
    [InlineData("/fhir/Patient/pat-1/$everything")]
    [InlineData("/fhir/Patient/..%2F..%2Fadmin")]
    [InlineData("/fhir/")]
    public async Task Get_PathNotAllowed_Returns403WithoutUpstreamCall(string path)
    {
        app.Ehr.Reset();
        var launched = await app.LaunchAsync();
        var before = app.Ehr.Received("/fhir/").Count(e => !e.RequestMessage.Path.Contains("well-known", StringComparison.Ordinal));

        using var response = await launched.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, app.Ehr.Received("/fhir/").Count(e => !e.RequestMessage.Path.Contains("well-known", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Send_StateChangingMethod_Returns405WithoutUpstreamCall(string method)
    {
        app.Ehr.Reset();
        var launched = await app.LaunchAsync();

        using var request = new HttpRequestMessage(new HttpMethod(method), "/fhir/Condition") { Content = new StringContent("{}") };
        request.Headers.Add("X-CSRF", "1");
        using var response = await launched.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Empty(app.Ehr.Received("/fhir/Condition"));
    }

    [Fact]
    public async Task Get_WithoutSession_Returns401WithoutUpstreamCall()
    {
        app.Ehr.Reset();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/fhir/Patient/pat-1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(app.Ehr.Server.LogEntries);
    }

    [Fact]
    public async Task Get_Upstream401_RefreshesOnceAndRetries()
    {
        app.Ehr.Reset();
        app.Ehr.StubFhir("Patient/pat-1", """{"resourceType":"OperationOutcome"}""", status: 401, bearer: "at-1");
        app.Ehr.StubFhir("Patient/pat-1", Patient, bearer: "at-2");
        app.Ehr.StubRefresh(new { access_token = "at-2", token_type = "Bearer", expires_in = 3600, refresh_token = "rt-2" });
        var launched = await app.LaunchAsync();

        using var response = await launched.Client.GetAsync("/fhir/Patient/pat-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, app.Ehr.Received("/fhir/Patient").Count);
        var refresh = Assert.Single(app.Ehr.Received("/auth/token"), e => e.RequestMessage.Body!.Contains("refresh_token", StringComparison.Ordinal));
        Assert.Contains("refresh_token=rt-1", refresh.RequestMessage.Body, StringComparison.Ordinal);
        Assert.Contains("client_assertion=", refresh.RequestMessage.Body, StringComparison.Ordinal);

        // The refreshed token is kept: the next call goes straight through with at-2.
        using var again = await launched.Client.GetAsync("/fhir/Patient/pat-1");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(app.Ehr.Received("/auth/token"), e => e.RequestMessage.Body!.Contains("refresh_token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_Upstream401AndRefreshRefused_Returns401()
    {
        app.Ehr.Reset();
        app.Ehr.StubFhir("Patient/pat-1", "{}", status: 401);
        app.Ehr.StubRefresh(new { error = "invalid_grant" }, status: 400);
        var launched = await app.LaunchAsync();

        using var response = await launched.Client.GetAsync("/fhir/Patient/pat-1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(app.Ehr.Received("/fhir/Patient"));
    }

    [Fact]
    public async Task Get_TokenAboutToExpire_RefreshesBeforeForwarding()
    {
        app.Ehr.Reset();
        app.Ehr.StubFhir("Patient/pat-1", Patient, bearer: "at-fresh");
        app.Ehr.StubRefresh(new { access_token = "at-fresh", token_type = "Bearer", expires_in = 3600 });
        var launched = await app.LaunchAsync(new LaunchSpec { ExpiresIn = 10 });

        using var response = await launched.Client.GetAsync("/fhir/Patient/pat-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(app.Ehr.Received("/fhir/Patient"));
    }

    [Fact]
    public async Task Get_ResponseBody_NeverContainsTokens()
    {
        app.Ehr.Reset();
        app.Ehr.StubFhir("Patient/pat-1", Patient);
        var launched = await app.LaunchAsync(new LaunchSpec { AccessToken = "secret-access-token-value", RefreshToken = "secret-refresh-value" });

        var bodies = new List<string>
        {
            await launched.Client.GetStringAsync("/fhir/Patient/pat-1"),
            await launched.Client.GetStringAsync("/.well-known/jwks.json"),
            string.Join(";", launched.Callback.Headers.SelectMany(h => h.Value)),
        };

        Assert.DoesNotContain(bodies, b => b.Contains("secret-access-token-value", StringComparison.Ordinal) || b.Contains("secret-refresh-value", StringComparison.Ordinal));
    }
}
