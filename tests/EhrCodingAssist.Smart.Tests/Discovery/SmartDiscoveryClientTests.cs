using EhrCodingAssist.Smart.Discovery;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace EhrCodingAssist.Smart.Tests.Discovery;

public sealed class SmartDiscoveryClientTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly HttpClient _http = new();

    private Uri FhirBase => new(_server.Url + "/fhir");

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _http.Dispose();
    }

    private void WellKnown(string json) => _server
        .Given(Request.Create().WithPath("/fhir/.well-known/smart-configuration").UsingGet())
        .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(json));

    [Fact]
    public async Task DiscoverAsync_WellKnownWithS256_ReturnsEndpoints()
    {
        WellKnown("""
            {"issuer":"https://ehr/issuer","jwks_uri":"https://ehr/jwks","authorization_endpoint":"https://ehr/authorize",
             "token_endpoint":"https://ehr/token","code_challenge_methods_supported":["S256"],"capabilities":["launch-ehr","permission-v2"]}
            """);

        var config = await new SmartDiscoveryClient(_http).DiscoverAsync(FhirBase);

        Assert.Equal("https://ehr/authorize", config.AuthorizationEndpoint);
        Assert.Equal("https://ehr/token", config.TokenEndpoint);
        Assert.Equal("https://ehr/jwks", config.JwksUri);
        Assert.True(config.Has("permission-v2"));
        Assert.False(config.FromCapabilityStatement);
    }

    [Theory]
    [InlineData("""["plain"]""")]
    [InlineData("[]")]
    [InlineData("null")]
    public async Task DiscoverAsync_WithoutS256_ThrowsMissingS256(string methods)
    {
        WellKnown($$"""{"authorization_endpoint":"https://ehr/a","token_endpoint":"https://ehr/t","code_challenge_methods_supported":{{methods}}}""");

        var ex = await Assert.ThrowsAsync<SmartDiscoveryException>(() => new SmartDiscoveryClient(_http).DiscoverAsync(FhirBase));

        Assert.Equal(DiscoveryFailure.MissingS256, ex.Failure);
    }

    [Fact]
    public async Task DiscoverAsync_NoWellKnown_FallsBackToCapabilityStatementOAuthUris()
    {
        _server.Given(Request.Create().WithPath("/fhir/metadata").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody("""
                {"resourceType":"CapabilityStatement","rest":[{"mode":"server","security":{"extension":[
                  {"url":"http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris","extension":[
                    {"url":"authorize","valueUri":"https://ehr/legacy/authorize"},
                    {"url":"token","valueUri":"https://ehr/legacy/token"}]}]}}]}
                """));

        var config = await new SmartDiscoveryClient(_http).DiscoverAsync(FhirBase);

        Assert.True(config.FromCapabilityStatement);
        Assert.Equal("https://ehr/legacy/authorize", config.AuthorizationEndpoint);
        Assert.Equal("https://ehr/legacy/token", config.TokenEndpoint);
    }

    [Fact]
    public async Task DiscoverAsync_NeitherDocument_ThrowsUnreachable()
    {
        var ex = await Assert.ThrowsAsync<SmartDiscoveryException>(() => new SmartDiscoveryClient(_http).DiscoverAsync(FhirBase));

        Assert.Equal(DiscoveryFailure.Unreachable, ex.Failure);
    }

    [Fact]
    public async Task DiscoverAsync_RelativeEndpoints_ThrowsInvalid()
    {
        WellKnown("""{"authorization_endpoint":"/a","token_endpoint":"/t","code_challenge_methods_supported":["S256"]}""");

        var ex = await Assert.ThrowsAsync<SmartDiscoveryException>(() => new SmartDiscoveryClient(_http).DiscoverAsync(FhirBase));

        Assert.Equal(DiscoveryFailure.Invalid, ex.Failure);
    }
}
