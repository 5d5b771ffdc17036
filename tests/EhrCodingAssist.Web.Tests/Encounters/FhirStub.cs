using System.Text.Json;
using EhrCodingAssist.Web.Session;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace EhrCodingAssist.Web.Tests.Encounters;

/// <summary>A WireMock FHIR server for snapshot tests: reads, searches and raw files under <c>/fhir</c>.</summary>
internal sealed class FhirStub : IDisposable
{
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public FhirStub(int delayMs = 0)
    {
        Server = WireMockServer.Start();
        DelayMs = delayMs;
        // Any search not stubbed answers an empty searchset, like a server with no matching data.
        Server.Given(Request.Create().UsingGet().WithPath(new RegexMatcher("^/fhir/[A-Za-z]+$")))
            .AtPriority(100)
            .RespondWith(Fhir(new Bundle { Type = Bundle.BundleType.Searchset }));
    }

    public WireMockServer Server { get; }

    /// <summary>Delay of every FHIR answer, to make overlapping (parallel) requests observable.</summary>
    public int DelayMs { get; }

    public Uri Base => new(Server.Url + "/fhir");

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), Json);

    public void Read(Resource resource) =>
        Server.Given(Request.Create().UsingGet().WithPath($"/fhir/{resource.TypeName}/{resource.Id}"))
            .RespondWith(Fhir(resource));

    /// <summary>Answers a search of <paramref name="type"/> whose query has <paramref name="param"/> = <paramref name="value"/>.</summary>
    public void Search(string type, string param, string value, Bundle page, int priority = 10) =>
        Server.Given(Request.Create().UsingGet().WithPath("/fhir/" + type).WithParam(param, value))
            .AtPriority(priority)
            .RespondWith(Fhir(page));

    public void Raw(string path, string contentType, string body) =>
        Server.Given(Request.Create().UsingGet().WithPath(path))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", contentType).WithBody(body));

    public void Status(string path, int status) =>
        Server.Given(Request.Create().UsingGet().WithPath(path)).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(status));

    public static Bundle Page(IEnumerable<Resource> resources, string? next = null)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset };
        foreach (var r in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { Resource = r, FullUrl = $"http://x/fhir/{r.TypeName}/{r.Id}" });
        }

        if (next is not null)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = next });
        }

        return bundle;
    }

    public IReadOnlyList<string> RequestedUrls() =>
        Server.LogEntries.Select(e => e.RequestMessage.Url).ToList();

    public void Dispose() => Server.Stop();

    private IResponseBuilder Fhir(Resource resource)
    {
        var response = Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/fhir+json").WithBody(Serialize(resource));
        return DelayMs > 0 ? response.WithDelay(DelayMs) : response;
    }
}

/// <summary>A client factory with no token handling, for tests that talk to <see cref="FhirStub"/>; counts concurrent calls.</summary>
internal sealed class PlainClientFactory : IEhrFhirClientFactory
{
    private readonly ConcurrencyCounter counter = new();

    /// <summary>The most requests that were in flight at once.</summary>
    public int MaxConcurrent => counter.Max;

    public FhirClient Create(SmartSession session) =>
        new(session.FhirBase, new HttpClient(new ConcurrencyHandler(counter)), new FhirClientSettings { PreferredFormat = ResourceFormat.Json });

    public HttpClient CreateHttpClient(SmartSession session) => new(new ConcurrencyHandler(counter));

    private sealed class ConcurrencyCounter
    {
        private int current;
        private int max;

        public int Max => Volatile.Read(ref max);

        public void Enter()
        {
            var now = Interlocked.Increment(ref current);
            int seen;
            while (now > (seen = Volatile.Read(ref max)) && Interlocked.CompareExchange(ref max, now, seen) != seen)
            {
            }
        }

        public void Leave() => Interlocked.Decrement(ref current);
    }

    private sealed class ConcurrencyHandler(ConcurrencyCounter counter) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Enter();
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                counter.Leave();
            }
        }
    }
}
