using FhirCoding = Hl7.Fhir.Model.Coding;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Rules.FhirPath;

/// <summary>The codings that identify what a resource is (its code, medication, vaccine …).</summary>
internal static class Codings
{
    public static IEnumerable<FhirCoding> Of(Base? resource) => resource switch
    {
        Condition c => Concept(c.Code),
        Procedure p => Concept(p.Code),
        Observation o => Concept(o.Code).Concat(Concept(o.Value as CodeableConcept)),
        MedicationRequest m => Concept(m.Medication as CodeableConcept),
        MedicationAdministration a => Concept(a.Medication as CodeableConcept),
        MedicationStatement s => Concept(s.Medication as CodeableConcept),
        Medication med => Concept(med.Code),
        Immunization i => Concept(i.VaccineCode),
        AllergyIntolerance ai => Concept(ai.Code),
        DiagnosticReport dr => Concept(dr.Code),
        ServiceRequest sr => Concept(sr.Code),
        Encounter e => e.Type.SelectMany(Concept).Concat(e.ReasonCode.SelectMany(Concept)),
        DocumentReference d => Concept(d.Type),
        CodeableConcept cc => cc.Coding,
        FhirCoding coding => [coding],
        _ => [],
    };

    private static IEnumerable<FhirCoding> Concept(CodeableConcept? c) => c?.Coding ?? [];
}
