using System.Globalization;
using System.Text;
using EhrCodingAssist.Clinical.Ingest;
using EhrCodingAssist.Clinical.Snapshot;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace EhrCodingAssist.Benchmarks;

/// <summary>
/// One inpatient encounter of about 2,000 resources: the sepsis_uti scenario grown with five days of vitals and labs
/// (about 1,900 Observations: vitals every 25 minutes, a lab panel every 6 hours), history Conditions, MedicationRequests and notes. Deterministic (fixed seed).
/// </summary>
internal static class LargeEncounter
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The sepsis_uti scenario encounter as published (10 resources).</summary>
    public static EncounterSnapshot Scenario() => SnapshotAssembler.FromResources(ReadScenario(), Start.AddDays(5)).Single();

    public static EncounterSnapshot Build(int targetResources = 2000)
    {
        var resources = ReadScenario();
        var patient = "Patient/" + resources.OfType<Patient>().Single().Id;
        var encounter = "Encounter/" + resources.OfType<Encounter>().Single().Id;
        var random = new Random(20260310);
        var n = 0;

        for (var i = 0; i < 40; i++)
        {
            resources.Add(new Condition
            {
                Id = $"hist-cond-{i}",
                Subject = new ResourceReference(patient),
                ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", i % 3 == 0 ? "active" : "resolved"),
                Code = new CodeableConcept("http://hl7.org/fhir/sid/icd-10-cm", HistoryCodes[i % HistoryCodes.Length]),
                RecordedDate = Start.AddDays(-30 * (i + 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });
            resources.Add(new MedicationRequest
            {
                Id = $"med-{i}",
                Status = MedicationRequest.MedicationrequestStatus.Completed,
                Intent = MedicationRequest.MedicationRequestIntent.Order,
                Subject = new ResourceReference(patient),
                Encounter = i % 2 == 0 ? new ResourceReference(encounter) : null,
                Medication = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", "197361", "amlodipine 5 MG Oral Tablet"),
                AuthoredOn = Start.AddHours(i).ToString("o", CultureInfo.InvariantCulture),
            });
        }

        for (var i = 0; i < 10; i++)
        {
            resources.Add(new DocumentReference
            {
                Id = $"note-{i}",
                Status = DocumentReferenceStatus.Current,
                Subject = new ResourceReference(patient),
                Context = new DocumentReference.ContextComponent { Encounter = [new ResourceReference(encounter)] },
                Date = Start.AddHours(12 * i),
                Content = [new() { Attachment = new Attachment { ContentType = "text/plain", Data = Encoding.UTF8.GetBytes(NoteText) } }],
            });
        }

        // Bedside monitoring every 25 minutes (six vitals), a ten-test lab draw every 6 hours, for five days.
        var vitals = SyntheticAnalytes.All.Where(a => a.Vital).ToList();
        var labs = SyntheticAnalytes.All.Where(a => !a.Vital).ToList();
        for (var minute = 0; resources.Count < targetResources; minute += 25)
        {
            var when = Start.AddMinutes(minute);
            var draw = minute % 360 < 25 ? labs : [];
            foreach (var analyte in vitals.Concat(draw))
            {
                if (resources.Count >= targetResources)
                {
                    break;
                }

                resources.Add(Observation($"grow-{n++}", analyte, Value(random, analyte), when, patient, encounter));
            }
        }

        return SnapshotAssembler.FromResources(resources, Start.AddDays(5)).Single();
    }

    private static List<Resource> ReadScenario()
    {
        var bundle = FhirJsonInput.Deserializer.Deserialize<Bundle>(
            File.ReadAllText(Path.Combine(BenchPaths.Shared, "scenarios", "sepsis_uti.bundle.json")));
        return [.. bundle.Entry.Select(e => e.Resource).OfType<Resource>()];
    }

    private static readonly string[] HistoryCodes = ["I10", "E78.5", "E11.9", "J45.909", "K21.9", "M54.5", "F41.1", "N18.3"];

    private const string NoteText =
        "Progress note. Patient febrile overnight, tachycardic. Urine culture pending. Denies chest pain. "
        + "Possible early sepsis from urinary source; continue ceftriaxone. No shortness of breath. Tolerating diet.";

    private static decimal Value(Random random, SyntheticAnalyte analyte) =>
        Math.Round((decimal)(analyte.Normal + ((random.NextDouble() * 2) - 1) * analyte.Spread), 1);

    private static Observation Observation(string id, SyntheticAnalyte analyte, decimal value, DateTimeOffset when, string patient, string encounter) => new()
    {
        Id = id,
        Status = ObservationStatus.Final,
        Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", analyte.Vital ? "vital-signs" : "laboratory")],
        Code = new CodeableConcept("http://loinc.org", analyte.Loinc, analyte.Display, analyte.Display),
        Subject = new ResourceReference(patient),
        Encounter = new ResourceReference(encounter),
        Effective = new FhirDateTime(when),
        Value = new Quantity { Value = value, Unit = analyte.Unit, System = "http://unitsofmeasure.org", Code = analyte.Unit },
    };
}
