using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EhrCodingAssist.Benchmarks;

/// <summary>
/// Writes a Bulk-Data-shaped synthetic export (one NDJSON file per resource type) of N inpatient encounters: four
/// encounters per patient, each with 12 Observations, 2 Conditions, 1 MedicationRequest and 1 DocumentReference
/// (17 lines per encounter with the patient share). Some encounters carry AKI, hyponatremia or SIRS-with-infection
/// patterns so that rules fire. Deterministic (fixed seed).
/// </summary>
internal static class SyntheticNdjson
{
    public const int EncountersPerPatient = 4;
    private static readonly DateTimeOffset FirstAdmission = new(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the files into <paramref name="directory"/>; returns the number of lines written.</summary>
    public static int Write(string directory, int encounters)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(42);
        using var files = new Files(directory);
        var patients = (encounters + EncountersPerPatient - 1) / EncountersPerPatient;
        for (var p = 0; p < patients; p++)
        {
            var patient = $"pt-{p:D6}";
            files.Line("Patient", w =>
            {
                w.WriteString("resourceType", "Patient");
                w.WriteString("id", patient);
                w.WriteString("gender", p % 2 == 0 ? "female" : "male");
                w.WriteString("birthDate", $"{1940 + (p % 50)}-0{1 + (p % 9)}-15");
            });
            for (var k = 0; k < EncountersPerPatient && (p * EncountersPerPatient) + k < encounters; k++)
            {
                WriteEncounter(files, random, patient, (p * EncountersPerPatient) + k, FirstAdmission.AddDays((p % 200) + (k * 60)));
            }
        }

        return files.Count;
    }

