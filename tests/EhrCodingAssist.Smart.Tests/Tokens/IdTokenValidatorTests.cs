using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using EhrCodingAssist.Smart.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace EhrCodingAssist.Smart.Tests.Tokens;

public sealed class IdTokenValidatorTests : IDisposable
{
    private const string Issuer = "https://ehr.example.org/fhir";
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly HttpClient _http = new();
    private readonly RsaSecurityKey _serverKey = new(RSA.Create(2048)) { KeyId = "ehr-1" };

    public IdTokenValidatorTests()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_serverKey.Rsa.ExportParameters(false)) { KeyId = "ehr-1" });
        var jwks = JsonSerializer.Serialize(new { keys = new[] { new { kty = "RSA", kid = jwk.Kid, n = jwk.N, e = jwk.E, use = "sig", alg = "RS256" } } });
        _server.Given(Request.Create().WithPath("/jwks").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(jwks));
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _http.Dispose();
    }

    private Uri Jwks => new(_server.Url + "/jwks");

    private IdTokenValidator Validator => new(_http, TimeProvider.System);

    private string IdToken(SecurityKey? key = null, string issuer = Issuer, string audience = "client-1", DateTime? expires = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", "u1"), new Claim("fhirUser", Issuer + "/Practitioner/sandbox-coder")]),
            IssuedAt = DateTime.UtcNow.AddMinutes(-10),
            NotBefore = DateTime.UtcNow.AddMinutes(-10),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key ?? _serverKey, SecurityAlgorithms.RsaSha256),
        });

    [Fact]
    public async Task ValidateAsync_ValidToken_ReturnsFhirUserReference()
    {
        var claims = await Validator.ValidateAsync(IdToken(), Jwks, Issuer, "client-1");

        Assert.Equal("Practitioner/sandbox-coder", claims.FhirUser);
        Assert.Equal("u1", claims.Subject);
    }

    [Fact]
    public async Task ValidateAsync_WrongSignature_Throws()
    {
        var other = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "ehr-1" };

        await Assert.ThrowsAsync<IdTokenValidationException>(() => Validator.ValidateAsync(IdToken(other), Jwks, Issuer, "client-1"));
    }

    [Fact]
    public async Task ValidateAsync_WrongAudience_Throws()
    {
        await Assert.ThrowsAsync<IdTokenValidationException>(() => Validator.ValidateAsync(IdToken(audience: "someone-else"), Jwks, Issuer, "client-1"));
    }

    [Fact]
    public async Task ValidateAsync_WrongIssuer_Throws()
    {
        await Assert.ThrowsAsync<IdTokenValidationException>(() => Validator.ValidateAsync(IdToken(issuer: "https://evil"), Jwks, Issuer, "client-1"));
    }

    [Fact]
    public async Task ValidateAsync_Expired_Throws()
    {
        await Assert.ThrowsAsync<IdTokenValidationException>(() => Validator.ValidateAsync(IdToken(expires: DateTime.UtcNow.AddMinutes(-5)), Jwks, Issuer, "client-1"));
    }

    [Fact]
    public async Task ValidateAsync_UnsignedToken_Throws()
    {
        var unsigned = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer, Audience = "client-1", Expires = DateTime.UtcNow.AddMinutes(5),
        });

        await Assert.ThrowsAsync<IdTokenValidationException>(() => Validator.ValidateAsync(unsigned, Jwks, Issuer, "client-1"));
    }
}
