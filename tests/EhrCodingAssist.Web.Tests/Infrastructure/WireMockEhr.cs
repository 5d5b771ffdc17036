using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace EhrCodingAssist.Web.Tests.Infrastructure;

/// <summary>
/// A WireMock.Net server playing the EHR: SMART configuration, authorize, token (code and refresh), JWKS for
/// id_tokens, and FHIR endpoints under <see cref="FhirBase"/> that tests stub with <see cref="StubFhir"/>.
/// Call <see cref="Reset"/> to go back to the defaults.
/// </summary>
public sealed class WireMockEhr : IDisposable
{
    private readonly RsaSecurityKey _idTokenKey = new(RSA.Create(2048)) { KeyId = "wiremock-ehr-1" };

    public WireMockEhr()
    {
        Server = WireMockServer.Start();
        Reset();
    }

    /// <summary>The underlying server, for custom stubs and for inspecting <c>LogEntries</c>.</summary>
    public WireMockServer Server { get; }

    /// <summary>The FHIR base, which is the launch's iss.</summary>
    public string FhirBase => Server.Url + "/fhir";

    /// <summary>The authorize endpoint.</summary>
    public string AuthorizeUrl => Server.Url + "/auth/authorize";

    /// <summary>The token endpoint.</summary>
    public string TokenUrl => Server.Url + "/auth/token";

    /// <summary>The id_token JWKS.</summary>
    public string JwksUrl => Server.Url + "/auth/jwks.json";

    /// <summary>The client id the app is registered with (see <see cref="AppFactory"/>).</summary>
    public string ClientId { get; set; } = AppFactory.ClientId;

    /// <summary>
    /// Removes every stub and log entry, then stubs smart-configuration (S256, permission-v2; skipped when
    /// <paramref name="smartConfiguration"/> is false, for the CapabilityStatement fallback), authorize and JWKS.
    /// </summary>
    public void Reset(bool smartConfiguration = true)
    {
        Server.Reset();
        if (smartConfiguration)
        {
            StubSmartConfiguration();
        }

        StubJwks();
        Server.Given(Request.Create().WithPath("/auth/authorize").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302)
                .WithHeader("Location", "{{request.query.redirect_uri}}?code=code-1&state={{request.query.state}}")
                .WithTransformer());
    }

    /// <summary>Stubs <c>/fhir/.well-known/smart-configuration</c>.</summary>
    public void StubSmartConfiguration(string[]? codeChallengeMethods = null, string[]? capabilities = null, string[]? scopesSupported = null)
    {
        var doc = new Dictionary<string, object?>
        {
            ["issuer"] = FhirBase,
            ["jwks_uri"] = JwksUrl,
            ["authorization_endpoint"] = AuthorizeUrl,
            ["token_endpoint"] = TokenUrl,
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt", "client_secret_basic" },
            ["token_endpoint_auth_signing_alg_values_supported"] = new[] { "RS384", "ES384" },
            ["scopes_supported"] = scopesSupported ?? ["openid", "fhirUser", "launch", "patient/*.rs", "user/*.rs", "offline_access"],
            ["capabilities"] = capabilities ?? ["launch-ehr", "launch-standalone", "client-confidential-asymmetric", "context-ehr-encounter", "permission-v2", "sso-openid-connect"],
            ["code_challenge_methods_supported"] = codeChallengeMethods ?? ["S256"],
        };
        Server.Given(Request.Create().WithPath("/fhir/.well-known/smart-configuration").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(doc)));
    }

    /// <summary>Stubs <c>/fhir/metadata</c>: a CapabilityStatement with the SMART oauth-uris extension (legacy discovery).</summary>
    public void StubCapabilityStatement()
    {
        var json = $$$"""
            {"resourceType":"CapabilityStatement","status":"active","kind":"instance","fhirVersion":"4.0.1","format":["json"],
             "rest":[{"mode":"server","security":{"extension":[{"url":"http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
               "extension":[{"url":"authorize","valueUri":"{{{AuthorizeUrl}}}"},{"url":"token","valueUri":"{{{TokenUrl}}}"}]}]}}]}
            """;
        StubFhir("metadata", json);
    }

    /// <summary>Stubs the JWKS holding the key that signs <see cref="IdToken"/>.</summary>
    public void StubJwks()
    {
        var p = _idTokenKey.Rsa.ExportParameters(false);
        var jwks = new { keys = new[] { new { kty = "RSA", kid = _idTokenKey.KeyId, use = "sig", alg = "RS256", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } };
        Server.Given(Request.Create().WithPath("/auth/jwks.json").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(jwks)));
    }

    /// <summary>An RS256 id_token signed with the JWKS key (or <paramref name="signingKey"/> to forge a bad one).</summary>
    public string IdToken(string fhirUser = "Practitioner/sandbox-cdi", string? audience = null, SecurityKey? signingKey = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = FhirBase,
            Audience = audience ?? ClientId,
            Subject = new ClaimsIdentity([new Claim("sub", "user-1"), new Claim("fhirUser", FhirBase + "/" + fhirUser)]),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(signingKey ?? _idTokenKey, SecurityAlgorithms.RsaSha256),
        });

    /// <summary>Stubs the code exchange (grant_type=authorization_code) with a JSON body.</summary>
    public void StubCodeExchange(object body, int status = 200) => StubToken("authorization_code", body, status);

    /// <summary>Stubs refresh (grant_type=refresh_token) with a JSON body.</summary>
    public void StubRefresh(object body, int status = 200) => StubToken("refresh_token", body, status);

    private void StubToken(string grantType, object body, int status) =>
        Server.Given(Request.Create().WithPath("/auth/token").UsingPost().WithBody(new WildcardMatcher($"*grant_type={grantType}*")))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
                .WithHeader("Cache-Control", "no-store").WithBody(JsonSerializer.Serialize(body)));

    /// <summary>
    /// Stubs GET <c>{FhirBase}/{path}</c> (path like "Patient/pat-1" or "Observation"; query ignored unless the stub
    /// adds a matcher). With <paramref name="bearer"/>, only requests carrying that access token match.
    /// </summary>
    public void StubFhir(string path, string json, int status = 200, string? bearer = null)
    {
        var request = Request.Create().WithPath("/fhir/" + path.TrimStart('/')).UsingGet();
        if (bearer is not null)
        {
            request = request.WithHeader("Authorization", "Bearer " + bearer);
        }

        Server.Given(request).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/fhir+json").WithBody(json));
    }

    /// <summary>Requests received whose path starts with <paramref name="prefix"/>.</summary>
    public IReadOnlyList<WireMock.Logging.ILogEntry> Received(string prefix) =>
        Server.LogEntries.Where(e => e.RequestMessage.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
        _idTokenKey.Rsa.Dispose();
    }
}
