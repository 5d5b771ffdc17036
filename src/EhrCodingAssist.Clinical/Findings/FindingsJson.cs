using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EhrCodingAssist.Clinical.Findings;

/// <summary>The findings of one analysed encounter, as written by <see cref="FindingsJson"/>.</summary>
/// <param name="Encounter">"Encounter/{id}".</param>
/// <param name="Patient">"Patient/{id}", when known.</param>
/// <param name="Findings">The rule pack's findings.</param>
public sealed record EncounterFindings(string Encounter, string? Patient, IReadOnlyList<Finding> Findings)
{
    /// <summary>Snapshot warnings (incomplete data), written only when present.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// The public JSON shape of findings, shared by <c>ehrcoding analyze</c> and the web API:
/// <c>{"encounters":[{"encounter","patient","findings":[{"rule","kind","title","text","codes":[{"system","code","display"}],
/// "evidence":[{"reference","summary"}]}]}]}</c>, plus extra fields (ruleVersion, topic, source, options, impact,
/// evidence value/unit/date, warnings).
/// </summary>
public static class FindingsJson
{
    /// <summary>Writer options: indentation as asked, relaxed escaping so that "µmol/L" and "≥" stay readable.</summary>
    public static JsonWriterOptions WriterOptions(bool indented) =>
        new() { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serializes a whole document to a string.</summary>
    public static string Serialize(IEnumerable<EncounterFindings> encounters, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(encounters);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions(indented)))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("encounters");
            foreach (var encounter in encounters)
            {
                WriteEncounter(writer, encounter);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes one element of the "encounters" array (for streaming writers).</summary>
    public static void WriteEncounter(Utf8JsonWriter writer, EncounterFindings encounter)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encounter);
        writer.WriteStartObject();
        writer.WriteString("encounter", encounter.Encounter);
        writer.WriteString("patient", encounter.Patient);
        writer.WriteStartArray("findings");
        foreach (var finding in encounter.Findings)
        {
            WriteFinding(writer, finding);
        }

        writer.WriteEndArray();
        if (encounter.Warnings.Count > 0)
        {
            writer.WriteStartArray("warnings");
            foreach (var warning in encounter.Warnings)
            {
                writer.WriteStringValue(warning);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes one finding object.</summary>
    public static void WriteFinding(Utf8JsonWriter writer, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(finding);
        writer.WriteStartObject();
        writer.WriteString("rule", finding.Rule);
        writer.WriteString("kind", KindName(finding.Kind));
        writer.WriteString("title", finding.Title);
        writer.WriteString("text", finding.Text);
        writer.WriteStartArray("codes");
        foreach (var code in finding.Codes)
        {
            WriteCode(writer, code);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("evidence");
        foreach (var evidence in finding.Evidence)
        {
            WriteEvidence(writer, evidence);
        }

        writer.WriteEndArray();
        writer.WriteString("ruleVersion", finding.RuleVersion);
        writer.WriteString("topic", finding.Topic);
        if (finding.Source is not null)
        {
            writer.WriteString("source", finding.Source);
        }

        if (finding.Options.Count > 0)
        {
            writer.WriteStartArray("options");
            foreach (var option in finding.Options)
            {
                writer.WriteStartObject();
                writer.WriteString("id", option.Id);
                writer.WriteString("label", option.Label);
                if (option.Code is not null)
                {
                    writer.WritePropertyName("code");
                    WriteCode(writer, option.Code);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (finding.Impact is { } impact)
        {
            writer.WriteStartObject("impact");
            writer.WriteString("severity", impact.Severity);
            writer.WriteString("hcc", impact.Hcc);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>"query", "suggestion" or "edit".</summary>
    public static string KindName(FindingKind kind) => kind switch
    {
        FindingKind.Query => "query",
        FindingKind.Suggestion => "suggestion",
        FindingKind.Edit => "edit",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static void WriteCode(Utf8JsonWriter writer, CodeRef code)
    {
        writer.WriteStartObject();
        writer.WriteString("system", code.System);
        writer.WriteString("code", code.Code);
        writer.WriteString("display", code.Display);
        writer.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter writer, Evidence evidence)
    {
        writer.WriteStartObject();
        writer.WriteString("reference", evidence.Reference);
        writer.WriteString("summary", evidence.Summary);
        if (evidence.Value is { } value)
        {
            writer.WriteNumber("value", value);
        }

        if (evidence.Unit is not null)
        {
            writer.WriteString("unit", evidence.Unit);
        }

        if (evidence.Date is { } date)
        {
            writer.WriteString("date", date.ToString("O", CultureInfo.InvariantCulture));
        }

        writer.WriteEndObject();
    }
}
