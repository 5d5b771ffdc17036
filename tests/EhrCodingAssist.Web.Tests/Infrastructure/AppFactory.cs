// How to use (pages, queries, BFF tests):
//
//   public sealed class MyPageTests(AppFactory app) : IClassFixture<AppFactory>
//   {
//       [Fact]
//       public async Task Index_Launched_ShowsBanner()
//       {
//           app.Ehr.Reset();                                             // stubs smart-configuration, authorize, jwks
//           app.Ehr.StubFhir("Encounter/enc-1", encounterJson);          // stub what your page reads
//           var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder" });
//           var page = await launched.Client.GetAsync("/");              // carries the session cookie
//           ...
//       }
//   }
//
// AppFactory hosts the real app (AppHost) with smart-config pointing at one registration ("test") whose issuer is
// the WireMock EHR (app.Ehr.FhirBase). LaunchAsync performs /launch → authorize → /callback (EHR launch by default;
// LaunchSpec.Launch = null for standalone; Encounter = null for the encounter picker) and returns an HttpClient with
// the session cookie (AllowAutoRedirect is off: follow redirects yourself). Extra app settings: add to Settings before
// the first CreateClient, or subclass and override ConfigureWebHost. Tests in one class share the factory and its
// WireMock server, so call app.Ehr.Reset() at the start of each test that stubs.
using System.Net;
using EhrCodingAssist.Web.Session;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EhrCodingAssist.Web.Tests.Infrastructure;

/// <summary>The app under test, registered with a WireMock EHR. See the comment at the top of this file.</summary>
public class AppFactory : WebApplicationFactory<Program>
{
    /// <summary>The client id of the test registration.</summary>
    public const string ClientId = "ehrca-test";

    /// <summary>The registration's key id.</summary>
    public const string KeyId = "test-rs384-1";

    /// <summary>Scopes the test registration requests (v2).</summary>
    public const string Scopes = "launch launch/patient openid fhirUser offline_access patient/*.rs user/*.rs patient/Condition.c patient/Claim.c";

    private readonly string _configDir = Directory.CreateTempSubdirectory("ehrca-web-tests-").FullName;

    public AppFactory()
    {
        Ehr = new WireMockEhr();
        ClientOptions.BaseAddress = new Uri("https://localhost");
        ClientOptions.AllowAutoRedirect = false;
        WriteSmartConfig();
    }

    /// <summary>The EHR (authorization server + FHIR server).</summary>
    public WireMockEhr Ehr { get; }

    /// <summary>The temporary smart-config folder (one file, test.json, plus its key).</summary>
    public string ConfigDirectory => _configDir;

    /// <summary>Extra configuration settings applied to the app (set before the first client is created).</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>The redirect URI registered for the test client.</summary>
    public static string RedirectUri => "https://localhost/callback";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Smart:ConfigDirectory", _configDir);

        // Tests re-stub the EHR's smart-configuration between launches on one app: no caching unless a test asks for it
        // (the EHR's stubs send no caching headers). See Launch/MetadataCacheTests.
        builder.UseSetting("Smart:MetadataCache:DefaultTtl", "00:00:00");
        // Retried EHR reads wait a few milliseconds, not the production back-off.
        builder.UseSetting("Ehr:Http:RetryDelay", "00:00:00.010");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client with its own cookie jar (so tests can read the session cookie) that does not follow redirects.</summary>
    public (HttpClient Client, CookieContainer Cookies) CreateClientWithCookies()
    {
        var cookies = new CookieContainer();
        var client = CreateDefaultClient(new Uri("https://localhost"), new CookieHandler(cookies));
        return (client, cookies);
    }

    /// <summary>Runs a full launch against the WireMock EHR; see <see cref="LaunchSpec"/>.</summary>
    public Task<LaunchedSession> LaunchAsync(LaunchSpec? spec = null) => LaunchHelper.LaunchAsync(this, spec ?? new LaunchSpec());

    /// <summary>The server-side session id in a cookie jar, if any.</summary>
    public string? SessionId(CookieContainer cookies)
    {
        ArgumentNullException.ThrowIfNull(cookies);
        var options = Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SmartSessionOptions>>().Value;
        return cookies.GetCookies(new Uri("https://localhost/"))[options.CookieName]?.Value;
    }

    private void WriteSmartConfig()
    {
        Directory.CreateDirectory(Path.Combine(_configDir, "keys"));
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        {
            File.WriteAllText(Path.Combine(_configDir, "keys", "test.pem"), rsa.ExportPkcs8PrivateKeyPem());
        }

        var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["name"] = "test",
            ["issuers"] = new[] { Ehr.FhirBase },
            ["client_id"] = ClientId,
            ["client_auth"] = new Dictionary<string, string>
            {
                ["method"] = "private_key_jwt", ["alg"] = "RS384", ["kid"] = KeyId, ["private_key_file"] = "keys/test.pem",
            },
            ["scopes"] = Scopes,
            ["required_scopes"] = new[] { "patient/Encounter.rs" },
            ["redirect_uri"] = RedirectUri,
            ["launch_types"] = new[] { "ehr", "standalone" },
            ["default_role"] = "cdi",
        });
        File.WriteAllText(Path.Combine(_configDir, "test.json"), json);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Ehr.Dispose();
            try
            {
                Directory.Delete(_configDir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }

    /// <summary>Cookie handling over a caller-owned container.</summary>
    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Remove("Cookie");
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var value in setCookies)
                {
                    cookies.SetCookies(request.RequestUri!, value);
                }
            }

            return response;
        }
    }
}
