using System.Text;
using EhrCodingAssist.Smart.Config;
using EhrCodingAssist.Smart.Keys;
using EhrCodingAssist.Smart.Tokens;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace EhrCodingAssist.Smart.Tests.Tokens;

public sealed class SmartTokenClientTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _http.Dispose();
    }

    private Uri TokenUrl => new(_server.Url + "/auth/token");

    private SmartTokenClient Client => new(_http, new ClientAssertionFactory(TimeProvider.System));

    private static SmartRegistration Registration(ClientAuthConfig auth) => new()
    {
        Name = "t", Issuers = ["https://ehr/fhir"], ClientId = "my client", ClientAuth = auth,
        Scopes = "launch", RedirectUri = "https://app/callback",
    };

    private void Token(int status, string body) => _server.Given(Request.Create().WithPath("/auth/token").UsingPost())
        .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    private Dictionary<string, string> PostedForm() =>
        QueryHelpers.ParseQuery(_server.LogEntries.Single().RequestMessage.Body).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());

    [Fact]
    public async Task ExchangeCodeAsync_PrivateKeyJwt_PostsAssertionAndParsesContext()
    {
        Token(200, """
            {"access_token":"AT","token_type":"Bearer","expires_in":300,"scope":"launch patient/*.rs","refresh_token":"RT",
             "patient":"p1","encounter":"e1","need_patient_banner":true,"smart_style_url":"https://ehr/style.json",
             "intent":"coder","tenant":"t1","fhirContext":[{"reference":"Encounter/e1"}]}
            """);
        var key = ClientSigningKey.FromPem(TestKeys.RsaPem(), "RS384", "k1");
        var context = new TokenClientContext
        {
            Registration = Registration(new ClientAuthConfig { Method = "private_key_jwt", Alg = "RS384", Kid = "k1", PrivateKeyFile = "x" }),
            TokenEndpoint = TokenUrl,
            SigningKey = key,
        };

        var token = await Client.ExchangeCodeAsync(context, "CODE", "VERIFIER");

        Assert.Equal(("AT", "RT", 300), (token.AccessToken, token.RefreshToken, token.ExpiresIn));
        Assert.Equal(("p1", "e1", "coder", "t1"), (token.Patient, token.Encounter, token.Intent, token.Tenant));
        Assert.True(token.NeedPatientBanner);
        Assert.Equal("https://ehr/style.json", token.SmartStyleUrl);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, token.FhirContext?.ValueKind);

        var form = PostedForm();
        Assert.Equal("authorization_code", form["grant_type"]);
        Assert.Equal("CODE", form["code"]);
        Assert.Equal("VERIFIER", form["code_verifier"]);
        Assert.Equal("https://app/callback", form["redirect_uri"]);
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);
        var assertion = new JsonWebToken(form["client_assertion"]);
        Assert.Equal([TokenUrl.AbsoluteUri], assertion.Audiences);
        Assert.False(_server.LogEntries.Single().RequestMessage.Headers!.ContainsKey("Authorization"));
    }

    [Theory]
    [InlineData("\"3600\"", 3600)]
    [InlineData("3600", 3600)]
    public async Task RefreshAsync_ExpiresInAsNumberOrString_ReadAsSeconds(string expiresIn, int seconds)
    {
        Token(200, $$"""{"access_token":"AT2","token_type":"Bearer","expires_in":{{expiresIn}}}""");
        var context = new TokenClientContext
        {
            Registration = Registration(new ClientAuthConfig { Method = "client_secret_basic", ClientSecretEnv = "X" }),
            TokenEndpoint = TokenUrl,
            ClientSecret = "s",
        };

        var token = await Client.RefreshAsync(context, "RT");

        Assert.Equal(seconds, token.ExpiresIn);
    }

    [Fact]
    public async Task RefreshAsync_ClientSecretBasic_SendsBasicHeaderWithEncodedParts()
    {
        Token(200, """{"access_token":"AT2","token_type":"bearer"}""");
        var context = new TokenClientContext
        {
            Registration = Registration(new ClientAuthConfig { Method = "client_secret_basic", ClientSecretEnv = "S" }),
            TokenEndpoint = TokenUrl,
            ClientSecret = "p@ss:word",
        };

        var token = await Client.RefreshAsync(context, "RT");

        Assert.Equal("AT2", token.AccessToken);
        var form = PostedForm();
        Assert.Equal(("refresh_token", "RT"), (form["grant_type"], form["refresh_token"]));
        Assert.False(form.ContainsKey("client_assertion"));
        var header = _server.LogEntries.Single().RequestMessage.Headers!["Authorization"].Single();
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("my%20client:p%40ss%3Aword")), header);
    }

    [Theory]
    [InlineData(400, """{"error":"invalid_grant","error_description":"expired"}""", "invalid_grant", true)]
    [InlineData(401, """{"error":"invalid_client"}""", "invalid_client", false)]
    [InlineData(500, "oops", "server_error", false)]
    [InlineData(200, """{"token_type":"bearer"}""", "invalid_response", false)]
    [InlineData(200, """{"access_token":"x","token_type":"mac"}""", "invalid_response", false)]
    public async Task RefreshAsync_ErrorAnswer_ThrowsWithOAuthError(int status, string body, string error, bool invalidGrant)
    {
        Token(status, body);
        var context = new TokenClientContext
        {
            Registration = Registration(new ClientAuthConfig { Method = "client_secret_basic", ClientSecretEnv = "S" }),
            TokenEndpoint = TokenUrl,
            ClientSecret = "s",
        };

        var ex = await Assert.ThrowsAsync<SmartTokenException>(() => Client.RefreshAsync(context, "RT"));

        Assert.Equal(error, ex.Error);
        Assert.Equal(invalidGrant, ex.IsInvalidGrant);
    }
}
