using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Fhir;

/// <summary>
/// One current version as the store hands it out. The resource instance is never mutated after it is stored,
/// so readers may serialise it without holding the store's lock; they must not change it.
/// </summary>
internal sealed record StoredResource(Resource Resource, IReadOnlySet<string> Patients, long Order)
{
    public string Type => Resource.TypeName;

    public string Id => Resource.Id ?? string.Empty;

    public string VersionId => Resource.Meta?.VersionId ?? "1";

    public string ETag => $"W/\"{VersionId}\"";

    public string Key => Type + "/" + Id;
}
