using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Seed;

/// <summary>
/// Builds one synthetic patient with an in-progress inpatient encounter (or telehealth visit). Ids are stable ("pat-{key}",
/// "enc-{key}", "obs-{key}-n"), times are relative to the admission, so the chart is always "current".
/// </summary>
internal sealed class PatientSeedBuilder
{
    private readonly List<Resource> _resources = [];
    private readonly string _key;
    private readonly DateTimeOffset _admitted;
    private int _n;

    public PatientSeedBuilder(string key, DateTimeOffset admitted)
    {
        _key = key;
        _admitted = admitted;
    }

    public IReadOnlyList<Resource> Resources => _resources;

    public string PatientRef => "Patient/pat-" + _key;

    public string EncounterRef => "Encounter/enc-" + _key;

    public PatientSeedBuilder Patient(string given, string family, AdministrativeGender gender, string birthDate, string mrn)
    {
        _resources.Add(new Patient
        {
            Id = "pat-" + _key,
            Identifier = [new Identifier(SeedCodes.Mrn, mrn) { Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v2-0203", "MR") }],
            Name = [new HumanName { Use = HumanName.NameUse.Official, Family = family, Given = [given] }],
            Gender = gender,
            BirthDate = birthDate,
            Address = [new Address { City = "Springfield", State = "IL", PostalCode = "62701", Country = "US" }],
        });
        _resources.Add(new Coverage
        {
            Id = "cov-" + _key,
            Status = FinancialResourceStatusCodes.Active,
            Type = new CodeableConcept(SeedCodes.CoverageType, "HIP", "health insurance plan policy"),
            Beneficiary = new ResourceReference(PatientRef),
            SubscriberId = "SBX-SUB-" + mrn,
            Relationship = new CodeableConcept("http://terminology.hl7.org/CodeSystem/subscriber-relationship", "self"),
            Payor = [new ResourceReference("Organization/sandbox-payer")],
            Period = new Period { Start = "2025-01-01" },
        });
        return this;
    }

    public PatientSeedBuilder Encounter(string reason, string location, params string[] otherParticipants)
    {
        var encounter = NewEncounter(reason, new Coding(SeedCodes.ActCode, "IMP", "inpatient encounter"), new CodeableConcept(SeedCodes.Snomed, "32485007", "Hospital admission"));
        encounter.Location = [new Hl7.Fhir.Model.Encounter.LocationComponent { Location = new ResourceReference("Location/" + location, SeedDirectory.Display(location)), Status = Hl7.Fhir.Model.Encounter.EncounterLocationStatus.Active }];
        encounter.Hospitalization = new Hl7.Fhir.Model.Encounter.HospitalizationComponent
        {
            AdmitSource = new CodeableConcept("http://terminology.hl7.org/CodeSystem/admit-source", "emd", "From accident/emergency department"),
        };
        return AddEncounter(encounter, otherParticipants);
    }

    /// <summary>An in-progress telehealth visit (class VR, synchronous video): no ward and no hospital stay.</summary>
    public PatientSeedBuilder VirtualVisit(string reason, params string[] otherParticipants)
    {
        var encounter = NewEncounter(reason, new Coding(SeedCodes.ActCode, "VR", "virtual"), new CodeableConcept { Text = "Telehealth video visit" });
        encounter.ServiceType = new CodeableConcept { Text = "Telehealth (synchronous audio-video)" };
        return AddEncounter(encounter, otherParticipants);
    }

    /// <summary>A professional service billed with a CPT code (code only: CPT descriptions are never shipped).</summary>
    public PatientSeedBuilder ProfessionalService(string cpt, string text, double hours)
    {
        _resources.Add(new Procedure
        {
            Id = $"proc-{_key}-{++_n}",
            Status = EventStatus.Completed,
            Code = new CodeableConcept { Coding = [new Coding(SeedCodes.Cpt, cpt)], Text = text },
            Subject = new ResourceReference(PatientRef),
            Encounter = new ResourceReference(EncounterRef),
            Performed = new FhirDateTime(Time(hours)),
            Performer = [new Procedure.PerformerComponent { Actor = new ResourceReference("Practitioner/sandbox-physician") }],
        });
        return this;
    }

    private Encounter NewEncounter(string reason, Coding encounterClass, CodeableConcept type) => new()
    {
        Id = "enc-" + _key,
        Status = Hl7.Fhir.Model.Encounter.EncounterStatus.InProgress,
        Class = encounterClass,
        Type = [type],
        Subject = new ResourceReference(PatientRef),
        Period = new Period { Start = Time(0) },
        ReasonCode = [new CodeableConcept { Text = reason }],
        ServiceProvider = new ResourceReference("Organization/sandbox-hospital"),
    };

    private PatientSeedBuilder AddEncounter(Encounter encounter, string[] otherParticipants)
    {
        encounter.Participant.Add(Participant("ATND", "attender", "Practitioner/sandbox-physician"));
        foreach (var other in otherParticipants)
        {
            encounter.Participant.Add(Participant(other == "sandbox-consultant" ? "CON" : "PART", other == "sandbox-consultant" ? "consultant" : "participation", "Practitioner/" + other));
        }

        _resources.Add(encounter);
        return this;
    }

    /// <summary>A laboratory result; <paramref name="hours"/> is hours after admission (negative: before).</summary>
    public PatientSeedBuilder Lab(string loinc, string display, decimal value, string unit, double hours, string? encounter = null) =>
        Quantity("laboratory", loinc, display, value, unit, hours, encounter);

    public PatientSeedBuilder Vital(string loinc, string display, decimal value, string unit, double hours) =>
        Quantity("vital-signs", loinc, display, value, unit, hours, null);

    public PatientSeedBuilder BloodPressure(decimal systolic, decimal diastolic, double hours)
    {
        var observation = NewObservation("vital-signs", "85354-9", "Blood pressure panel with all children optional", hours, null);
        observation.Component.Add(new Observation.ComponentComponent
        {
            Code = new CodeableConcept(SeedCodes.Loinc, "8480-6", "Systolic blood pressure"),
            Value = UcumQuantity(systolic, "mm[Hg]"),
        });
        observation.Component.Add(new Observation.ComponentComponent
        {
            Code = new CodeableConcept(SeedCodes.Loinc, "8462-4", "Diastolic blood pressure"),
            Value = UcumQuantity(diastolic, "mm[Hg]"),
        });
        _resources.Add(observation);
        return this;
    }

    /// <summary>A coded or text result, e.g. a culture's organism.</summary>
    public PatientSeedBuilder Culture(string loinc, string display, string organismSnomed, string organism, double hours)
    {
        var observation = NewObservation("laboratory", loinc, display, hours, null);
        observation.Value = new CodeableConcept(SeedCodes.Snomed, organismSnomed, organism, organism);
        _resources.Add(observation);
        return this;
    }

    /// <summary>A score (PHQ-9, GCS) in the "survey" or "exam" category, unit {score}.</summary>
    public PatientSeedBuilder Score(string category, string loinc, string display, decimal value, double hours)
    {
        var observation = NewObservation(category, loinc, display, hours, null);
        observation.Value = new Quantity { Value = value, Unit = "{score}", System = SeedCodes.Ucum, Code = "{score}" };
        _resources.Add(observation);
        return this;
    }

    /// <summary>A documented diagnosis: an encounter-diagnosis (default) or a problem-list item.</summary>
    public PatientSeedBuilder Condition(string icd10, string display, double hours, bool problemList = false)
    {
        _resources.Add(new Condition
        {
            Id = $"cond-{_key}-{++_n}",
            ClinicalStatus = new CodeableConcept(SeedCodes.ConditionClinical, "active"),
            VerificationStatus = new CodeableConcept(SeedCodes.ConditionVerification, "confirmed"),
            Category = [new CodeableConcept(SeedCodes.ConditionCategory, problemList ? "problem-list-item" : "encounter-diagnosis")],
            Code = new CodeableConcept(SeedCodes.Icd10Cm, icd10, display, display),
            Subject = new ResourceReference(PatientRef),
            Encounter = problemList ? null : new ResourceReference(EncounterRef),
            RecordedDate = Time(hours),
            Recorder = new ResourceReference("Practitioner/sandbox-physician"),
            Asserter = new ResourceReference("Practitioner/sandbox-physician"),
        });
        return this;
    }

    public PatientSeedBuilder Medication(string rxnorm, string display, string dosage, double hours)
    {
        _resources.Add(new MedicationRequest
        {
            Id = $"med-{_key}-{++_n}",
            Status = MedicationRequest.MedicationrequestStatus.Active,
            Intent = MedicationRequest.MedicationRequestIntent.Order,
            Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/medicationrequest-category", "inpatient")],
            Medication = new CodeableConcept(SeedCodes.RxNorm, rxnorm, display, display),
            Subject = new ResourceReference(PatientRef),
            Encounter = new ResourceReference(EncounterRef),
            AuthoredOn = Time(hours),
            Requester = new ResourceReference("Practitioner/sandbox-physician"),
            DosageInstruction = [new Dosage { Text = dosage }],
        });
        return this;
    }

    public PatientSeedBuilder Procedure(string snomed, string display, double hours)
    {
        _resources.Add(new Procedure
        {
            Id = $"proc-{_key}-{++_n}",
            Status = EventStatus.Completed,
            Code = new CodeableConcept(SeedCodes.Snomed, snomed, display, display),
            Subject = new ResourceReference(PatientRef),
            Encounter = new ResourceReference(EncounterRef),
            Performed = new FhirDateTime(Time(hours)),
        });
        return this;
    }

    /// <summary>A clinical note as a text/plain attachment (base64 data).</summary>
    public PatientSeedBuilder Note(string loinc, string title, string text, double hours, string author = "sandbox-physician")
    {
        _resources.Add(ClinicalNote(loinc, title, hours, author,
            new Attachment { ContentType = "text/plain", Data = Encoding.UTF8.GetBytes(text), Title = title, Creation = Time(hours) }));
        return this;
    }

    /// <summary>A note whose text lives in a Binary resource that the DocumentReference points to by URL.</summary>
    public PatientSeedBuilder NoteByUrl(string loinc, string title, string text, double hours, string author)
    {
        var binaryId = $"bin-{_key}-{++_n}";
        _resources.Add(new Binary
        {
            Id = binaryId,
            ContentType = "text/plain",
            Data = Encoding.UTF8.GetBytes(text),
            SecurityContext = new ResourceReference(PatientRef),
        });
        _resources.Add(ClinicalNote(loinc, title, hours, author,
            new Attachment { ContentType = "text/plain", Url = "Binary/" + binaryId, Title = title }));
        return this;
    }

    private DocumentReference ClinicalNote(string loinc, string title, double hours, string author, Attachment attachment) => new()
    {
        Id = $"doc-{_key}-{++_n}",
        Status = DocumentReferenceStatus.Current,
        DocStatus = CompositionStatus.Final,
        Type = new CodeableConcept(SeedCodes.Loinc, loinc, title, title),
        Category = [new CodeableConcept(SeedCodes.DocumentCategory, "clinical-note", "Clinical Note")],
        Subject = new ResourceReference(PatientRef),
        Date = DateTimeOffset.Parse(Time(hours), CultureInfo.InvariantCulture),
        Author = [new ResourceReference("Practitioner/" + author)],
        Description = title,
        Content = [new DocumentReference.ContentComponent { Attachment = attachment }],
        Context = new DocumentReference.ContextComponent { Encounter = [new ResourceReference(EncounterRef)] },
    };

    /// <summary>A finished outpatient encounter before this admission (for baselines).</summary>
    public PatientSeedBuilder PriorVisit(double hoursBefore, out string encounterReference)
    {
        var id = $"enc-{_key}-prior";
        encounterReference = "Encounter/" + id;
        _resources.Add(new Encounter
        {
            Id = id,
            Status = Hl7.Fhir.Model.Encounter.EncounterStatus.Finished,
            Class = new Coding(SeedCodes.ActCode, "AMB", "ambulatory"),
            Subject = new ResourceReference(PatientRef),
            Period = new Period { Start = Time(-hoursBefore), End = Time(-hoursBefore + 1) },
            Participant = [Participant("ATND", "attender", "Practitioner/sandbox-physician")],
            ServiceProvider = new ResourceReference("Organization/sandbox-hospital"),
        });
        return this;
    }

    private PatientSeedBuilder Quantity(string category, string loinc, string display, decimal value, string unit, double hours, string? encounter)
    {
        var observation = NewObservation(category, loinc, display, hours, encounter);
        observation.Value = UcumQuantity(value, unit);
        _resources.Add(observation);
        return this;
    }

    private Observation NewObservation(string category, string loinc, string display, double hours, string? encounter) => new()
    {
        Id = $"obs-{_key}-{++_n}",
        Status = ObservationStatus.Final,
        Category = [new CodeableConcept(SeedCodes.ObservationCategory, category)],
        Code = new CodeableConcept(SeedCodes.Loinc, loinc, display, display),
        Subject = new ResourceReference(PatientRef),
        Encounter = new ResourceReference(encounter ?? EncounterRef),
        Effective = new FhirDateTime(Time(hours)),
        Issued = DateTimeOffset.Parse(Time(hours + 0.5), CultureInfo.InvariantCulture),
    };

    private static Quantity UcumQuantity(decimal value, string unit) => new() { Value = value, Unit = unit, System = SeedCodes.Ucum, Code = unit };

    private static Hl7.Fhir.Model.Encounter.ParticipantComponent Participant(string code, string display, string reference) => new()
    {
        Type = [new CodeableConcept(SeedCodes.ParticipationType, code, display)],
        Individual = new ResourceReference(reference, SeedDirectory.Display(reference["Practitioner/".Length..])),
    };

    private string Time(double hours) =>
        _admitted.AddHours(hours).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
