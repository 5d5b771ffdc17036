using System.Net;
using System.Text;
using EhrCodingAssist.Web.Session;
using Hl7.Fhir.Rest;

namespace EhrCodingAssist.Web.Tests.Faults;

/// <summary>
/// An EHR played in-process by a function of the request, for bodies WireMock cannot serve: endless streams and paging
/// chains that never repeat. Counts the requests it answered.
/// </summary>
internal sealed class ScriptedEhr(Func<HttpRequestMessage, HttpResponseMessage> answer) : IEhrFhirClientFactory
{
    private int _requests;

    private HttpResponseMessage Answer(HttpRequestMessage request) => answer(request);

    public static Uri Base { get; } = new("https://ehr.test/fhir");

    public int Requests => Volatile.Read(ref _requests);

    public FhirClient Create(SmartSession session) => new(session.FhirBase, CreateHttpClient(session), new FhirClientSettings { PreferredFormat = ResourceFormat.Json });

    public HttpClient CreateHttpClient(SmartSession session) => new(new Handler(this));

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/fhir+json") };

    public static HttpResponseMessage Stream(Stream body) =>
        new(HttpStatusCode.OK) { Content = new StreamContent(body) { Headers = { { "Content-Type", "application/fhir+json" } } } };

    private sealed class Handler(ScriptedEhr ehr) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref ehr._requests);
            return Task.FromResult(ehr.Answer(request));
        }
    }
}

/// <summary>
/// A searchset that never ends: the opening, then Observation entries o1, o2, … forever (no closing bracket), generated
/// as they are read, so the whole would never fit in memory. Counts the bytes handed out.
/// </summary>
internal sealed class EndlessBundleStream : Stream
{
    private byte[] _current = Encoding.UTF8.GetBytes("""{"resourceType":"Bundle","type":"searchset","entry":[""");
    private int _offset;
    private int _entries;
    private long _position;

    public long BytesRead => _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (_offset == _current.Length)
            {
                _entries++;
                _current = Encoding.UTF8.GetBytes((_entries > 1 ? "," : string.Empty)
                    + "{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"o" + _entries
                    + "\",\"status\":\"final\",\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/p1\"}}}");
                _offset = 0;
            }

            buffer[offset + i] = _current[_offset++];
            _position++;
        }

        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
