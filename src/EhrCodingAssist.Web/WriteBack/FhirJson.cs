using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace EhrCodingAssist.Web.WriteBack;

/// <summary>FHIR JSON (System.Text.Json with the Firely converters) for the outbox.</summary>
internal static class FhirJson
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), Options);

    public static T Deserialize<T>(string json)
        where T : Resource =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("Empty FHIR JSON.");
}
