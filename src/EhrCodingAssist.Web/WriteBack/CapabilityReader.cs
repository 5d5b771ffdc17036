using Hl7.Fhir.Rest;
using EhrCodingAssist.Web.Session;
using Microsoft.Extensions.Caching.Memory;

namespace EhrCodingAssist.Web.WriteBack;

/// <summary>Reads (and caches for a few minutes per FHIR base) the EHR's CapabilityStatement.</summary>
internal sealed class CapabilityReader(IEhrFhirClientFactory clients, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<ServerCapabilities> GetAsync(SmartSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var key = "capabilities:" + session.FhirBase.AbsoluteUri;
        if (cache.TryGetValue(key, out ServerCapabilities? known) && known is not null)
        {
            return known;
        }

        ct.ThrowIfCancellationRequested();
        var statement = await clients.Create(session).CapabilityStatementAsync().ConfigureAwait(false)
            ?? throw new InvalidOperationException("The EHR returned no CapabilityStatement.");
        var capabilities = ServerCapabilities.From(statement);
        cache.Set(key, capabilities, Lifetime);
        return capabilities;
    }
}
