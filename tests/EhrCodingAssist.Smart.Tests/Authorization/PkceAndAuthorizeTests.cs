using EhrCodingAssist.Smart.Authorization;
using Microsoft.AspNetCore.WebUtilities;

namespace EhrCodingAssist.Smart.Tests.Authorization;

public sealed class PkceAndAuthorizeTests
{
    [Fact]
    public void ChallengeS256_Rfc7636AppendixB_MatchesVector()
    {
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.ChallengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    [Fact]
    public void CreateVerifier_TwoCalls_DifferAndHaveRfcLength()
    {
        var a = Pkce.CreateVerifier();
        var b = Pkce.CreateVerifier();

        Assert.NotEqual(a, b);
        Assert.InRange(a.Length, 43, 128);
    }

    [Fact]
    public void ToUri_EhrLaunch_HasEveryParameter()
    {
        var request = new AuthorizeRequest
        {
            AuthorizationEndpoint = new Uri("https://ehr/auth/authorize?tenant=1"),
            ClientId = "app",
            RedirectUri = "http://127.0.0.1:5000/callback",
            Scopes = ["launch", "patient/*.rs"],
            State = "st",
            CodeChallenge = "ch",
            Audience = new Uri("https://ehr/fhir"),
            Launch = "L1",
        };

        var query = QueryHelpers.ParseQuery(request.ToUri().Query);

        Assert.Equal("code", query["response_type"]);
        Assert.Equal("app", query["client_id"]);
        Assert.Equal("http://127.0.0.1:5000/callback", query["redirect_uri"]);
        Assert.Equal("launch patient/*.rs", query["scope"]);
        Assert.Equal("st", query["state"]);
        Assert.Equal("https://ehr/fhir", query["aud"]);
        Assert.Equal("ch", query["code_challenge"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal("L1", query["launch"]);
        Assert.Equal("1", query["tenant"]);
    }

    [Fact]
    public void ToUri_Standalone_HasNoLaunchParameter()
    {
        var request = new AuthorizeRequest
        {
            AuthorizationEndpoint = new Uri("https://ehr/authorize"),
            ClientId = "app", RedirectUri = "https://app/cb", Scopes = ["launch/patient"], State = "s", CodeChallenge = "c",
            Audience = new Uri("https://ehr/fhir"),
        };

        Assert.False(QueryHelpers.ParseQuery(request.ToUri().Query).ContainsKey("launch"));
    }
}
