using System.Security.Cryptography;
using EhrCodingAssist.Smart.Keys;
using EhrCodingAssist.Smart.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EhrCodingAssist.Smart.Tests.Tokens;

public sealed class ClientAssertionFactoryTests
{
    private static readonly Uri TokenUrl = new("https://ehr.example.org/auth/token");

    public static TheoryData<string, string> Keys() => new()
    {
        { "RS384", TestKeys.RsaPem() },
        { "ES384", TestKeys.EcPem(ECCurve.NamedCurves.nistP384) },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Create_Key_SignsSmartAssertion(string alg, string pem)
    {
        var key = ClientSigningKey.FromPem(pem, alg, "kid-" + alg);
        var now = DateTimeOffset.UtcNow;

        var jwt = new ClientAssertionFactory(TimeProvider.System).Create("client-9", TokenUrl, key);

        var token = new JsonWebToken(jwt);
        Assert.Equal(alg, token.Alg);
        Assert.Equal("kid-" + alg, token.Kid);
        Assert.Equal("JWT", token.Typ);
        Assert.Equal("client-9", token.Issuer);
        Assert.Equal("client-9", token.Subject);
        Assert.Equal([TokenUrl.AbsoluteUri], token.Audiences);
        Assert.InRange(token.ValidTo, now.UtcDateTime.AddSeconds(-5), now.UtcDateTime.AddMinutes(5));
        Assert.False(string.IsNullOrEmpty(token.Id));

        var publicKey = new JsonWebKey(System.Text.Json.JsonSerializer.Serialize(key.PublicJwk));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = "client-9", ValidAudience = TokenUrl.AbsoluteUri, IssuerSigningKey = publicKey,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public void Create_TwoAssertions_HaveUniqueJti()
    {
        var key = ClientSigningKey.FromPem(TestKeys.RsaPem(), "RS384", "k");
        var factory = new ClientAssertionFactory(TimeProvider.System);

        var ids = Enumerable.Range(0, 20).Select(_ => new JsonWebToken(factory.Create("c", TokenUrl, key)).Id).ToHashSet();

        Assert.Equal(20, ids.Count);
    }
}
