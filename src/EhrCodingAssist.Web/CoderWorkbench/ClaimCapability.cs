using EhrCodingAssist.Web.Session;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.Extensions.Caching.Memory;

namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>
/// Whether the EHR accepts Claim create and update in a transaction, from its CapabilityStatement (cached per FHIR
/// base). The query write-back's <c>ServerCapabilities</c> does not carry Claim yet; this should fold into it.
/// </summary>
internal sealed class ClaimCapability(IEhrFhirClientFactory clients, IMemoryCache cache)
{
    public sealed record Support(bool Transaction, bool ClaimCreate, bool ClaimUpdate, bool ConditionCreate);

    public async Task<Support> GetAsync(SmartSession session, CancellationToken ct)
    {
        var key = "claim-capabilities:" + session.FhirBase.AbsoluteUri;
        if (cache.TryGetValue(key, out Support? known) && known is not null)
        {
            return known;
        }

        ct.ThrowIfCancellationRequested();
        var statement = await clients.Create(session).CapabilityStatementAsync().ConfigureAwait(false)
            ?? throw new InvalidOperationException("The EHR returned no CapabilityStatement.");
        var support = From(statement);
        cache.Set(key, support, TimeSpan.FromMinutes(5));
        return support;
    }

    public static Support From(CapabilityStatement statement)
    {
        var rest = statement.Rest.FirstOrDefault(r => r.Mode == CapabilityStatement.RestfulCapabilityMode.Server);
        if (rest is null)
        {
            return new Support(false, false, false, false);
        }

        bool Has(string type, CapabilityStatement.TypeRestfulInteraction interaction) =>
            rest.Resource.Any(r => r.Type == type && r.Interaction.Any(i => i.Code == interaction));
        return new Support(
            rest.Interaction.Any(i => i.Code == CapabilityStatement.SystemRestfulInteraction.Transaction),
            Has("Claim", CapabilityStatement.TypeRestfulInteraction.Create),
            Has("Claim", CapabilityStatement.TypeRestfulInteraction.Update),
            Has("Condition", CapabilityStatement.TypeRestfulInteraction.Create));
    }
}
