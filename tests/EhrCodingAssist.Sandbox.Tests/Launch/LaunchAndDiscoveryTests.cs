using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Tests.Launch;

public sealed class LaunchAndDiscoveryTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task LaunchPage_ListsSeededEncountersWithOneLinkPerRoleAndDevBanner()
    {
        var html = await fixture.Http.GetStringAsync(fixture.Sandbox.LaunchPageUrl);

        Assert.Contains("Development tool", html, StringComparison.Ordinal);
        foreach (var role in new[] { "physician", "cdi", "coder" })
        {
            Assert.Contains($"/launch-app?encounter=enc-sepsis&amp;role={role}", html, StringComparison.Ordinal);
        }

        Assert.Contains("data-encounter=\"enc-dm\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("enc-aki-prior", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("enc-sepsis", "surgeon", HttpStatusCode.BadRequest)]
    [InlineData("no-such-encounter", "cdi", HttpStatusCode.NotFound)]
    public async Task LaunchApp_BadRoleOrEncounter_IsRefusedWithoutRedirect(string encounter, string role, HttpStatusCode expected)
    {
        using var response = await fixture.Http.GetAsync(fixture.Sandbox.Urls.LaunchLink(encounter, role));

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("Development tool", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmartConfiguration_AdvertisesEndpointsS256V2ScopesAndCapabilities()
    {
        var json = JsonDocument.Parse(await fixture.Http.GetStringAsync(fixture.Fhir(".well-known/smart-configuration"))).RootElement;

        Assert.Equal(fixture.Sandbox.Urls.AuthorizeUrl, json.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(fixture.Sandbox.Urls.TokenUrl, json.GetProperty("token_endpoint").GetString());
        Assert.Equal(fixture.Sandbox.Urls.JwksUrl, json.GetProperty("jwks_uri").GetString());
        Assert.Equal(["S256"], json.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("patient/*.rs", json.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
        var capabilities = json.GetProperty("capabilities").EnumerateArray().Select(e => e.GetString()).ToList();
        foreach (var required in new[] { "launch-ehr", "launch-standalone", "client-confidential-asymmetric", "context-ehr-patient", "context-ehr-encounter", "permission-v2", "sso-openid-connect" })
        {
            Assert.Contains(required, capabilities);
        }
    }

    [Fact]
    public async Task Metadata_WithoutToken_DeclaresTransactionResourcesAndOAuthUris()
    {
        using var response = await fixture.Http.GetAsync(fixture.Fhir("metadata"));
        var capability = await SandboxFixture.ReadAsync<CapabilityStatement>(response);

        var rest = capability.Rest[0];
        Assert.Contains(rest.Interaction, i => i.Code == CapabilityStatement.SystemRestfulInteraction.Transaction);
        var condition = Assert.Single(rest.Resource, r => r.Type == "Condition");
        Assert.True(condition.ConditionalCreate);
        Assert.Contains(condition.Interaction, i => i.Code == CapabilityStatement.TypeRestfulInteraction.Create);
        Assert.Contains(rest.Resource, r => r.Type == "Claim");
        var oauth = rest.Security!.Extension.Single(e => e.Url!.EndsWith("oauth-uris", StringComparison.Ordinal));
        Assert.Equal(fixture.Sandbox.Urls.TokenUrl, ((FhirUri)oauth.GetExtension("token")!.Value!).Value);
    }

    [Fact]
    public async Task SmartStyle_IsServedAsJson()
    {
        var json = JsonDocument.Parse(await fixture.Http.GetStringAsync(fixture.Sandbox.Urls.StyleUrl)).RootElement;

        Assert.StartsWith("#", json.GetProperty("color_highlight").GetString(), StringComparison.Ordinal);
    }
}
