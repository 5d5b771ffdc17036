using System.Net;
using EhrCodingAssist.Web.Session;
using EhrCodingAssist.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EhrCodingAssist.Web.Tests.Launch;

public sealed class EhrLaunchTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Launch_EhrLaunch_RedirectsToAuthorizeWithSmartParameters()
    {
        app.Ehr.Reset();

        var launched = await app.LaunchAsync();

        var authorize = launched.AuthorizeRedirect;
        Assert.Equal(app.Ehr.AuthorizeUrl, authorize.GetLeftPart(UriPartial.Path));
        var q = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal("code", q["response_type"]);
        Assert.Equal(AppFactory.ClientId, q["client_id"]);
        Assert.Equal(AppFactory.RedirectUri, q["redirect_uri"]);
        Assert.Equal(app.Ehr.FhirBase, q["aud"]);
        Assert.Equal("launch-1", q["launch"]);
        Assert.Equal("S256", q["code_challenge_method"]);
        Assert.Equal(43, q["code_challenge"].ToString().Length);
        Assert.Equal(AppFactory.Scopes, q["scope"]);
        Assert.True(q["state"].ToString().Length >= 43);
    }

    [Fact]
    public async Task Callback_EhrLaunch_ExchangesCodeWithPkceAndPrivateKeyJwt()
    {
        app.Ehr.Reset();

        var launched = await app.LaunchAsync();

        var tokenCall = Assert.Single(app.Ehr.Received("/auth/token"));
        var form = QueryHelpers.ParseQuery(tokenCall.RequestMessage.Body);
        Assert.Equal("authorization_code", form["grant_type"]);
        Assert.Equal("code-1", form["code"]);
        Assert.Equal(AppFactory.RedirectUri, form["redirect_uri"]);
        var challenge = QueryHelpers.ParseQuery(launched.AuthorizeRedirect.Query)["code_challenge"].ToString();
        Assert.Equal(challenge, EhrCodingAssist.Smart.Authorization.Pkce.ChallengeS256(form["code_verifier"]!));

        // The client assertion verifies against the app's own published JWKS.
        var jwks = new JsonWebKeySet(await launched.Client.GetStringAsync("/.well-known/jwks.json"));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(form["client_assertion"].ToString(), new TokenValidationParameters
        {
            ValidIssuer = AppFactory.ClientId,
            ValidAudience = app.Ehr.TokenUrl,
            IssuerSigningKeys = jwks.GetSigningKeys(),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var assertion = (JsonWebToken)result.SecurityToken;
        Assert.Equal(("RS384", AppFactory.KeyId, "JWT"), (assertion.Alg, assertion.Kid, assertion.Typ));
        Assert.Equal(AppFactory.ClientId, assertion.Subject);
        Assert.True(assertion.ValidTo <= DateTime.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task Callback_EncounterInContext_RedirectsHomeWithSecureSessionCookie()
    {
        app.Ehr.Reset();

        var launched = await app.LaunchAsync();

        Assert.Equal("/", launched.Callback.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(launched.Callback.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=none", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("at-1", setCookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_EhrLaunch_StoresContextServerSide()
    {
        app.Ehr.Reset();

        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder", SmartStyleUrl = app.Ehr.Server.Url + "/style.json" });

        var session = SessionOf(launched);
        Assert.Equal("test", session.Registration);
        Assert.Equal(new Uri(app.Ehr.FhirBase), session.FhirBase);
        Assert.Equal(("pat-1", "enc-1"), (session.PatientId, session.EncounterId));
        Assert.Equal("Practitioner/sandbox-coder", session.FhirUser);
        Assert.Equal(AppRole.Coder, session.Role);
        Assert.True(session.NeedPatientBanner);
        Assert.Equal(app.Ehr.Server.Url + "/style.json", session.SmartStyleUrl?.AbsoluteUri);
        Assert.True(session.Allows("Condition", 'c'));
        Assert.False(session.Allows("Condition", 'd'));
    }

    [Fact]
    public async Task Callback_NoIntent_UsesRegistrationDefaultRole()
    {
        app.Ehr.Reset();

        var launched = await app.LaunchAsync(new LaunchSpec { Intent = null });

        Assert.Equal(AppRole.Cdi, SessionOf(launched).Role);
    }

    [Fact]
    public async Task Callback_NoEncounterInContext_RedirectsToEncounterPicker()
    {
        app.Ehr.Reset();

        var launched = await app.LaunchAsync(new LaunchSpec { Encounter = null });

        Assert.Equal("/encounters", launched.Callback.Headers.Location?.OriginalString);
        Assert.Null(SessionOf(launched).EncounterId);
    }

    [Fact]
    public async Task Launch_StandaloneWithoutLaunchParameter_AuthorizesWithoutLaunch()
    {
        app.Ehr.Reset();

        var launched = await app.LaunchAsync(new LaunchSpec { Launch = null, Encounter = null });

        Assert.False(QueryHelpers.ParseQuery(launched.AuthorizeRedirect.Query).ContainsKey("launch"));
        Assert.Equal("/encounters", launched.Callback.Headers.Location?.OriginalString);
        Assert.Equal("pat-1", SessionOf(launched).PatientId);
    }

    [Fact]
    public async Task Launch_ServerAdvertisesOnlyV1_RequestsV1ScopesOnly()
    {
        app.Ehr.Reset();
        app.Ehr.StubSmartConfiguration(capabilities: ["launch-ehr", "permission-v1"], scopesSupported: ["patient/*.read"]);

        var launched = await app.LaunchAsync(new LaunchSpec { GrantedScope = "launch openid fhirUser patient/*.read patient/Condition.write" });

        var scope = QueryHelpers.ParseQuery(launched.AuthorizeRedirect.Query)["scope"].ToString().Split(' ');
        Assert.Contains("patient/*.read", scope);
        Assert.Contains("patient/Condition.write", scope);
        Assert.DoesNotContain(scope, s => EhrCodingAssist.Smart.Authorization.SmartScopes.IsV2(s));
        Assert.True(SessionOf(launched).Allows("Observation", 'r'));
    }

    [Fact]
    public async Task Jwks_Get_PublishesPublicKeyOnly()
    {
        using var client = app.CreateClient();

        var json = await client.GetStringAsync("/.well-known/jwks.json");

        var set = new JsonWebKeySet(json);
        var key = Assert.Single(set.Keys);
        Assert.Equal((AppFactory.KeyId, "RSA", "RS384"), (key.Kid, key.Kty, key.Alg));
        Assert.False(key.HasPrivateKey);
        Assert.DoesNotContain("\"d\"", json, StringComparison.Ordinal);
    }

    private SmartSession SessionOf(LaunchedSession launched)
    {
        var store = app.Services.GetRequiredService<SmartSessionStore>();
        return store.Get(launched.SessionId)!.Context;
    }
}
