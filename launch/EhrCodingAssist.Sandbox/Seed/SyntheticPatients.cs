using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Seed;

/// <summary>
/// The sandbox's own synthetic patients (authored here, no real data): ten in-progress inpatient encounters,
/// one per rule-pack topic, and one telehealth video visit (class VR, "enc-tele"), as one transaction Bundle of PUTs
/// with stable ids ("enc-sepsis", "enc-aki", …).
/// </summary>
internal static partial class SyntheticPatients
{
    /// <summary>Encounter ids of the seeded in-progress admissions.</summary>
    public static readonly string[] EncounterIds =
        ["enc-sepsis", "enc-aki", "enc-hf", "enc-hypona", "enc-obesity", "enc-arf", "enc-malnut", "enc-pna", "enc-af", "enc-dm"];

    public static Bundle Build(DateTimeOffset now)
    {
        // Admissions a couple of days ago, on the hour, so the encounters are current and times look natural.
        var admitted = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-52);
        var resources = SeedDirectory.Build().ToList();
        foreach (var patient in new[] { Sepsis(admitted), Aki(admitted), HeartFailure(admitted), Hyponatremia(admitted), Obesity(admitted) })
        {
            resources.AddRange(patient.Resources);
        }

        foreach (var patient in new[] { RespiratoryFailure(admitted), Malnutrition(admitted), Pneumonia(admitted), AtrialFibrillation(admitted), Diabetes(admitted), Telehealth(admitted.AddHours(50)) })
        {
            resources.AddRange(patient.Resources);
        }

        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        foreach (var resource in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"urn:ehrcodingassist:seed:{resource.TypeName}/{resource.Id}",
                Resource = resource,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = $"{resource.TypeName}/{resource.Id}" },
            });
        }

        return bundle;
    }

    private static PatientSeedBuilder Sepsis(DateTimeOffset admitted) => new PatientSeedBuilder("sepsis", admitted)
        .Patient("Harold", "Brennan", AdministrativeGender.Male, "1958-04-12", "SBX-1001")
        .Encounter("Fever, hypotension, dysuria", "loc-icu", "sandbox-resident", "sandbox-nurse")
        .Vital("8310-5", "Body temperature", 38.9m, "Cel", 0.5)
        .Vital("8867-4", "Heart rate", 118, "/min", 0.5)
        .Vital("9279-1", "Respiratory rate", 26, "/min", 0.5)
        .BloodPressure(84, 48, 0.5)
        .BloodPressure(92, 55, 6)
        .Vital("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", 93, "%", 0.5)
        .Lab("2524-7", "Lactate [Moles/volume] in Serum or Plasma", 4.1m, "mmol/L", 1)
        .Lab("2524-7", "Lactate [Moles/volume] in Serum or Plasma", 2.6m, "mmol/L", 7)
        .Lab("6690-2", "Leukocytes [#/volume] in Blood by Automated count", 18.2m, "10*3/uL", 1)
        .Lab("777-3", "Platelets [#/volume] in Blood by Automated count", 95, "10*3/uL", 1)
        .Lab("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", 2.1m, "mg/dL", 1)
        .Lab("6301-6", "INR in Platelet poor plasma by Coagulation assay", 1.6m, "{INR}", 1)
        .Lab("718-7", "Hemoglobin [Mass/volume] in Blood", 11.2m, "g/dL", 1)
        .Score("exam", "9269-2", "Glasgow coma score total", 13, 0.5)
        .Culture("600-7", "Bacteria identified in Blood by Culture", "112283007", "Escherichia coli", 30)
        .Medication("2193", "ceftriaxone", "2 g IV every 24 hours", 1.5)
        .Medication("7512", "norepinephrine", "0.05 mcg/kg/min IV infusion, titrate to MAP >= 65", 2)
        .Medication("9863", "sodium chloride 0.9% bolus", "30 mL/kg IV bolus", 0.75)
        .Note("34117-2", "History and physical note",
            "67M with dysuria and fevers for 2 days. In ED T 38.9, HR 118, RR 26, BP 84/48 despite fluids. Lactate 4.1. " +
            "UA positive for nitrites and leukocyte esterase. Assessment: urinary tract infection with hypotension. " +
            "Plan: ceftriaxone, 30 mL/kg fluid bolus, norepinephrine via central line, ICU admission.", 2)
        .Note("11506-3", "Progress note",
            "Hospital day 2. Remains on low-dose norepinephrine. Blood cultures growing gram negative rods. Creatinine 2.1 from unknown baseline. " +
            "Platelets 95. Continue antibiotics.", 26);

    private static PatientSeedBuilder Aki(DateTimeOffset admitted) => new PatientSeedBuilder("aki", admitted)
        .Patient("Lorraine", "Whitfield", AdministrativeGender.Female, "1949-09-30", "SBX-1002")
        .PriorVisit(24 * 90, out var prior)
        .Lab("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", 0.9m, "mg/dL", -24 * 90, prior)
        .Encounter("Vomiting and poor oral intake", "loc-medward", "sandbox-consultant", "sandbox-nurse")
        .Lab("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", 1.6m, "mg/dL", 1)
        .Lab("14682-9", "Creatinine [Moles/volume] in Serum or Plasma", 212, "umol/L", 24)
        .Lab("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", 2.9m, "mg/dL", 46)
        .Lab("62238-1", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)", 16, "mL/min/{1.73_m2}", 46)
        .Lab("2823-3", "Potassium [Moles/volume] in Serum or Plasma", 5.8m, "mmol/L", 46)
        .Lab("718-7", "Hemoglobin [Mass/volume] in Blood", 9.1m, "g/dL", 1)
        .Vital("8867-4", "Heart rate", 96, "/min", 1)
        .BloodPressure(104, 62, 1)
        .Condition("I10", "Essential (primary) hypertension", -24 * 400, problemList: true)
        .Medication("9863", "sodium chloride 0.9%", "125 mL/h IV", 1.5)
        .Medication("8591", "potassium chloride", "hold", 47)
        .Note("34117-2", "History and physical note",
            "76F with 4 days of vomiting, unable to keep fluids down. Takes lisinopril and ibuprofen at home. Creatinine 1.6 (0.9 three months ago). " +
            "Plan: IV fluids, hold lisinopril and NSAIDs, trend renal function.", 2)
        .Note("11506-3", "Progress note",
            "Creatinine continues to rise, now 2.9. Urine output 300 mL over 24 h. K 5.8. Nephrology consulted. Elevated creatinine, continue fluids.", 47)
        .NoteByUrl("11488-4", "Consult note",
            "Nephrology consult. Creatinine 0.9 three months ago, 1.6 on admission, 2.9 today with oliguria, in the setting of volume depletion, " +
            "ACE inhibitor and NSAID use. Recommend holding nephrotoxins, isotonic fluids, renal ultrasound, strict intake and output.", 48, "sandbox-consultant");

    private static PatientSeedBuilder HeartFailure(DateTimeOffset admitted) => new PatientSeedBuilder("hf", admitted)
        .Patient("Walter", "Okonkwo", AdministrativeGender.Male, "1952-01-22", "SBX-1003")
        .Encounter("Shortness of breath, leg swelling", "loc-stepdown", "sandbox-resident")
        .Lab("30934-4", "Natriuretic peptide B [Mass/volume] in Serum or Plasma", 1450, "pg/mL", 1)
        .Lab("33762-6", "Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma", 5200, "pg/mL", 1)
        .Lab("10230-1", "Left ventricular Ejection fraction", 30, "%", 20)
        .Lab("6598-7", "Troponin T.cardiac [Mass/volume] in Serum or Plasma", 0.03m, "ug/L", 1)
        .Lab("2951-2", "Sodium [Moles/volume] in Serum or Plasma", 134, "mmol/L", 1)
        .Lab("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", 1.3m, "mg/dL", 1)
        .Vital("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", 90, "%", 0.5)
        .Vital("9279-1", "Respiratory rate", 24, "/min", 0.5)
        .BloodPressure(148, 88, 0.5)
        .Condition("I50.9", "Heart failure, unspecified", 3)
        .Medication("4603", "furosemide", "40 mg IV twice daily", 1.5)
        .Medication("6918", "metoprolol", "25 mg by mouth twice daily", 3)
        .Note("34117-2", "History and physical note",
            "70M with known cardiomyopathy, 1 week of worsening dyspnea, orthopnea and 3+ leg edema. BNP 1450. CXR pulmonary edema. " +
            "Assessment: CHF exacerbation. Plan: IV furosemide, echo, daily weights.", 3)
        .Note("11506-3", "Progress note", "Echo: LVEF 30%, global hypokinesis. Diuresing well, net -2 L. Continue IV furosemide.", 22);

    private static PatientSeedBuilder Hyponatremia(DateTimeOffset admitted) => new PatientSeedBuilder("hypona", admitted)
        .Patient("Edith", "Lindqvist", AdministrativeGender.Female, "1941-06-05", "SBX-1004")
        .Encounter("Confusion and unsteady gait", "loc-medward", "sandbox-nurse")
        .Lab("2951-2", "Sodium [Moles/volume] in Serum or Plasma", 124, "mmol/L", 1)
        .Lab("2951-2", "Sodium [Moles/volume] in Serum or Plasma", 126, "mmol/L", 20)
        .Lab("2951-2", "Sodium [Moles/volume] in Serum or Plasma", 129, "mmol/L", 44)
        .Lab("2823-3", "Potassium [Moles/volume] in Serum or Plasma", 3.9m, "mmol/L", 1)
        .Lab("2345-7", "Glucose [Mass/volume] in Serum or Plasma", 104, "mg/dL", 1)
        .Score("exam", "9269-2", "Glasgow coma score total", 14, 0.5)
        .Medication("9863", "sodium chloride 3% hypertonic", "100 mL IV bolus", 2)
        .Note("34117-2", "History and physical note",
            "83F brought in by daughter for 2 days of confusion and a fall at home. On hydrochlorothiazide. Na 124. " +
            "Plan: stop thiazide, fluid restriction, hypertonic saline bolus, Na checks every 6 h.", 2);

    private static PatientSeedBuilder Obesity(DateTimeOffset admitted) => new PatientSeedBuilder("obesity", admitted)
        .Patient("Marcus", "Delgado", AdministrativeGender.Male, "1979-11-17", "SBX-1005")
        .Encounter("Left leg redness and swelling", "loc-medward")
        .Vital("39156-5", "Body mass index (BMI) [Ratio]", 42.1m, "kg/m2", 1)
        .Vital("29463-7", "Body weight", 131, "kg", 1)
        .Vital("8302-2", "Body height", 176.5m, "cm", 1)
        .Vital("8310-5", "Body temperature", 37.9m, "Cel", 1)
        .Lab("6690-2", "Leukocytes [#/volume] in Blood by Automated count", 12.1m, "10*3/uL", 1)
        .Lab("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", 5.6m, "%", 1)
        .Condition("L03.116", "Cellulitis of left lower limb", 2)
        .Medication("2193", "ceftriaxone", "1 g IV every 24 hours", 2)
        .Note("34117-2", "History and physical note",
            "45M, obese, with 3 days of spreading erythema of the left lower leg. Afebrile now. Assessment: cellulitis left leg. " +
            "Plan: IV ceftriaxone, elevate leg, enoxaparin prophylaxis.", 2);
}
