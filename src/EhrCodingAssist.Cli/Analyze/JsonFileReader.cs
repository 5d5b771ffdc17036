using System.Text.Json;
using EhrCodingAssist.Clinical.Ingest;
using EhrCodingAssist.Clinical.Snapshot;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace EhrCodingAssist.Cli.Analyze;

/// <summary>Reads one JSON file: a Bundle (collection, transaction, searchset …) or a single resource.</summary>
internal static class JsonFileReader
{
    /// <summary>
    /// The file's snapshots. A file found in a folder whose top-level object has no resourceType (e.g. a test
    /// expectation beside the bundles) is skipped with a note on stderr; named explicitly, it is an error.
    /// </summary>
    /// <exception cref="CliInputException">The file is not JSON, or not valid FHIR.</exception>
    public static IReadOnlyList<EncounterSnapshot> Read(JsonInput input, TextWriter stderr)
    {
        var path = input.Path;
        var bytes = File.ReadAllBytes(path);
        if (input.FromFolder && !HasResourceType(bytes))
        {
            stderr.WriteLine($"ehrcoding: skipped {path}: not a FHIR resource (no resourceType)");
            return [];
        }

        Resource resource;
        try
        {
            var reader = new Utf8JsonReader(bytes);
            resource = FhirJsonInput.Deserializer.DeserializeResource(ref reader);
        }
        catch (DeserializationFailedException ex)
        {
            throw new CliInputException($"{path}: invalid FHIR: {ex.Exceptions.FirstOrDefault()?.Message ?? ex.Message}");
        }
        catch (JsonException ex)
        {
            throw new CliInputException($"{path}: invalid JSON: {ex.Message}");
        }
        catch (FormatException ex)
        {
            throw new CliInputException($"{path}: invalid FHIR: {ex.Message}");
        }

        return resource is Bundle bundle ? SnapshotAssembler.FromBundle(bundle) : SnapshotAssembler.FromResources([resource]);
    }

    /// <summary>True when the top-level JSON object has a "resourceType" property; malformed JSON answers true so that the parse reports it.</summary>
    private static bool HasResourceType(byte[] bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return true;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("resourceType"u8))
                {
                    return true;
                }

                reader.Read();
                reader.Skip();
            }

            return false;
        }
        catch (JsonException)
        {
            return true;
        }
    }
}
