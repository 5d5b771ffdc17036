using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EhrCodingAssist.Sandbox.Tests.Auth;

public sealed class AuthorizationFlowTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly SmartClient _client = new(fixture);

    [Fact]
    public async Task Token_ValidEhrLaunch_ReturnsContextRoleAndWorkingAccessToken()
    {
        var code = await _client.CodeAsync("enc-hf", "physician");

        var (status, body) = await _client.TokenAsync(_client.CodeForm(code));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("pat-hf", body.GetProperty("patient").GetString());
        Assert.Equal("enc-hf", body.GetProperty("encounter").GetString());
        Assert.Equal("Encounter/enc-hf", body.GetProperty("fhirContext")[0].GetProperty("reference").GetString());
        Assert.Equal("physician", body.GetProperty("intent").GetString());
        Assert.Equal("Practitioner/sandbox-physician", body.GetProperty("fhirUser").GetString());
        Assert.True(body.GetProperty("need_patient_banner").GetBoolean());
        Assert.EndsWith("/smart-style.json", body.GetProperty("smart_style_url").GetString(), StringComparison.Ordinal);
        Assert.Contains("patient/Condition.c", body.GetProperty("scope").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refresh_token").GetString()));

        using var read = await fixture.SendAsync(HttpMethod.Get, "Encounter/enc-hf", token: body.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Token_IdToken_ValidatesAgainstPublishedJwks()
    {
        var code = await _client.CodeAsync("enc-af", "coder");
        var (_, body) = await _client.TokenAsync(_client.CodeForm(code));
        var jwks = new JsonWebKeySet(await fixture.Http.GetStringAsync(fixture.Sandbox.Urls.JwksUrl));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(body.GetProperty("id_token").GetString(), new TokenValidationParameters
        {
            ValidIssuer = fixture.Sandbox.Urls.FhirBase,
            ValidAudience = fixture.Sandbox.Urls.ClientId,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(fixture.Sandbox.Urls.FhirBase + "/Practitioner/sandbox-coder", ((JsonWebToken)result.SecurityToken).GetClaim("fhirUser").Value);
    }

    [Fact]
    public async Task Token_WrongCodeVerifier_IsRejectedAsInvalidGrant()
    {
        var code = await _client.CodeAsync();

        var (status, body) = await _client.TokenAsync(_client.CodeForm(code, verifier: "a-different-verifier-that-is-long-enough-0123456789"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_CodeUsedTwice_SecondIsRejectedAndFirstTokenRevoked()
    {
        var code = await _client.CodeAsync();
        var (firstStatus, first) = await _client.TokenAsync(_client.CodeForm(code));
        Assert.Equal(HttpStatusCode.OK, firstStatus);

        var (status, body) = await _client.TokenAsync(_client.CodeForm(code));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        using var read = await fixture.SendAsync(HttpMethod.Get, "Patient/pat-sepsis", token: first.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
    }

    [Fact]
    public async Task Token_RedirectUriDiffersFromAuthorize_IsRejected()
    {
        var code = await _client.CodeAsync();

        var (status, body) = await _client.TokenAsync(_client.CodeForm(code, redirectUri: "http://127.0.0.1:1/other"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_AssertionSignedByUnknownKey_IsRejectedAsInvalidClient()
    {
        var code = await _client.CodeAsync();
        using var rsa = RSA.Create(2048);
        var stranger = new RsaSecurityKey(rsa) { KeyId = "test-rs384" };

        var (status, body) = await _client.TokenAsync(_client.CodeForm(code), _client.Assertion(key: stranger));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("audience")]
    [InlineData("issuer")]
    [InlineData("lifetime")]
    public async Task Token_AssertionWithWrongClaim_IsRejectedAsInvalidClient(string wrong)
    {
        var code = await _client.CodeAsync();
        var assertion = wrong switch
        {
            "audience" => _client.Assertion(audience: fixture.Sandbox.Urls.FhirBase),
            "issuer" => _client.Assertion(issuer: "someone-else"),
            _ => _client.Assertion(lifetime: TimeSpan.FromMinutes(30)),
        };

        var (status, body) = await _client.TokenAsync(_client.CodeForm(code), assertion);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_ReplayedAssertionJti_IsRejected()
    {
        var assertion = _client.Assertion(jti: "fixed-" + Guid.NewGuid());
        var (okStatus, _) = await _client.TokenAsync(_client.CodeForm(await _client.CodeAsync()), assertion);
        Assert.Equal(HttpStatusCode.OK, okStatus);

        var (status, body) = await _client.TokenAsync(_client.CodeForm(await _client.CodeAsync()), assertion);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_RefreshGrant_IssuesNewAccessTokenWithSameContext()
    {
        var (_, first) = await _client.TokenAsync(_client.CodeForm(await _client.CodeAsync("enc-dm", "coder")));

        var (status, body) = await _client.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = first.GetProperty("refresh_token").GetString()!,
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(first.GetProperty("access_token").GetString(), body.GetProperty("access_token").GetString());
        Assert.Equal("pat-dm", body.GetProperty("patient").GetString());
        Assert.Equal("coder", body.GetProperty("intent").GetString());
    }

    [Fact]
    public async Task Authorize_UnregisteredRedirectUri_ShowsErrorWithoutRedirect()
    {
        var parameters = _client.AuthorizeParameters(await _client.LaunchAsync());
        parameters["redirect_uri"] = "https://attacker.example/callback";

        using var response = await _client.AuthorizeAsync(parameters);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("code_challenge_method", "plain")]
    [InlineData("code_challenge", null)]
    [InlineData("aud", "http://127.0.0.1:1/fhir")]
    [InlineData("launch", "not-a-launch-we-issued")]
    public async Task Authorize_BadParameter_RedirectsWithInvalidRequest(string name, string? value)
    {
        var parameters = _client.AuthorizeParameters(await _client.LaunchAsync());
        parameters[name] = value;

        using var response = await _client.AuthorizeAsync(parameters);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("invalid_request", query["error"].ToString());
        Assert.Equal("state-123", query["state"].ToString());
        Assert.False(query.ContainsKey("code"));
    }

    [Fact]
    public async Task Authorize_StandaloneWithoutPatient_ShowsPickerThenIssuesPatientContext()
    {
        var parameters = _client.AuthorizeParameters(launch: null);
        using var picker = await _client.AuthorizeAsync(parameters);
        Assert.Equal(HttpStatusCode.OK, picker.StatusCode);
        Assert.Contains("Development tool", await picker.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        parameters["sandbox_patient"] = "pat-obesity";
        using var response = await _client.AuthorizeAsync(parameters);
        var code = QueryHelpers.ParseQuery(response.Headers.Location!.Query)["code"].ToString();
        var (_, body) = await _client.TokenAsync(_client.CodeForm(code));

        Assert.Equal("pat-obesity", body.GetProperty("patient").GetString());
        Assert.False(body.TryGetProperty("encounter", out _));
    }

    [Fact]
    public async Task Fhir_WithoutToken_Returns401WithBearerChallenge()
    {
        using var response = await fixture.Http.GetAsync(fixture.Fhir("Patient/pat-sepsis"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.First().Scheme);
    }

    [Fact]
    public async Task Fhir_WithUnknownToken_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, fixture.Fhir("Patient/pat-sepsis"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "made-up");

        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Fhir_PatientScopedToken_CannotReadOtherPatientsData()
    {
        var token = fixture.Sandbox.IssueAccessToken("patient/*.rs", "pat-sepsis");

        using var own = await fixture.SendAsync(HttpMethod.Get, "Observation/obs-sepsis-1", token: token);
        using var other = await fixture.SendAsync(HttpMethod.Get, "Observation/obs-aki-1", token: token);
        using var search = await fixture.SendAsync(HttpMethod.Get, "Observation?code=2160-0", token: token);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var bundle = await SandboxFixture.ReadAsync<Bundle>(search);
        Assert.All(bundle.Entry, e => Assert.Equal("Patient/pat-sepsis", ((Observation)e.Resource!).Subject!.Reference));
        Assert.NotEmpty(bundle.Entry);
    }

    [Fact]
    public async Task Fhir_ReadOnlyToken_CannotCreate()
    {
        var token = fixture.Sandbox.IssueAccessToken("patient/*.rs", "pat-sepsis");

        using var response = await fixture.SendAsync(HttpMethod.Post, "Condition", Fhir.ReadUpdateTests.NewCondition("forbidden"), token: token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Condition", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
