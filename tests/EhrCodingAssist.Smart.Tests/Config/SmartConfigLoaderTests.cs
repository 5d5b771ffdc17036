using EhrCodingAssist.Smart.Config;

namespace EhrCodingAssist.Smart.Tests.Config;

public sealed class SmartConfigLoaderTests
{
    private const string Valid = """
        {
          "name": "test",
          "issuers": ["https://ehr.example.org/fhir"],
          "client_id": "client-1",
          "client_auth": { "method": "client_secret_basic", "client_secret_env": "TEST_SECRET" },
          "scopes": "launch openid fhirUser patient/*.rs patient/Condition.c",
          "required_scopes": ["patient/Encounter.rs"],
          "redirect_uri": "https://app.example.org/callback",
          "launch_types": ["ehr"]
        }
        """;

    private static string? Env(string name) => name == "TEST_SECRET" ? "s3cret" : null;

    [Fact]
    public void Load_RepositorySmartConfig_LoadsEveryFileAndOnlySandboxIsEnabled()
    {
        var registrations = SmartConfigLoader.Load(Path.Combine(TestKeys.RepoRoot(), "smart-config"), _ => null);

        Assert.Equal(["azure-health-data-services", "epic", "oracle-health", "sandbox", "smarthealthit", "template"], registrations.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["sandbox"], registrations.Where(r => r.Enabled).Select(r => r.Name));
        var sandbox = registrations.Single(r => r.Name == "sandbox");
        Assert.Equal("private_key_jwt", sandbox.ClientAuth.Method);
        Assert.Equal("sandbox-rs384-1", sandbox.ClientAuth.Kid);
        Assert.Equal(["http://127.0.0.1:5100/fhir"], sandbox.Issuers);
    }

    [Fact]
    public void Load_ValidFile_ReadsFields()
    {
        using var dir = new TempDir();
        dir.Write("test.json", Valid);

        var r = Assert.Single(SmartConfigLoader.Load(dir.Path, Env));

        Assert.Equal("client-1", r.ClientId);
        Assert.Equal("cdi", r.DefaultRole);
        Assert.True(r.AllowsLaunchType("ehr"));
        Assert.False(r.AllowsLaunchType("standalone"));
    }

    [Theory]
    [InlineData("\"client_id\": \"client-1\"", "\"client_id\": \"\"", "client_id")]
    [InlineData("\"https://ehr.example.org/fhir\"", "\"http://ehr.example.org/fhir\"", "issuers[0]")]
    [InlineData("patient/Condition.c", "patient/Condition.write", "scopes")]
    [InlineData("\"client_secret_basic\"", "\"client_secret_post\"", "client_auth.method")]
    [InlineData("\"TEST_SECRET\"", "\"UNSET_SECRET\"", "client_auth.client_secret_env")]
    [InlineData("[\"patient/Encounter.rs\"]", "[\"user/Encounter.rs\"]", "required_scopes")]
    [InlineData("[\"ehr\"]", "[\"backend\"]", "launch_types")]
    [InlineData("\"https://app.example.org/callback\"", "\"https://app.example.org/callback#x\"", "redirect_uri")]
    [InlineData("\"name\": \"test\",", "\"name\": \"test\", \"secret\": \"x\",", "secret")]
    public void Load_InvalidField_ThrowsNamingFileAndField(string find, string replace, string field)
    {
        using var dir = new TempDir();
        dir.Write("broken.json", Valid.Replace(find, replace, StringComparison.Ordinal));

        var ex = Assert.Throws<SmartConfigException>(() => SmartConfigLoader.Load(dir.Path, Env));

        Assert.Equal("broken.json", ex.File);
        Assert.Equal(field, ex.Field);
        Assert.StartsWith($"broken.json: {field}: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingRequiredProperty_NamesFile()
    {
        using var dir = new TempDir();
        dir.Write("nope.json", """{ "name": "x" }""");

        var ex = Assert.Throws<SmartConfigException>(() => SmartConfigLoader.Load(dir.Path, Env));

        Assert.Equal("nope.json", ex.File);
        Assert.Contains("client_id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PrivateKeyJwtWithMissingKeyFile_NamesKeyField()
    {
        using var dir = new TempDir();
        dir.Write("k.json", Valid.Replace(
            "{ \"method\": \"client_secret_basic\", \"client_secret_env\": \"TEST_SECRET\" }",
            "{ \"method\": \"private_key_jwt\", \"alg\": \"RS384\", \"kid\": \"k1\", \"private_key_file\": \"keys/none.pem\" }",
            StringComparison.Ordinal));

        var ex = Assert.Throws<SmartConfigException>(() => SmartConfigLoader.Load(dir.Path, Env));

        Assert.Equal("client_auth.private_key_file", ex.Field);
    }

    [Fact]
    public void Load_TwoRegistrationsClaimSameIssuer_Throws()
    {
        using var dir = new TempDir();
        dir.Write("a.json", Valid);
        dir.Write("b.json", Valid.Replace("\"name\": \"test\"", "\"name\": \"other\"", StringComparison.Ordinal)
            .Replace("https://ehr.example.org/fhir", "HTTPS://EHR.example.org/fhir/", StringComparison.Ordinal));

        var ex = Assert.Throws<SmartConfigException>(() => SmartConfigLoader.Load(dir.Path, Env));

        Assert.Equal(("b.json", "issuers"), (ex.File, ex.Field));
    }
}
