using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EhrCodingAssist.Sandbox.Fhir;
using EhrCodingAssist.Sandbox.Hosting;
using Hl7.Fhir.Model;
using Microsoft.IdentityModel.Tokens;

namespace EhrCodingAssist.Sandbox.Tests;

/// <summary>
/// One real sandbox EHR on a free loopback port (no app), with a test client key pair registered inline as the
/// client's JWKS. Shared by a test class; tests that change data use their own identifiers.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private readonly RSA _clientKey = RSA.Create(2048);

    public SandboxInstance Sandbox { get; private set; } = null!;

    public RsaSecurityKey ClientKey { get; private set; } = null!;

    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false });

    public async Task InitializeAsync()
    {
        ClientKey = new RsaSecurityKey(_clientKey) { KeyId = "test-rs384" };
        Sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            EhrUrl = "http://127.0.0.1:0",
            AppUrl = "http://127.0.0.1:0",
            StartApp = false,
            ConsoleLogging = false,
            ClientJwks = Jwks(ClientKey),
        });
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Sandbox.DisposeAsync();
        _clientKey.Dispose();
    }

    public string Fhir(string relative) => Sandbox.Urls.FhirBase + "/" + relative.TrimStart('/');

    /// <summary>Sends a FHIR request with a full-access token unless another token is given.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relative, Resource? body = null, string? token = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, relative.StartsWith("http", StringComparison.Ordinal) ? relative : Fhir(relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Sandbox.IssueAccessToken());
        if (body is not null)
        {
            request.Content = new StringContent(FhirJson.Serialize(body), Encoding.UTF8, "application/fhir+json");
        }

        configure?.Invoke(request);
        return await Http.SendAsync(request);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) where T : Resource =>
        (T)FhirJson.Parse(await response.Content.ReadAsStringAsync());

    public static string Jwks(params SecurityKey[] keys) => JsonSerializer.Serialize(new
    {
        keys = keys.Select(k => JsonWebKeyConverter.ConvertFromSecurityKey(k)).Select(j => new { kty = j.Kty, kid = j.Kid, n = j.N, e = j.E, alg = "RS384" }),
    });
}
