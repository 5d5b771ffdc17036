using System.Security.Cryptography;
using System.Text.Json;
using EhrCodingAssist.Smart.Config;
using EhrCodingAssist.Smart.Keys;

namespace EhrCodingAssist.Smart.Tests.Keys;

public sealed class ClientSigningKeyTests
{
    [Fact]
    public void FromPem_Rsa_PublishesPublicPartsOnly()
    {
        var key = ClientSigningKey.FromPem(TestKeys.RsaPem(), "RS384", "k1");

        var json = JsonSerializer.Serialize(key.PublicJwk);

        Assert.Contains("\"kty\":\"RSA\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kid\":\"k1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"alg\":\"RS384\"", json, StringComparison.Ordinal);
        foreach (var privateMember in new[] { "\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"" })
        {
            Assert.DoesNotContain(privateMember, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FromPem_EcP384_PublishesCurveAndCoordinates()
    {
        var key = ClientSigningKey.FromPem(TestKeys.EcPem(ECCurve.NamedCurves.nistP384), "ES384", "e1");

        Assert.Equal(("EC", "P-384"), (key.PublicJwk.Kty, key.PublicJwk.Crv));
        Assert.NotNull(key.PublicJwk.X);
        Assert.DoesNotContain("\"d\"", JsonSerializer.Serialize(key.PublicJwk), StringComparison.Ordinal);
    }

    [Fact]
    public void FromPem_EcWrongCurve_Throws()
    {
        Assert.Throws<CryptographicException>(() => ClientSigningKey.FromPem(TestKeys.EcPem(ECCurve.NamedCurves.nistP256), "ES384", "e1"));
    }

    [Fact]
    public void FromPem_SmallRsa_Throws()
    {
        Assert.Throws<CryptographicException>(() => ClientSigningKey.FromPem(TestKeys.RsaPem(1024), "RS384", "k"));
    }

    [Fact]
    public void ClientKeyRing_RepositorySandboxKey_LoadsMarkedSandboxKey()
    {
        var dir = Path.Combine(TestKeys.RepoRoot(), "smart-config");
        Assert.StartsWith("# SANDBOX-ONLY", File.ReadAllText(Path.Combine(dir, "keys", "sandbox-rs384.private.pem")), StringComparison.Ordinal);

        var ring = new ClientKeyRing(SmartConfigLoader.Load(dir, _ => null), _ => null);

        var jwk = Assert.Single(ring.PublicKeys);
        Assert.Equal(("sandbox-rs384-1", "RS384"), (jwk.Kid, jwk.Alg));
        Assert.NotNull(ring.For("sandbox"));
    }
}
