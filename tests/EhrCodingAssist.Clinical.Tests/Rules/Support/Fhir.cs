using EhrCodingAssist.Clinical.Snapshot;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Tests.Rules.Support;

/// <summary>Small builders for snapshots in tests.</summary>
internal static class Fhir
{
    public const string Loinc = "http://loinc.org";
    public const string Icd = "http://hl7.org/fhir/sid/icd-10-cm";

    public static Encounter Encounter(string start = "2026-03-10T08:00:00Z", string? end = "2026-03-15T12:00:00Z") => new()
    {
        Id = "enc1",
        Status = Hl7.Fhir.Model.Encounter.EncounterStatus.Finished,
        Subject = new ResourceReference("Patient/p1"),
        Period = new Period { Start = start, End = end },
    };

    public static Patient Patient(string birthDate = "1960-06-15", AdministrativeGender gender = AdministrativeGender.Female) =>
        new() { Id = "p1", BirthDate = birthDate, Gender = gender };

    public static EncounterSnapshot Snap(params Resource[] resources) => new()
    {
        Encounter = Encounter(),
        Patient = Patient(),
        Resources = resources,
        AsOf = new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero),
    };

    public static Observation Lab(string id, string loinc, decimal value, string unit, string when, bool linkEncounter = true) => new()
    {
        Id = id,
        Status = ObservationStatus.Final,
        Code = new CodeableConcept(Loinc, loinc, "Creatinine [Mass/volume] in Serum or Plasma"),
        Subject = new ResourceReference("Patient/p1"),
        Encounter = linkEncounter ? new ResourceReference("Encounter/enc1") : null,
        Effective = new FhirDateTime(when),
        Value = new Quantity(value, unit) { System = "http://unitsofmeasure.org", Unit = unit },
    };

    public static Observation BloodPressure(string id, decimal systolic, decimal diastolic, string when) => new()
    {
        Id = id,
        Status = ObservationStatus.Final,
        Code = new CodeableConcept(Loinc, "85354-9", "Blood pressure panel"),
        Encounter = new ResourceReference("Encounter/enc1"),
        Effective = new FhirDateTime(when),
        Component =
        [
            new Observation.ComponentComponent { Code = new CodeableConcept(Loinc, "8480-6", "Systolic blood pressure"), Value = new Quantity(systolic, "mm[Hg]") },
            new Observation.ComponentComponent { Code = new CodeableConcept(Loinc, "8462-4", "Diastolic blood pressure"), Value = new Quantity(diastolic, "mm[Hg]") },
        ],
    };

    public static Condition Condition(string id, string system, string code, string? verification = null, string clinical = "active", bool linkEncounter = true) => new()
    {
        Id = id,
        Code = new CodeableConcept(system, code, code),
        Subject = new ResourceReference("Patient/p1"),
        Encounter = linkEncounter ? new ResourceReference("Encounter/enc1") : null,
        ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", clinical),
        VerificationStatus = verification is null ? null : new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", verification),
    };

    public static DocumentReference Note(string id, string text) => new()
    {
        Id = id,
        Status = DocumentReferenceStatus.Current,
        Description = "Progress note",
        Date = new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero),
        Context = new DocumentReference.ContextComponent { Encounter = [new ResourceReference("Encounter/enc1")] },
        Content = [new DocumentReference.ContentComponent { Attachment = new Attachment { ContentType = "text/plain", Data = System.Text.Encoding.UTF8.GetBytes(text) } }],
    };

    public static MedicationRequest MedicationOrder(string id, string rxnorm, string display, MedicationRequest.MedicationrequestStatus status = MedicationRequest.MedicationrequestStatus.Active) => new()
    {
        Id = id,
        Status = status,
        Intent = MedicationRequest.MedicationRequestIntent.Order,
        Encounter = new ResourceReference("Encounter/enc1"),
        AuthoredOn = "2026-03-11",
        Medication = new CodeableConcept("http://www.nlm.nih.gov/research/umls/rxnorm", rxnorm, display),
    };
}
