using System.Text.Json;

namespace EhrCodingAssist.Clinical.Ingest;

/// <summary>What the first NDJSON pass keeps of a line: its type, id and the few references used for grouping.</summary>
internal sealed class ScannedLine
{
    public string? ResourceType { get; set; }

    public string? Id { get; set; }

    public string? Patient { get; set; }

    public string? Encounter { get; set; }

    public string? Medication { get; set; }

    public void Clear()
    {
        ResourceType = Id = Patient = Encounter = Medication = null;
    }
}

/// <summary>
/// Reads only the top level of a resource with <see cref="Utf8JsonReader"/> (no POCOs, no DOM): resourceType, id,
/// subject/patient/beneficiary, encounter/context and medicationReference references. Everything else is skipped.
/// </summary>
internal static class NdjsonLineScanner
{
    /// <summary>Scans one line; throws <see cref="JsonException"/> on malformed JSON.</summary>
    public static void Scan(ReadOnlySpan<byte> line, ScannedLine result)
    {
        result.Clear();
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a line must hold one JSON object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("resourceType"u8))
            {
                result.ResourceType = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                result.Id = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("subject"u8) || reader.ValueTextEquals("patient"u8) || reader.ValueTextEquals("beneficiary"u8))
            {
                var key = ReadReference(ref reader);
                if (key is not null && key.StartsWith("Patient/", StringComparison.Ordinal))
                {
                    result.Patient ??= key;
                }
            }
            else if (reader.ValueTextEquals("encounter"u8) || reader.ValueTextEquals("context"u8))
            {
                var key = ReadReference(ref reader);
                if (key is not null && key.StartsWith("Encounter/", StringComparison.Ordinal))
                {
                    result.Encounter ??= key;
                }
            }
            else if (reader.ValueTextEquals("medicationReference"u8))
            {
                result.Medication = ReadReference(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            throw new JsonException("unexpected content after the resource");
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    /// <summary>The normalised reference of a Reference object, or of the first element of an array of them.</summary>
    private static string? ReadReference(ref Utf8JsonReader reader)
    {
        reader.Read();
        string? found = null;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                found ??= ReadReferenceObject(ref reader);
            }

            return found;
        }

        return ReadReferenceObject(ref reader);
    }

    private static string? ReadReferenceObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? found = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("reference"u8))
            {
                found = ReferenceKey.Normalize(ReadString(ref reader));
            }
            else if (reader.ValueTextEquals("encounter"u8))
            {
                // DocumentReference.context.encounter: an array of References.
                found ??= ReadReference(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return found;
    }
}
