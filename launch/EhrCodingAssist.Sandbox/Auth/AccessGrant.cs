using EhrCodingAssist.Sandbox.Fhir;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Auth;

/// <summary>What one access token may do on the FHIR endpoint: its scopes and its launch patient.</summary>
internal sealed class AccessGrant(ScopeSet scopes, string? patientId)
{
    /// <summary>Everything, everywhere (seed loading, in-process tools).</summary>
    public static AccessGrant Full { get; } = new(new ScopeSet(["system/*.cruds"]), null);

    public ScopeSet Scopes { get; } = scopes;

    public string? PatientId { get; } = patientId;

    /// <summary>
    /// Throws 403 unless a scope covers the interaction; returns the patient the caller is confined to (null
    /// when unconfined). A patient/ scope without a launch patient confines to nothing and is refused.
    /// </summary>
    public string? Demand(string type, char interaction)
    {
        switch (Scopes.Reach(type, interaction))
        {
            case ScopeReach.Any:
                return null;
            case ScopeReach.Patient when PatientId is not null:
                return PatientId;
            default:
                throw FhirError.Forbidden($"No granted scope allows '{interaction}' on {type} (for example patient/{type}.{interaction}).");
        }
    }

    /// <summary>Demand plus the compartment check on one stored or incoming resource.</summary>
    public void DemandResource(Resource resource, char interaction, string fhirBase)
    {
        var confinedTo = Demand(resource.TypeName, interaction);
        if (confinedTo is null)
        {
            return;
        }

        var patients = References.PatientCompartment(resource, fhirBase);
        if (patients.Count > 0 && !patients.All(p => p == confinedTo))
        {
            throw FhirError.Forbidden($"{resource.TypeName} is outside the launch patient's compartment.");
        }
    }
}
