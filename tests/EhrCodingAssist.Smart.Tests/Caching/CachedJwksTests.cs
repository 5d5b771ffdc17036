using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using EhrCodingAssist.Smart.Caching;
using EhrCodingAssist.Smart.Tokens;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace EhrCodingAssist.Smart.Tests.Caching;

public sealed class CachedJwksTests : IDisposable
{
    private const string Issuer = "https://ehr.example.org/fhir";
    private const string ClientId = "client-1";
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly HttpClient _http = new();
    private readonly MemoryCache _memory = new(new MemoryCacheOptions());
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly RsaSecurityKey _key1 = new(RSA.Create(2048)) { KeyId = "ehr-1" };
    private readonly RsaSecurityKey _key2 = new(RSA.Create(2048)) { KeyId = "ehr-2" };

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _http.Dispose();
        _memory.Dispose();
        _key1.Rsa.Dispose();
        _key2.Rsa.Dispose();
    }

    private Uri Jwks => new(_server.Url + "/jwks");

    private int Requests => _server.LogEntries.Count(e => e.RequestMessage.Path == "/jwks");

    private IdTokenValidator Validator(SmartMetadataCacheOptions? options = null) =>
        new(_http, _time, new SmartMetadataCache(_memory, _time, options ?? new SmartMetadataCacheOptions()));

    private void PublishKeys(int status = 200, string? cacheControl = null, params RsaSecurityKey[] keys)
    {
        _server.Reset();
        var jwks = JsonSerializer.Serialize(new
        {
            keys = keys.Select(k =>
            {
                var p = k.Rsa.ExportParameters(false);
                return new { kty = "RSA", kid = k.KeyId, use = "sig", alg = "RS256", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) };
            }),
        });
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(jwks);
        if (cacheControl is not null)
        {
            response = response.WithHeader("Cache-Control", cacheControl);
        }

        _server.Given(Request.Create().WithPath("/jwks").UsingGet()).RespondWith(response);
    }

    private string IdToken(SecurityKey key)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            Subject = new ClaimsIdentity([new Claim("sub", "u1")]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static RsaSecurityKey Bogus() => new(RSA.Create(2048)) { KeyId = "bogus-" + Guid.NewGuid().ToString("N") };

    [Fact]
    public async Task Validate_Twice_FetchesJwksOnce()
    {
        PublishKeys(keys: _key1);
        var validator = Validator();

        await validator.ValidateAsync(IdToken(_key1), Jwks, Issuer, ClientId);
        var claims = await validator.ValidateAsync(IdToken(_key1), Jwks, Issuer, ClientId);

        Assert.Equal("u1", claims.Subject);
        Assert.Equal(1, Requests);
    }

    [Fact]
    public async Task Validate_MaxAgeExpired_RefetchesJwks()
    {
        PublishKeys(cacheControl: "max-age=600", keys: _key1);
        var validator = Validator();

        await validator.ValidateAsync(IdToken(_key1), Jwks, Issuer, ClientId);
        _time.Advance(TimeSpan.FromMinutes(9));
        await validator.ValidateAsync(IdToken(_key1), Jwks, Issuer, ClientId);
        Assert.Equal(1, Requests);

        _time.Advance(TimeSpan.FromMinutes(2));
        await validator.ValidateAsync(IdToken(_key1), Jwks, Issuer, ClientId);
        Assert.Equal(2, Requests);
    }

    [Fact]
    public async Task Validate_KeyRotated_RefetchesOnceAndAccepts()
    {
        PublishKeys(keys: _key1);
        var validator = Validator();
        await validator.ValidateAsync(IdToken(_key1), Jwks, Issuer, ClientId);

        _time.Advance(TimeSpan.FromMinutes(5));
        PublishKeys(keys: [_key1, _key2]);
        var claims = await validator.ValidateAsync(IdToken(_key2), Jwks, Issuer, ClientId);
        await validator.ValidateAsync(IdToken(_key2), Jwks, Issuer, ClientId);
        await validator.ValidateAsync(IdToken(_key1), Jwks, Issuer, ClientId);

        Assert.Equal("u1", claims.Subject);
        Assert.Equal(1, Requests); // PublishKeys reset the log: one re-fetch since the rotation
    }

    [Fact]
    public async Task Validate_BogusKids_RefetchAtMostOncePerMinimumInterval()
    {
        PublishKeys(keys: _key1);
        var validator = Validator(new SmartMetadataCacheOptions { JwksMinRefreshInterval = TimeSpan.FromMinutes(1) });
        await validator.ValidateAsync(IdToken(_key1), Jwks, Issuer, ClientId);
        _time.Advance(TimeSpan.FromMinutes(5));

        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<IdTokenValidationException>(() => validator.ValidateAsync(IdToken(Bogus()), Jwks, Issuer, ClientId));
        }

        Assert.Equal(2, Requests);
        _time.Advance(TimeSpan.FromSeconds(59));
        await Assert.ThrowsAsync<IdTokenValidationException>(() => validator.ValidateAsync(IdToken(Bogus()), Jwks, Issuer, ClientId));
        Assert.Equal(2, Requests);

        _time.Advance(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<IdTokenValidationException>(() => validator.ValidateAsync(IdToken(Bogus()), Jwks, Issuer, ClientId));
        Assert.Equal(3, Requests);

        // The real key still validates from the cache throughout.
        await validator.ValidateAsync(IdToken(_key1), Jwks, Issuer, ClientId);
        Assert.Equal(3, Requests);
    }

    [Fact]
    public async Task Validate_ConcurrentBogusKids_ShareOneRefetch()
    {
        PublishKeys(keys: _key1);
        var validator = Validator();
        await validator.ValidateAsync(IdToken(_key1), Jwks, Issuer, ClientId);
        _time.Advance(TimeSpan.FromMinutes(5));

        var tokens = Enumerable.Range(0, 10).Select(_ => IdToken(Bogus())).ToList();
        var calls = tokens.Select(t => Task.Run(() => validator.ValidateAsync(t, Jwks, Issuer, ClientId))).ToList();
        foreach (var call in calls)
        {
            await Assert.ThrowsAsync<IdTokenValidationException>(() => call);
        }

        Assert.Equal(2, Requests);
    }

    [Fact]
    public async Task Validate_UnknownKidOnFirstFetch_DoesNotFetchAgain()
    {
        PublishKeys(keys: _key1);
        var validator = Validator();

        await Assert.ThrowsAsync<IdTokenValidationException>(() => validator.ValidateAsync(IdToken(Bogus()), Jwks, Issuer, ClientId));

        Assert.Equal(1, Requests);
    }

    [Fact]
    public async Task Validate_NoStoreJwks_FetchedPerTokenButNeverTwicePerToken()
    {
        PublishKeys(cacheControl: "no-store", keys: _key1);
        var validator = Validator();

        await validator.ValidateAsync(IdToken(_key1), Jwks, Issuer, ClientId);
        await validator.ValidateAsync(IdToken(_key1), Jwks, Issuer, ClientId);
        Assert.Equal(2, Requests);

        await Assert.ThrowsAsync<IdTokenValidationException>(() => validator.ValidateAsync(IdToken(Bogus()), Jwks, Issuer, ClientId));
        Assert.Equal(3, Requests);
    }

    [Fact]
    public async Task Validate_JwksUnavailable_NotCachedAndRetried()
    {
        PublishKeys(status: 503, keys: _key1);
        var validator = Validator();
        await Assert.ThrowsAsync<IdTokenValidationException>(() => validator.ValidateAsync(IdToken(_key1), Jwks, Issuer, ClientId));

        PublishKeys(keys: _key1);
        var claims = await validator.ValidateAsync(IdToken(_key1), Jwks, Issuer, ClientId);

        Assert.Equal("u1", claims.Subject);
        Assert.Equal(1, Requests);
    }

    [Fact]
    public async Task Validate_WrongSignatureWithKnownKid_StillRejectedFromCache()
    {
        PublishKeys(keys: _key1);
        var validator = Validator();
        await validator.ValidateAsync(IdToken(_key1), Jwks, Issuer, ClientId);
        using var forged = RSA.Create(2048);

        await Assert.ThrowsAsync<IdTokenValidationException>(() =>
            validator.ValidateAsync(IdToken(new RsaSecurityKey(forged) { KeyId = "ehr-1" }), Jwks, Issuer, ClientId));
        Assert.Equal(1, Requests);
    }
}
