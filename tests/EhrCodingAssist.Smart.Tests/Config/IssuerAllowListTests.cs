using EhrCodingAssist.Smart.Config;

namespace EhrCodingAssist.Smart.Tests.Config;

public sealed class IssuerAllowListTests
{
    private static readonly IssuerAllowList List = new(
    [
        Registration("on", ["https://ehr.example.org/fhir/r4"], enabled: true),
        Registration("off", ["https://disabled.example.org/fhir"], enabled: false),
    ]);

    private static SmartRegistration Registration(string name, string[] issuers, bool enabled) => new()
    {
        Name = name,
        Issuers = issuers,
        ClientId = "c",
        ClientAuth = new ClientAuthConfig { Method = "client_secret_basic", ClientSecretEnv = "X" },
        Scopes = "launch",
        RedirectUri = "https://app/callback",
        Enabled = enabled,
    };

    [Theory]
    [InlineData("https://ehr.example.org/fhir/r4")]
    [InlineData("https://ehr.example.org/fhir/r4/")]
    [InlineData("HTTPS://EHR.EXAMPLE.ORG/fhir/r4")]
    [InlineData("https://ehr.example.org:443/fhir/r4")]
    public void TryFind_RegisteredIssuer_ReturnsRegistration(string iss)
    {
        Assert.True(List.TryFind(iss, out var r, out var issuer));
        Assert.Equal("on", r.Name);
        Assert.Equal("https://ehr.example.org/fhir/r4", issuer.AbsoluteUri);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://ehr.example.org/fhir")]
    [InlineData("https://ehr.example.org/fhir/r4/Patient")]
    [InlineData("https://ehr.example.org/FHIR/r4")]
    [InlineData("https://ehr.example.org.evil.com/fhir/r4")]
    [InlineData("https://user@ehr.example.org/fhir/r4")]
    [InlineData("https://ehr.example.org/fhir/r4?x=1")]
    [InlineData("http://ehr.example.org/fhir/r4")]
    [InlineData("https://disabled.example.org/fhir")]
    [InlineData("/fhir/r4")]
    [InlineData("javascript:alert(1)")]
    public void TryFind_AnythingElse_ReturnsFalse(string? iss)
    {
        Assert.False(List.TryFind(iss, out _, out _));
    }
}
