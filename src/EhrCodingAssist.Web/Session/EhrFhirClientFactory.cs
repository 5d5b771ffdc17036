using Hl7.Fhir.Rest;

namespace EhrCodingAssist.Web.Session;

/// <summary>Makes FHIR clients whose handler carries the session's token (see <see cref="BearerTokenHandler"/>).</summary>
internal sealed class EhrFhirClientFactory(IHttpMessageHandlerFactory handlers, SessionTokenService tokens) : IEhrFhirClientFactory
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
        return new HttpClient(handler, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(60) };
    }
}
