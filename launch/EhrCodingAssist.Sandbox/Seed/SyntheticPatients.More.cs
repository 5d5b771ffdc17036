using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Seed;

/// <summary>The second half of the synthetic admissions.</summary>
internal static partial class SyntheticPatients
{
    private static PatientSeedBuilder RespiratoryFailure(DateTimeOffset admitted) => new PatientSeedBuilder("arf", admitted)
        .Patient("Gloria", "Featherstone", AdministrativeGender.Female, "1955-03-08", "SBX-1006")
        .Encounter("Worsening shortness of breath", "loc-icu", "sandbox-resident", "sandbox-nurse")
        .Vital("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", 84, "%", 0.25)
        .Vital("9279-1", "Respiratory rate", 32, "/min", 0.25)
        .Vital("8867-4", "Heart rate", 112, "/min", 0.25)
        .Lab("2703-7", "Oxygen [Partial pressure] in Arterial blood", 52, "mm[Hg]", 0.5)
        .Lab("2019-8", "Carbon dioxide [Partial pressure] in Arterial blood", 61, "mm[Hg]", 0.5)
        .Lab("2744-1", "pH of Arterial blood", 7.28m, "[pH]", 0.5)
        .Lab("2703-7", "Oxygen [Partial pressure] in Arterial blood", 9.1m, "kPa", 8)
        .Condition("J44.1", "Chronic obstructive pulmonary disease with (acute) exacerbation", 2)
        .Medication("435", "albuterol", "2.5 mg nebulized every 4 hours", 0.5)
        .Medication("8640", "prednisone", "40 mg by mouth daily", 1)
        .Procedure("371908008", "Oxygen administration by mask", 0.5)
        .Note("34117-2", "History and physical note",
            "69F with COPD, 3 days of increased dyspnea and sputum. Arrived tachypneic RR 32, SpO2 84% on room air, using accessory muscles. " +
            "ABG 7.28/61/52. Started on BiPAP. Assessment: COPD exacerbation, hypoxia. Plan: BiPAP, nebulizers, steroids.", 1)
        .Note("11506-3", "Progress note", "Tolerating BiPAP, weaned to 4 L nasal cannula overnight. Work of breathing improved.", 24);

    private static PatientSeedBuilder Malnutrition(DateTimeOffset admitted) => new PatientSeedBuilder("malnut", admitted)
        .Patient("Theodore", "Ashby", AdministrativeGender.Male, "1944-12-02", "SBX-1007")
        .Encounter("Weakness and weight loss", "loc-medward", "sandbox-nurse")
        .Vital("39156-5", "Body mass index (BMI) [Ratio]", 17.1m, "kg/m2", 1)
        .Vital("29463-7", "Body weight", 49.5m, "kg", 1)
        .Lab("1751-7", "Albumin [Mass/volume] in Serum or Plasma", 2.4m, "g/dL", 1)
        .Lab("718-7", "Hemoglobin [Mass/volume] in Blood", 10.4m, "g/dL", 1)
        .Condition("C25.9", "Malignant neoplasm of pancreas, unspecified", -24 * 60, problemList: true)
        .Note("34117-2", "History and physical note",
            "81M with pancreatic cancer, progressive weakness and poor appetite. Lost weight. Assessment: failure to thrive. Plan: dietitian consult.", 2)
        .Note("11506-3", "Nutrition note",
            "Dietitian assessment: weight 49.5 kg, down from 56.4 kg three months ago (12% loss). Intake under 50% of estimated needs for more than 1 month. " +
            "Severe muscle wasting at temples and clavicles, moderate fat loss. Meets ASPEN criteria for severe protein-calorie malnutrition. " +
            "Recommend oral supplements three times daily.", 20, "sandbox-nurse");

    private static PatientSeedBuilder Pneumonia(DateTimeOffset admitted) => new PatientSeedBuilder("pna", admitted)
        .Patient("Rosalind", "Achebe", AdministrativeGender.Female, "1962-08-19", "SBX-1008")
        .Encounter("Cough and fever", "loc-medward", "sandbox-resident")
        .Vital("8310-5", "Body temperature", 38.4m, "Cel", 0.5)
        .Vital("9279-1", "Respiratory rate", 22, "/min", 0.5)
        .Vital("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", 92, "%", 0.5)
        .Lab("6690-2", "Leukocytes [#/volume] in Blood by Automated count", 14.5m, "10*3/uL", 1)
        .Lab("2524-7", "Lactate [Moles/volume] in Serum or Plasma", 1.4m, "mmol/L", 1)
        .Culture("6460-0", "Bacteria identified in Sputum by Culture", "56415008", "Klebsiella pneumoniae", 40)
        .Condition("J18.9", "Pneumonia, unspecified organism", 3)
        .Medication("11124", "vancomycin", "15 mg/kg IV every 12 hours", 2)
        .Medication("20481", "cefepime", "2 g IV every 8 hours", 2)
        .Medication("2193", "ceftriaxone", "1 g IV every 24 hours", 43)
        .Note("34117-2", "History and physical note",
            "63F, hospitalized last month, with 4 days of productive cough, fever 38.4, right lower lobe consolidation on chest x-ray. " +
            "Assessment: pneumonia. Plan: vancomycin and cefepime given recent hospitalization, sputum and blood cultures.", 3)
        .Note("11506-3", "Progress note",
            "Sputum culture growing Klebsiella pneumoniae, sensitive to ceftriaxone. Stop vancomycin and cefepime, switch to ceftriaxone.", 42);

