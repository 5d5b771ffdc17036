using System.Globalization;
using EhrCodingAssist.Sandbox.Auth;
using EhrCodingAssist.Sandbox.Fhir;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Seed;

/// <summary>
/// Grows one seeded encounter to a given number of resources with quarter-hourly vital signs (heart rate,
/// respiratory rate, temperature, SpO2, blood pressure), for measuring the app on a large chart
/// (docs/performance.md). Values vary deterministically inside normal ranges so no rule fires on them.
/// </summary>
internal static class EncounterGrowth
{
    private static readonly (string Loinc, string Display, decimal Base, decimal Spread, string Unit)[] Vitals =
    [
        ("8867-4", "Heart rate", 78, 12, "/min"),
        ("9279-1", "Respiratory rate", 16, 3, "/min"),
        ("8310-5", "Body temperature", 36.8m, 0.5m, "Cel"),
        ("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", 97, 2, "%"),
    ];

    /// <summary>Adds Observations until the encounter's patient compartment holds <paramref name="target"/> resources; returns how many were added.</summary>
    public static int Grow(TransactionProcessor processor, ResourceStore store, string encounterId, int target)
    {
        if (store.Read("Encounter", encounterId, out _)?.Resource is not Encounter encounter ||
            References.Local(encounter.Subject?.Reference, store.FhirBase) is not { } patient)
        {
            throw new InvalidOperationException($"Encounter '{encounterId}' to grow does not exist or has no subject.");
        }

        var patientId = patient["Patient/".Length..];
        var existing = CountFor(store, patientId);
        var missing = Math.Max(0, target - existing);
        var start = DateTimeOffset.Parse(encounter.Period?.Start ?? DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        for (var i = 0; i < missing; i++)
        {
            var observation = Observation(encounterId, patient, i, start.AddMinutes(15 * (i / (Vitals.Length + 1))));
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                Resource = observation,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = "Observation/" + observation.Id },
            });
        }

        if (missing > 0)
        {
            processor.Process(bundle, AccessGrant.Full);
        }

        return missing;
    }

    private static readonly string[] ChartTypes =
        ["Patient", "Encounter", "Observation", "Condition", "MedicationRequest", "Procedure", "DocumentReference", "Coverage", "Claim"];

    private static int CountFor(ResourceStore store, string patientId) => ChartTypes.Sum(type => store.List(type, patientId).Count);

    private static Observation Observation(string encounterId, string patient, int i, DateTimeOffset when)
    {
        var slot = i % (Vitals.Length + 1);
        var wobble = (decimal)Math.Sin(i * 0.7);
        var observation = new Observation
        {
            Id = $"obs-{encounterId}-g{i + 1}",
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept(SeedCodes.ObservationCategory, "vital-signs")],
            Subject = new ResourceReference(patient),
            Encounter = new ResourceReference("Encounter/" + encounterId),
            Effective = new FhirDateTime(when.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        };
        if (slot == Vitals.Length)
        {
            observation.Code = new CodeableConcept(SeedCodes.Loinc, "85354-9", "Blood pressure panel with all children optional");
            observation.Component.Add(Component("8480-6", "Systolic blood pressure", Math.Round(122 + (8 * wobble)), "mm[Hg]"));
            observation.Component.Add(Component("8462-4", "Diastolic blood pressure", Math.Round(76 + (5 * wobble)), "mm[Hg]"));
            return observation;
        }

        var (loinc, display, value, spread, unit) = Vitals[slot];
        observation.Code = new CodeableConcept(SeedCodes.Loinc, loinc, display, display);
        observation.Value = new Quantity { Value = Math.Round(value + (spread * wobble), 1), Unit = unit, System = SeedCodes.Ucum, Code = unit };
        return observation;
    }

    private static Observation.ComponentComponent Component(string loinc, string display, decimal value, string unit) => new()
    {
        Code = new CodeableConcept(SeedCodes.Loinc, loinc, display),
        Value = new Quantity { Value = value, Unit = unit, System = SeedCodes.Ucum, Code = unit },
    };
}
