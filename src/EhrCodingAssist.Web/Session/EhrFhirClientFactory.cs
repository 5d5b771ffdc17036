using Hl7.Fhir.Rest;
using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.Session;

/// <summary>
/// Makes FHIR clients whose handler carries the session's token (see <see cref="BearerTokenHandler"/>) over the pooled
/// EHR handler with its timeouts and retries (<see cref="EhrHttpPipeline"/>); a buffered response is cut at
/// <see cref="EhrHttpOptions.MaxResponseBytes"/>.
/// </summary>
internal sealed class EhrFhirClientFactory(IHttpMessageHandlerFactory handlers, SessionTokenService tokens, IOptions<EhrHttpOptions> options)
    : IEhrFhirClientFactory
{
    /// <summary>Name of the pooled HTTP handler used for EHR calls.</summary>
    public const string HandlerName = "ehr";

    public FhirClient Create(SmartSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var settings = new FhirClientSettings
        {
            PreferredFormat = ResourceFormat.Json,
            VerifyFhirVersion = false,
        };
        return new FhirClient(session.FhirBase, CreateHttpClient(session), settings);
    }

    public HttpClient CreateHttpClient(SmartSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var handler = new BearerTokenHandler(tokens, session) { InnerHandler = handlers.CreateHandler(HandlerName) };
        // The resilience handler bounds each attempt and the whole call; the client itself never times out first.
        return new HttpClient(handler, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = options.Value.MaxResponseBytes,
        };
    }
}