    private static PatientSeedBuilder AtrialFibrillation(DateTimeOffset admitted) => new PatientSeedBuilder("af", admitted)
        .Patient("Franklin", "Oyelaran", AdministrativeGender.Male, "1950-02-14", "SBX-1009")
        .Encounter("Palpitations", "loc-stepdown")
        .Vital("8867-4", "Heart rate", 138, "/min", 0.25)
        .Vital("8867-4", "Heart rate", 92, "/min", 12)
        .BloodPressure(128, 84, 0.25)
        .Lab("89579-7", "Troponin I.cardiac [Mass/volume] in Serum or Plasma by High sensitivity method", 12, "ng/L", 1)
        .Lab("6301-6", "INR in Platelet poor plasma by Coagulation assay", 1.1m, "{INR}", 1)
        .Lab("2823-3", "Potassium [Moles/volume] in Serum or Plasma", 4.1m, "mmol/L", 1)
        .Lab("33914-3", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum or Plasma by Creatinine-based formula (MDRD)", 68, "mL/min/{1.73_m2}", 1)
        .Condition("I48.91", "Unspecified atrial fibrillation", 2)
        .Medication("3443", "diltiazem", "10 mg IV then 120 mg by mouth daily", 0.5)
        .Medication("1364430", "apixaban", "5 mg by mouth twice daily", 4)
        .Note("34117-2", "History and physical note",
            "76M with palpitations, found in atrial fibrillation with rapid ventricular response, HR 138. AF first noted 8 months ago, " +
            "failed cardioversion in the spring, in AF continuously since: persistent atrial fibrillation. Plan: rate control with diltiazem, apixaban.", 2);

    private static PatientSeedBuilder Diabetes(DateTimeOffset admitted) => new PatientSeedBuilder("dm", admitted)
        .Patient("Imelda", "Kowalczyk", AdministrativeGender.Female, "1968-10-03", "SBX-1010")
        .Encounter("High blood sugars, fatigue", "loc-medward", "sandbox-nurse")
        .Lab("2345-7", "Glucose [Mass/volume] in Serum or Plasma", 386, "mg/dL", 0.5)
        .Lab("2345-7", "Glucose [Mass/volume] in Serum or Plasma", 412, "mg/dL", 8)
        .Lab("14749-6", "Glucose [Moles/volume] in Serum or Plasma", 16.2m, "mmol/L", 30)
        .Lab("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", 10.2m, "%", 1)
        .Lab("2951-2", "Sodium [Moles/volume] in Serum or Plasma", 133, "mmol/L", 1)
        .Lab("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", 1.0m, "mg/dL", 1)
        .Score("survey", "44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]", 17, 20)
        .Condition("E11.9", "Type 2 diabetes mellitus without complications", 2)
        .Medication("274783", "insulin glargine", "20 units subcutaneous at bedtime", 3)
        .Medication("86009", "insulin lispro", "sliding scale subcutaneous with meals", 3)
        .Medication("6809", "metformin", "hold", 3)
        .Note("34117-2", "History and physical note",
            "56F with type 2 diabetes, ran out of metformin 6 weeks ago, polyuria and fatigue. Glucose 386, no ketones, anion gap normal. " +
            "Assessment: type 2 diabetes, uncontrolled. Plan: basal-bolus insulin, diabetes education.", 2)
        .Note("11506-3", "Progress note", "PHQ-9 score 17 on screening today. Glucose down to the 200s on insulin. Social work to see.", 22);

    private static PatientSeedBuilder Telehealth(DateTimeOffset visit) => new PatientSeedBuilder("tele", visit)
        .Patient("Priya", "Ramanathan", AdministrativeGender.Female, "1971-05-21", "SBX-1011")
        .VirtualVisit("Blood pressure follow-up")
        .BloodPressure(146, 92, 0.1)
        .Condition("I10", "Essential (primary) hypertension", 0.3)
        .ProfessionalService("99214", "Established patient video visit, moderate medical decision making", 0.3)
        .Note("11506-3", "Progress note",
            "Telehealth video visit (synchronous audio and video); the patient joined from her home. Home blood pressure log averages 146/92 " +
            "on amlodipine 5 mg daily. Assessment: essential hypertension, not at goal. Plan: amlodipine 10 mg daily, recheck by video in 4 weeks.", 0.5);
}
