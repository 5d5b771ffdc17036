using System.Text.Json;
using EhrCodingAssist.Clinical.Ingest;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Web.Encounters.Reading;

/// <summary>One Bundle entry: its resource, or why it was skipped (then <see cref="Name"/> says which one it was).</summary>
internal readonly record struct EntryResult(Resource? Resource, string Name, string? SkipReason);

/// <summary>
/// Reads one Bundle entry's resource on its own, so a resource the app cannot read costs only itself: invalid JSON
/// types, text that is not valid Unicode, or values Firely let in but cannot give back (<see cref="UnreadableElements"/>)
/// make the entry skipped and named ("Observation/o-7"), never the whole search.
/// </summary>
internal static class EntryReader
{
    /// <summary>Reads the <c>resource</c> of an entry's JSON (an empty span is a null entry).</summary>
    public static EntryResult Read(ReadOnlySpan<byte> entryJson, int index)
    {
        var fallbackName = $"entry {index + 1}";
        if (entryJson.IsEmpty)
        {
            return new(null, fallbackName, "the entry is empty");
        }

        var reader = new Utf8JsonReader(entryJson);
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("resource"u8))
                {
                    reader.Read();
                    reader.Skip();
                    continue;
                }

                reader.Read();
                return reader.TokenType == JsonTokenType.StartObject
                    ? Parse(ref reader, entryJson[(int)reader.TokenStartIndex..], fallbackName)
                    : new(null, fallbackName, "the entry's resource is not a JSON object");
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return new(null, fallbackName, "the entry is not valid JSON text");
        }

        return new(null, fallbackName, "the entry has no resource");
    }

    /// <summary>Reads a whole resource JSON (a read's body) the same way.</summary>
    public static EntryResult ReadResource(ReadOnlySpan<byte> resourceJson, string name)
    {
        var reader = new Utf8JsonReader(resourceJson);
        try
        {
            reader.Read();
            return reader.TokenType == JsonTokenType.StartObject
                ? Parse(ref reader, resourceJson, name)
                : new(null, name, "it is not a JSON object");
        }
        catch (JsonException)
        {
            return new(null, name, "it is not valid JSON");
        }
    }

    private static EntryResult Parse(ref Utf8JsonReader reader, ReadOnlySpan<byte> resourceJson, string fallbackName)
    {
        var name = NameOf(resourceJson) ?? fallbackName;
        Resource? resource;
        try
        {
            if (!FhirJsonInput.Deserializer.TryDeserializeResource(ref reader, out resource, out _) || resource is null)
            {
                return new(null, name, "it is not FHIR the app can read (a value of the wrong JSON type or a missing resourceType)");
            }
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses invalid UTF-8 and lone surrogate escapes (\ud800) when it decodes a string.
            return new(null, name, "it holds text that is not valid Unicode");
        }
        catch (JsonException)
        {
            return new(null, name, "it is not valid JSON");
        }

        var unreadable = UnreadableElements.Find(resource);
        return unreadable.Count == 0
            ? new(resource, name, null)
            : new(resource, name, "it holds values that are not valid FHIR (" + string.Join(", ", unreadable.Take(3)) + (unreadable.Count > 3 ? ", …" : string.Empty) + ")");
    }

    // "Type/id" from the resource's own resourceType and id, read without decoding any other value.
    private static string? NameOf(ReadOnlySpan<byte> resourceJson)
    {
        var reader = new Utf8JsonReader(resourceJson);
        string? type = null, id = null;
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && (type is null || id is null))
            {
                var isType = reader.ValueTextEquals("resourceType"u8);
                var isId = reader.ValueTextEquals("id"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && (isType || isId))
                {
                    var value = reader.GetString();
                    if (value is { Length: > 0 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
                    {
                        (isType ? ref type : ref id) = value;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Fall back to the entry's position.
        }

        return type is null ? null : id is null ? "a " + type : type + "/" + id;
    }
}
