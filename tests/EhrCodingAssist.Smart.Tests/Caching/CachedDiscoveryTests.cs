using EhrCodingAssist.Smart.Caching;
using EhrCodingAssist.Smart.Discovery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace EhrCodingAssist.Smart.Tests.Caching;

public sealed class CachedDiscoveryTests : IDisposable
{
    private const string Config = """
        {"issuer":"https://ehr/issuer","jwks_uri":"https://ehr/jwks","authorization_endpoint":"https://ehr/authorize",
         "token_endpoint":"https://ehr/token","code_challenge_methods_supported":["S256"]}
        """;

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly HttpClient _http = new();
    private readonly MemoryCache _memory = new(new MemoryCacheOptions());
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    private Uri FhirBase => new(_server.Url + "/fhir");

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _http.Dispose();
        _memory.Dispose();
    }

    private SmartDiscoveryClient Client(SmartMetadataCacheOptions? options = null) =>
        new(_http, new SmartMetadataCache(_memory, _time, options ?? new SmartMetadataCacheOptions()));

    private void WellKnown(string json = Config, int status = 200, (string Name, string Value)? header = null, TimeSpan? delay = null, string path = "/fhir")
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json);
        if (header is { } h)
        {
            response = response.WithHeader(h.Name, h.Value);
        }

        if (delay is { } d)
        {
            response = response.WithDelay(d);
        }

        _server.Given(Request.Create().WithPath(path + "/.well-known/smart-configuration").UsingGet()).RespondWith(response);
    }

    private int Requests(string path = "/fhir/.well-known/smart-configuration") =>
        _server.LogEntries.Count(e => e.RequestMessage.Path == path);

    [Fact]
    public async Task Discover_Twice_SendsOneRequest()
    {
        WellKnown();
        var client = Client();

        var first = await client.DiscoverAsync(FhirBase);
        var second = await client.DiscoverAsync(new Uri(_server.Url + "/fhir/"));

        Assert.Equal(1, Requests());
        Assert.Equal(first, second);
        Assert.Equal("https://ehr/token", second.TokenEndpoint);
    }

    [Fact]
    public async Task Discover_TwoIssuers_CachedSeparately()
    {
        WellKnown();
        WellKnown(Config.Replace("https://ehr/token", "https://ehr2/token", StringComparison.Ordinal), path: "/fhir2");
        var client = Client();

        var one = await client.DiscoverAsync(FhirBase);
        var two = await client.DiscoverAsync(new Uri(_server.Url + "/fhir2"));
        await client.DiscoverAsync(FhirBase);
        await client.DiscoverAsync(new Uri(_server.Url + "/fhir2"));

        Assert.Equal("https://ehr/token", one.TokenEndpoint);
        Assert.Equal("https://ehr2/token", two.TokenEndpoint);
        Assert.Equal(1, Requests());
        Assert.Equal(1, Requests("/fhir2/.well-known/smart-configuration"));
    }

    [Fact]
    public async Task Discover_MaxAge_ReusedUntilItExpires()
    {
        WellKnown(header: ("Cache-Control", "public, max-age=300"));
        var client = Client();

        await client.DiscoverAsync(FhirBase);
        _time.Advance(TimeSpan.FromSeconds(299));
        await client.DiscoverAsync(FhirBase);
        Assert.Equal(1, Requests());

        _time.Advance(TimeSpan.FromSeconds(2));
        await client.DiscoverAsync(FhirBase);
        await client.DiscoverAsync(FhirBase);
        Assert.Equal(2, Requests());
    }

    [Fact]
    public async Task Discover_MaxAgeBeyondMaximum_CappedAtMaxTtl()
    {
        WellKnown(header: ("Cache-Control", "max-age=604800"));
        var client = Client(new SmartMetadataCacheOptions { MaxTtl = TimeSpan.FromHours(1) });

        await client.DiscoverAsync(FhirBase);
        _time.Advance(TimeSpan.FromMinutes(59));
        await client.DiscoverAsync(FhirBase);
        Assert.Equal(1, Requests());

        _time.Advance(TimeSpan.FromMinutes(2));
        await client.DiscoverAsync(FhirBase);
        Assert.Equal(2, Requests());
    }

    [Fact]
    public async Task Discover_Expires_ReusedUntilThatTime()
    {
        WellKnown(header: ("Expires", DateTimeOffset.UtcNow.AddMinutes(10).ToString("R")));
        var client = Client();

        await client.DiscoverAsync(FhirBase);
        _time.Advance(TimeSpan.FromMinutes(9));
        await client.DiscoverAsync(FhirBase);
        Assert.Equal(1, Requests());

        _time.Advance(TimeSpan.FromMinutes(2));
        await client.DiscoverAsync(FhirBase);
        Assert.Equal(2, Requests());
    }

    [Fact]
    public async Task Discover_NoHeaders_UsesDefaultTtl()
    {
        WellKnown();
        var client = Client(new SmartMetadataCacheOptions { DefaultTtl = TimeSpan.FromMinutes(30) });

        await client.DiscoverAsync(FhirBase);
        _time.Advance(TimeSpan.FromMinutes(29));
        await client.DiscoverAsync(FhirBase);
        Assert.Equal(1, Requests());

        _time.Advance(TimeSpan.FromMinutes(2));
        await client.DiscoverAsync(FhirBase);
        Assert.Equal(2, Requests());
    }

    [Theory]
    [InlineData("Cache-Control", "no-store")]
    [InlineData("Cache-Control", "no-cache")]
    [InlineData("Cache-Control", "max-age=0")]
    [InlineData("Expires", "0")]
    [InlineData("Pragma", "no-cache")]
    public async Task Discover_ResponseForbidsReuse_FetchesEveryTime(string header, string value)
    {
        WellKnown(header: (header, value));
        var client = Client();

        await client.DiscoverAsync(FhirBase);
        await client.DiscoverAsync(FhirBase);
        await client.DiscoverAsync(FhirBase);

        Assert.Equal(3, Requests());
    }

    [Fact]
    public async Task Discover_DefaultTtlZero_DoesNotCache()
    {
        WellKnown();
        var client = Client(new SmartMetadataCacheOptions { DefaultTtl = TimeSpan.Zero });

        await client.DiscoverAsync(FhirBase);
        await client.DiscoverAsync(FhirBase);

        Assert.Equal(2, Requests());
    }

    [Fact]
    public async Task Discover_Unreachable_NotCachedAndRetriedNextTime()
    {
        WellKnown(status: 503);
        var client = Client();

        var ex = await Assert.ThrowsAsync<SmartDiscoveryException>(() => client.DiscoverAsync(FhirBase));
        Assert.Equal(DiscoveryFailure.Unreachable, ex.Failure);

        _server.Reset();
        WellKnown();
        var config = await client.DiscoverAsync(FhirBase);
        await client.DiscoverAsync(FhirBase);

        Assert.Equal("https://ehr/authorize", config.AuthorizationEndpoint);
        Assert.Equal(1, Requests());
    }

    [Fact]
    public async Task Discover_MissingS256_NotCached()
    {
        WellKnown(Config.Replace("\"S256\"", "\"plain\"", StringComparison.Ordinal));
        var client = Client();
        await Assert.ThrowsAsync<SmartDiscoveryException>(() => client.DiscoverAsync(FhirBase));

        _server.Reset();
        WellKnown();
        var config = await client.DiscoverAsync(FhirBase);

        Assert.Contains("S256", config.CodeChallengeMethodsSupported!);
        Assert.Equal(1, Requests());
    }

    [Fact]
    public async Task Discover_ConcurrentFirstLaunches_ShareOneRequest()
    {
        WellKnown(delay: TimeSpan.FromMilliseconds(300));
        var client = Client();

        var all = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => client.DiscoverAsync(FhirBase))));

        Assert.Equal(1, Requests());
        Assert.All(all, c => Assert.Equal("https://ehr/token", c.TokenEndpoint));
    }

    [Fact]
    public async Task Discover_ConcurrentFailure_AllCallersSeeItAndNextCallRetries()
    {
        WellKnown(status: 500, delay: TimeSpan.FromMilliseconds(300));
        var client = Client();

        var calls = Enumerable.Range(0, 5).Select(_ => Task.Run(() => client.DiscoverAsync(FhirBase))).ToList();
        foreach (var call in calls)
        {
            await Assert.ThrowsAsync<SmartDiscoveryException>(() => call);
        }

        _server.Reset();
        WellKnown();
        await client.DiscoverAsync(FhirBase);
        Assert.Equal(1, Requests());
    }

    [Fact]
    public async Task Discover_OneWaiterCancelled_OthersStillGetTheSharedResult()
    {
        WellKnown(delay: TimeSpan.FromSeconds(2));
        var client = Client();
        using var cts = new CancellationTokenSource();

        var cancelled = client.DiscoverAsync(FhirBase, cts.Token);
        var other = client.DiscoverAsync(FhirBase);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal("https://ehr/token", (await other).TokenEndpoint);
        await client.DiscoverAsync(FhirBase);
        Assert.Equal(1, Requests());
    }

    [Fact]
    public async Task Discover_CapabilityStatementFallback_HonoursItsHeaders()
    {
        _server.Given(Request.Create().WithPath("/fhir/metadata").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithHeader("Cache-Control", "max-age=60").WithBody("""
                {"resourceType":"CapabilityStatement","rest":[{"security":{"extension":[{"url":"http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
                 "extension":[{"url":"authorize","valueUri":"https://ehr/a"},{"url":"token","valueUri":"https://ehr/t"}]}]}}]}
                """));
        var client = Client();

        var config = await client.DiscoverAsync(FhirBase);
        await client.DiscoverAsync(FhirBase);
        Assert.True(config.FromCapabilityStatement);
        Assert.Equal(1, Requests("/fhir/metadata"));

        _time.Advance(TimeSpan.FromSeconds(61));
        await client.DiscoverAsync(FhirBase);
        Assert.Equal(2, Requests("/fhir/metadata"));
    }

    [Fact]
    public async Task Discover_WithoutCache_FetchesEveryTime()
    {
        WellKnown();
        var client = new SmartDiscoveryClient(_http);

        await client.DiscoverAsync(FhirBase);
        await client.DiscoverAsync(FhirBase);

        Assert.Equal(2, Requests());
    }
}
