using EhrCodingAssist.Clinical.Ingest;
using EhrCodingAssist.Clinical.Snapshot;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Tests.RulePacks;

/// <summary>Every rule expression against real-shaped data: Synthea patients and deliberately malformed resources.</summary>
public sealed class RealDataTests
{
    [Fact]
    public void Evaluate_EverySyntheaEncounter_NoErrorsAndFewFindings()
    {
        var pack = CorePackTestData.Pack;
        var encounters = 0;
        var findings = 0;

        foreach (var file in Directory.GetFiles(Path.Combine(CorePackTestData.SharedData, "synthea"), "*.json"))
        {
            foreach (var snapshot in CorePackTestData.Snapshots(file))
            {
                encounters++;
                findings += CorePackTestData.Evaluate(pack, snapshot, ["sepsis-2", "sepsis-3"]).Count;
            }
        }

        Assert.True(encounters > 500, $"only {encounters} encounters read");

        // Synthea encounters are mostly routine visits with normal labs; a pack that fires on many of them is firing on noise.
        Assert.True(findings < encounters / 50, $"{findings} findings over {encounters} encounters");
    }

    [Fact]
    public void Evaluate_SyntheaPatientWithEgfrBelow30ForMonths_GetsAChronicKidneyDiseaseQuery()
    {
        // Micah Schinner: eGFR 11-24 mL/min from 2017-12 to 2018-05, creatinine 2.6-3.4 mg/dL, no kidney diagnosis recorded.
        var file = Directory.GetFiles(Path.Combine(CorePackTestData.SharedData, "synthea"), "Micah_Schinner_*.json").Single();
        var snapshots = CorePackTestData.Snapshots(file);
        var april = snapshots.Single(s => s.Encounter.Period?.Start?.StartsWith("2018-04-01", StringComparison.Ordinal) == true);
        var before = snapshots.Single(s => s.Encounter.Period?.Start?.StartsWith("2017-12-23", StringComparison.Ordinal) == true);

        var findings = CorePackTestData.Evaluate(CorePackTestData.Pack, april);

        var query = Assert.Single(findings, f => f.Rule == "ckd-indicators-g4-g5");
        Assert.Contains(query.Codes, c => c.Code == "N18.4");
        Assert.DoesNotContain(CorePackTestData.Evaluate(CorePackTestData.Pack, before), f => f.Rule.StartsWith("ckd-indicators", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_EverySyntheaBulkEncounter_NoErrorsWithRealNoteText()
    {
        var files = Directory.GetFiles(Path.Combine(CorePackTestData.SharedData, "synthea_bulk_10patients"), "*.ndjson");
        var lineErrors = new List<NdjsonLineError>();
        using var source = NdjsonSnapshotSource.Open(files, lineErrors.Add);
        var encounters = 0;
        var withNotes = 0;

        foreach (var snapshot in source.ReadSnapshots())
        {
            encounters++;
            withNotes += snapshot.NoteTexts.Count > 0 ? 1 : 0;
            CorePackTestData.Evaluate(CorePackTestData.Pack, snapshot, ["sepsis-2", "sepsis-3"]);
        }

        Assert.Empty(lineErrors);
        Assert.True(encounters > 1000, $"only {encounters} encounters read");
        Assert.True(withNotes > 1000, $"only {withNotes} encounters with note text");
    }

    [Fact]
    public void Evaluate_MalformedResources_NoErrorsAndNoFindings()
    {
        var patient = new Patient { Id = "p", BirthDate = "not-a-date" };
        var encounter = new Encounter
        {
            Id = "e",
            Status = Encounter.EncounterStatus.InProgress,
            Class = new Hl7.Fhir.Model.Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP"),
            Subject = new ResourceReference("Patient/p"),
            Period = new Period { Start = "2026-03-10T08:00:00Z" },
        };
        Resource[] resources =
        [
            Lab("1", "2160-0", new FhirString("high")),
            Lab("2", "2160-0", new Quantity { Value = 9.9m, Unit = "furlongs" }),
            Lab("3", "2160-0", new Quantity { Value = null, Code = "mg/dL", System = "http://unitsofmeasure.org" }),
            Lab("4", "2951-2", new Quantity { Value = -5m }),
            Lab("5", "39156-5", new Quantity { Value = 45m, Code = "kg/m2", System = "http://unitsofmeasure.org" }, effective: null),
            new Observation { Id = "6", Status = ObservationStatus.Final, Encounter = new ResourceReference("Encounter/e") },
            new Condition { Id = "7", Encounter = new ResourceReference("Encounter/e"), Code = new CodeableConcept("http://hl7.org/fhir/sid/icd-10-cm", "I50.") },
            new Condition { Id = "8", Encounter = new ResourceReference("Encounter/e") },
            new MedicationRequest { Id = "9", Status = MedicationRequest.MedicationrequestStatus.Active, Encounter = new ResourceReference("Encounter/e") },
            new DocumentReference { Id = "10", Context = new DocumentReference.ContextComponent { Encounter = [new ResourceReference("Encounter/e")] } },
        ];
        var snapshot = new EncounterSnapshot { Encounter = encounter, Patient = patient, Resources = resources, NoteTexts = new Dictionary<string, string> { ["10"] = "" } };

        var findings = CorePackTestData.Evaluate(CorePackTestData.Pack, snapshot, ["sepsis-2", "sepsis-3"]);

        Assert.Empty(findings);
    }

    [Fact]
    public void Evaluate_NoPatientNoPeriodAbnormalLabs_NoErrors()
    {
        var encounter = new Encounter { Id = "e", Status = Encounter.EncounterStatus.InProgress, Class = new Hl7.Fhir.Model.Coding(null, "IMP") };
        Resource[] resources =
        [
            Lab("1", "2160-0", new Quantity { Value = 0.8m, Code = "mg/dL", System = "http://unitsofmeasure.org" }),
            Lab("2", "2160-0", new Quantity { Value = 2.9m, Code = "mg/dL", System = "http://unitsofmeasure.org" }, "2026-03-11T09:00:00Z"),
            Lab("3", "39156-5", new Quantity { Value = 44m, Code = "kg/m2", System = "http://unitsofmeasure.org" }),
            Lab("4", "777-3", new Quantity { Value = 40m, Code = "10*3/uL", System = "http://unitsofmeasure.org" }),
        ];
        var snapshot = new EncounterSnapshot { Encounter = encounter, Resources = resources };

        var rules = CorePackTestData.Evaluate(CorePackTestData.Pack, snapshot, ["sepsis-2", "sepsis-3"]).Select(f => f.Rule).ToList();

        // Linked by Observation.encounter, the labs still count; age-bound rules stay silent without a birth date.
        Assert.Contains("aki-kdigo", rules);
        Assert.Contains("thrombocytopenia", rules);
        Assert.DoesNotContain(rules, r => r.StartsWith("obesity", StringComparison.Ordinal));
    }

    private static Observation Lab(string id, string loinc, DataType value, string? effective = "2026-03-10T09:00:00Z") => new()
    {
        Id = id,
        Status = ObservationStatus.Final,
        Code = new CodeableConcept("http://loinc.org", loinc),
        Subject = new ResourceReference("Patient/p"),
        Encounter = new ResourceReference("Encounter/e"),
        Effective = effective is null ? null : new FhirDateTime(effective),
        Value = value,
    };
}
