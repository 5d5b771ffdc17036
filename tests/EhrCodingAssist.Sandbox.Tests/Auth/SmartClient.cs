using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EhrCodingAssist.Sandbox.Tests.Auth;

/// <summary>A minimal SMART confidential client for driving the sandbox's authorize and token endpoints in tests.</summary>
internal sealed class SmartClient(SandboxFixture fixture)
{
    public string Verifier { get; } = Base64Url(RandomNumberGenerator.GetBytes(32));

    public string RedirectUri => fixture.Sandbox.Urls.RedirectUris[0];

    public async Task<string> LaunchAsync(string encounter = "enc-sepsis", string role = "cdi")
    {
        using var response = await fixture.Http.GetAsync(fixture.Sandbox.Urls.LaunchLink(encounter, role));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(fixture.Sandbox.Urls.AppBase + "/launch?", location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(fixture.Sandbox.Urls.FhirBase, query["iss"].ToString());
        return query["launch"].ToString();
    }

    public Dictionary<string, string?> AuthorizeParameters(string? launch) => new()
    {
        ["response_type"] = "code",
        ["client_id"] = fixture.Sandbox.Urls.ClientId,
        ["redirect_uri"] = RedirectUri,
        ["scope"] = launch is null ? "launch/patient openid fhirUser patient/*.rs" : "launch openid fhirUser patient/*.rs patient/Condition.c",
        ["state"] = "state-123",
        ["aud"] = fixture.Sandbox.Urls.FhirBase,
        ["launch"] = launch,
        ["code_challenge"] = Challenge(Verifier),
        ["code_challenge_method"] = "S256",
    };

    public async Task<HttpResponseMessage> AuthorizeAsync(Dictionary<string, string?> parameters) =>
        await fixture.Http.GetAsync(QueryHelpers.AddQueryString(fixture.Sandbox.Urls.AuthorizeUrl, parameters.Where(p => p.Value is not null)!));

    /// <summary>Launch and authorize; returns the code from the redirect.</summary>
    public async Task<string> CodeAsync(string encounter = "enc-sepsis", string role = "cdi")
    {
        var launch = await LaunchAsync(encounter, role);
        using var response = await AuthorizeAsync(AuthorizeParameters(launch));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("state-123", query["state"].ToString());
        return query["code"].ToString();
    }

    public string Assertion(SecurityKey? key = null, string? jti = null, string? audience = null, string? issuer = null, TimeSpan? lifetime = null)
    {
        var clientId = fixture.Sandbox.Urls.ClientId;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? clientId,
            Audience = audience ?? fixture.Sandbox.Urls.TokenUrl,
            Expires = DateTime.UtcNow.Add(lifetime ?? TimeSpan.FromMinutes(4)),
            Claims = new Dictionary<string, object> { ["sub"] = issuer ?? clientId, ["jti"] = jti ?? Guid.NewGuid().ToString() },
            SigningCredentials = new SigningCredentials(key ?? fixture.ClientKey, SecurityAlgorithms.RsaSha384),
        });
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(Dictionary<string, string> form, string? assertion = null)
    {
        form["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
        form["client_assertion"] = assertion ?? Assertion();
        using var content = new FormUrlEncodedContent(form);
        using var response = await fixture.Http.PostAsync(fixture.Sandbox.Urls.TokenUrl, content);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body);
    }

    public Dictionary<string, string> CodeForm(string code, string? verifier = null, string? redirectUri = null) => new()
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["redirect_uri"] = redirectUri ?? RedirectUri,
        ["code_verifier"] = verifier ?? Verifier,
    };

    public static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
