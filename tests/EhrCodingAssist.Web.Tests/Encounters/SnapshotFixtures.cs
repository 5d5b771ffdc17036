using EhrCodingAssist.Web.Session;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Web.Tests.Encounters;

/// <summary>Small synthetic resources for the snapshot tests (no real patient data).</summary>
internal static class SnapshotFixtures
{
    public const string PatientId = "p1";
    public const string EncounterId = "e1";

    public static SmartSession SessionFor(Uri fhirBase, string? encounterId = EncounterId) => new()
    {
        Id = "s1",
        Registration = "test",
        FhirBase = fhirBase,
        PatientId = PatientId,
        EncounterId = encounterId,
        GrantedScopes = new HashSet<string> { "patient/*.rs" },
        NeedPatientBanner = true,
        Role = AppRole.Cdi,
    };

    public static Patient Patient() => new()
    {
        Id = PatientId,
        Name = [new HumanName { Use = HumanName.NameUse.Official, Family = "Testperson", Given = ["Alex"] }],
        Gender = AdministrativeGender.Female,
        BirthDate = "1950-04-02",
        Identifier =
        [
            new Identifier
            {
                Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0203", "MR"),
                System = "urn:test:mrn",
                Value = "MRN-0001",
            },
        ],
    };

    public static Encounter Encounter(string id = EncounterId, string patientId = PatientId) => new()
    {
        Id = id,
        Status = Hl7.Fhir.Model.Encounter.EncounterStatus.InProgress,
        Class = new Hl7.Fhir.Model.Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter"),
        Subject = new ResourceReference("Patient/" + patientId),
        Period = new Period { Start = "2026-11-20T08:00:00Z" },
        Location = [new Hl7.Fhir.Model.Encounter.LocationComponent { Location = new ResourceReference("Location/w4") { Display = "Ward 4 East" } }],
        Participant =
        [
            new Hl7.Fhir.Model.Encounter.ParticipantComponent
            {
                Type = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "ATND")],
                Individual = new ResourceReference("Practitioner/d1") { Display = "Dr. Rivera" },
            },
        ],
    };

    public static Observation Creatinine(string id, decimal value, string when) => new()
    {
        Id = id,
        Status = ObservationStatus.Final,
        Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory")],
        Code = new CodeableConcept("http://loinc.org", "2160-0", "Creatinine [Mass/volume] in Serum or Plasma"),
        Subject = new ResourceReference("Patient/" + PatientId),
        Encounter = new ResourceReference("Encounter/" + EncounterId),
        Effective = new FhirDateTime(when),
        Value = new Quantity(value, "mg/dL") { System = "http://unitsofmeasure.org", Code = "mg/dL" },
    };

    public static DocumentReference NoteByUrl(string id, string url, string contentType) => new()
    {
        Id = id,
        Status = DocumentReferenceStatus.Current,
        Subject = new ResourceReference("Patient/" + PatientId),
        Context = new DocumentReference.ContextComponent { Encounter = [new ResourceReference("Encounter/" + EncounterId)] },
        Content = [new DocumentReference.ContentComponent { Attachment = new Attachment { ContentType = contentType, Url = url } }],
    };

    /// <summary>A stub with the patient and encounter readable.</summary>
    public static FhirStub Ehr(int delayMs = 0)
    {
        var stub = new FhirStub(delayMs);
        stub.Read(Patient());
        stub.Read(Encounter());
        return stub;
    }
}