    private static void WriteEncounter(Files files, Random random, string patient, int index, DateTimeOffset start)
    {
        var encounter = $"enc-{index:D7}";
        var patientRef = "Patient/" + patient;
        var encounterRef = "Encounter/" + encounter;
        files.Line("Encounter", w =>
        {
            w.WriteString("resourceType", "Encounter");
            w.WriteString("id", encounter);
            w.WriteString("status", "finished");
            w.WriteStartObject("class");
            w.WriteString("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode");
            w.WriteString("code", "IMP");
            w.WriteEndObject();
            Reference(w, "subject", patientRef);
            w.WriteStartObject("period");
            w.WriteString("start", Date(start));
            w.WriteString("end", Date(start.AddDays(3)));
            w.WriteEndObject();
        });

        var aki = index % 4 == 1;
        var lowSodium = index % 5 == 2;
        var sirs = index % 7 == 3;
        for (var i = 0; i < 12; i++)
        {
            var analyte = SyntheticAnalytes.All[(i + index) % SyntheticAnalytes.All.Count];
            var value = analyte.Normal + (((random.NextDouble() * 2) - 1) * analyte.Spread * 0.5);
            value = analyte.Loinc switch
            {
                "2160-0" when aki => 1.0 + (i * 0.2),
                "2951-2" when lowSodium => 127,
                "8867-4" when sirs => 114,
                "8310-5" when sirs => 38.7,
                "6690-2" when sirs => 15.8,
                _ => value,
            };
            var when = start.AddHours(4 + (i * 5));
            files.Line("Observation", w =>
            {
                w.WriteString("resourceType", "Observation");
                w.WriteString("id", $"{encounter}-obs-{i}");
                w.WriteString("status", "final");
                w.WriteStartObject("code");
                w.WriteStartArray("coding");
                w.WriteStartObject();
                w.WriteString("system", "http://loinc.org");
                w.WriteString("code", analyte.Loinc);
                w.WriteString("display", analyte.Display);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteString("text", analyte.Display);
                w.WriteEndObject();
                Reference(w, "subject", patientRef);
                Reference(w, "encounter", encounterRef);
                w.WriteString("effectiveDateTime", Date(when));
                w.WriteStartObject("valueQuantity");
                w.WriteNumber("value", Math.Round(value, 1));
                w.WriteString("unit", analyte.Unit);
                w.WriteString("system", "http://unitsofmeasure.org");
                w.WriteString("code", analyte.Unit);
                w.WriteEndObject();
            });
        }

        string[][] conditions = [sirs ? ["N39.0", "Urinary tract infection, site not specified"] : ["I10", "Essential (primary) hypertension"], index % 3 == 0 ? ["I50.9", "Heart failure, unspecified"] : ["E78.5", "Hyperlipidemia, unspecified"]];
        for (var c = 0; c < conditions.Length; c++)
        {
            var (code, display) = (conditions[c][0], conditions[c][1]);
            files.Line("Condition", w =>
            {
                w.WriteString("resourceType", "Condition");
                w.WriteString("id", $"{encounter}-cond-{c}");
                w.WriteStartObject("clinicalStatus");
                w.WriteStartArray("coding");
                w.WriteStartObject();
                w.WriteString("system", "http://terminology.hl7.org/CodeSystem/condition-clinical");
                w.WriteString("code", "active");
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteStartObject("code");
                w.WriteStartArray("coding");
                w.WriteStartObject();
                w.WriteString("system", "http://hl7.org/fhir/sid/icd-10-cm");
                w.WriteString("code", code);
                w.WriteString("display", display);
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
                Reference(w, "subject", patientRef);
                Reference(w, "encounter", encounterRef);
                w.WriteString("recordedDate", Date(start.AddHours(2)));
            });
        }

        files.Line("MedicationRequest", w =>
        {
            w.WriteString("resourceType", "MedicationRequest");
            w.WriteString("id", $"{encounter}-med");
            w.WriteString("status", "completed");
            w.WriteString("intent", "order");
            w.WriteStartObject("medicationCodeableConcept");
            w.WriteStartArray("coding");
            w.WriteStartObject();
            w.WriteString("system", "http://www.nlm.nih.gov/research/umls/rxnorm");
            w.WriteString("code", sirs ? "2193" : "4603");
            w.WriteString("display", sirs ? "ceftriaxone" : "furosemide");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            Reference(w, "subject", patientRef);
            Reference(w, "encounter", encounterRef);
            w.WriteString("authoredOn", Date(start.AddHours(3)));
        });

        var note = sirs
            ? "Febrile and tachycardic with dysuria. Possible sepsis from urinary source. Denies chest pain."
            : "Admitted for observation. No acute distress. Denies shortness of breath. Tolerating diet.";
        files.Line("DocumentReference", w =>
        {
            w.WriteString("resourceType", "DocumentReference");
            w.WriteString("id", $"{encounter}-note");
            w.WriteString("status", "current");
            Reference(w, "subject", patientRef);
            w.WriteString("date", Date(start.AddHours(20)));
            w.WriteStartArray("content");
            w.WriteStartObject();
            w.WriteStartObject("attachment");
            w.WriteString("contentType", "text/plain");
            w.WriteBase64String("data", Encoding.UTF8.GetBytes(note));
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartObject("context");
            w.WriteStartArray("encounter");
            w.WriteStartObject();
            w.WriteString("reference", encounterRef);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Reference(Utf8JsonWriter w, string name, string reference)
    {
        w.WriteStartObject(name);
        w.WriteString("reference", reference);
        w.WriteEndObject();
    }

    private static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>One open NDJSON file per resource type.</summary>
    private sealed class Files(string directory) : IDisposable
    {
        private readonly Dictionary<string, (FileStream Stream, Utf8JsonWriter Writer)> _open = new(StringComparer.Ordinal);

        public int Count { get; private set; }

        public void Line(string type, Action<Utf8JsonWriter> body)
        {
            if (!_open.TryGetValue(type, out var file))
            {
                var stream = new FileStream(Path.Combine(directory, type + ".000.ndjson"), FileMode.Create, FileAccess.Write);
                file = (stream, new Utf8JsonWriter(stream));
                _open[type] = file;
            }

            file.Writer.Reset(file.Stream);
            file.Writer.WriteStartObject();
            body(file.Writer);
            file.Writer.WriteEndObject();
            file.Writer.Flush();
            file.Stream.WriteByte((byte)'\n');
            Count++;
        }

        public void Dispose()
        {
            foreach (var (stream, writer) in _open.Values)
            {
                writer.Dispose();
                stream.Dispose();
            }
        }
    }
}
