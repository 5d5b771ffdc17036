using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace EhrCodingAssist.Sandbox.Fhir;

/// <summary>FHIR JSON in and out through the Firely SDK's System.Text.Json converters.</summary>
internal static class FhirJson
{
    /// <summary>Strict parsing for request bodies: a body the SDK cannot read is a 400.</summary>
    public static readonly JsonSerializerOptions Strict = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <summary>Lenient parsing for seed bundles from elsewhere (e.g. Synthea), which are not always perfectly valid.</summary>
    public static readonly JsonSerializerOptions Lenient =
        new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).UsingMode(DeserializationMode.Recoverable);

    public const string ContentType = "application/fhir+json; charset=utf-8";

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, Strict);

    public static byte[] SerializeToUtf8(Resource resource) => JsonSerializer.SerializeToUtf8Bytes(resource, Strict);

    /// <summary>Parses a resource; throws <see cref="FhirParseException"/> with the SDK's reasons on failure.</summary>
    public static Resource Parse(string json, bool lenient = false)
    {
        try
        {
            return JsonSerializer.Deserialize<Resource>(json, lenient ? Lenient : Strict)
                ?? throw new FhirParseException("The body is empty.");
        }
        catch (DeserializationFailedException ex)
        {
            if (lenient && ex.PartialResult is Resource partial)
            {
                return partial;
            }

            throw new FhirParseException(ex.Message);
        }
        catch (JsonException ex)
        {
            throw new FhirParseException(ex.Message);
        }
    }
}

/// <summary>A request body that is not a readable FHIR resource.</summary>
internal sealed class FhirParseException(string message) : Exception(message);
