using System.Net;
using System.Text.Json;
using EhrCodingAssist.Web.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace EhrCodingAssist.Web.Tests.Launch;

/// <summary>The app with the SMART metadata cache on (AppFactory turns it off for tests that re-stub the EHR).</summary>
public sealed class CachingAppFactory : AppFactory
{
    public CachingAppFactory() => Settings["Smart:MetadataCache:DefaultTtl"] = "01:00:00";
}

// Each test hosts its own app: the cache lives as long as the app, and these tests count requests from a cold start.
public sealed class MetadataCacheTests
{
    private const string WellKnown = "/fhir/.well-known/smart-configuration";

    private static Task<HttpResponseMessage> StartLaunchAsync(AppFactory app, HttpClient client, string? iss = null) =>
        client.GetAsync("/launch?launch=l1&iss=" + Uri.EscapeDataString(iss ?? app.Ehr.FhirBase));

    [Fact]
    public async Task TwoLaunches_OneDiscoveryAndOneJwksRequest()
    {
        using var app = new CachingAppFactory();

        await app.LaunchAsync();
        await app.LaunchAsync(new LaunchSpec { Intent = "coder" });

        Assert.Single(app.Ehr.Received(WellKnown));
        Assert.Single(app.Ehr.Received("/auth/jwks.json"));
        Assert.Equal(2, app.Ehr.Received("/auth/token").Count);
    }

    [Fact]
    public async Task DiscoveryFailed_NotCached_NextLaunchRetriesAndSucceeds()
    {
        using var app = new CachingAppFactory();
        app.Ehr.Reset(smartConfiguration: false); // no well-known, no CapabilityStatement
        var (client, _) = app.CreateClientWithCookies();

        using var failed = await StartLaunchAsync(app, client);
        Assert.NotEqual(HttpStatusCode.Redirect, failed.StatusCode);

        app.Ehr.StubSmartConfiguration();
        await app.LaunchAsync();
        await app.LaunchAsync();

        Assert.Equal(2, app.Ehr.Received(WellKnown).Count); // the failure, then one success reused
    }

    [Fact]
    public async Task UnknownIssuer_WithWarmCache_RefusedBeforeAnyRequest()
    {
        using var app = new CachingAppFactory();
        await app.LaunchAsync();
        app.Ehr.Server.ResetLogEntries();
        var (client, _) = app.CreateClientWithCookies();

        using var response = await StartLaunchAsync(app, client, app.Ehr.Server.Url + "/other-fhir");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(app.Ehr.Server.LogEntries);
    }

    [Fact]
    public async Task ConcurrentFirstLaunches_OneDiscoveryRequest()
    {
        using var app = new CachingAppFactory();
        app.Ehr.Reset(smartConfiguration: false);
        var doc = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = app.Ehr.FhirBase,
            ["jwks_uri"] = app.Ehr.JwksUrl,
            ["authorization_endpoint"] = app.Ehr.AuthorizeUrl,
            ["token_endpoint"] = app.Ehr.TokenUrl,
            ["capabilities"] = new[] { "launch-ehr", "client-confidential-asymmetric", "permission-v2" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        });
        app.Ehr.Server.Given(Request.Create().WithPath(WellKnown).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(doc).WithDelay(TimeSpan.FromMilliseconds(500)));
        var clients = Enumerable.Range(0, 8).Select(_ => app.CreateClientWithCookies().Client).ToList();

        var responses = await Task.WhenAll(clients.Select(c => StartLaunchAsync(app, c)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(app.Ehr.Received(WellKnown));
        foreach (var r in responses)
        {
            r.Dispose();
        }

        foreach (var c in clients)
        {
            c.Dispose();
        }
    }
}
