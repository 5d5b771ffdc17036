using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Snapshot;

/// <summary>Which resources of the snapshot belong to the encounter.</summary>
public sealed partial class SnapshotIndex
{
    private static readonly HashSet<string> ActiveClinical = new(StringComparer.Ordinal) { "active", "recurrence", "relapse" };

    private bool IsEncounterCondition(Condition c)
    {
        if (c.VerificationStatus?.Coding.Any(x => x.Code is "refuted" or "entered-in-error") == true)
        {
            return false;
        }

        if (References.Matches(c.Encounter, EncounterRef))
        {
            return true;
        }

        // Otherwise a condition of the patient counts when it was present during the encounter: onset before its end,
        // and either still active or abated after its start.
        var onset = FhirDates.Of(c.Onset) ?? FhirDates.Parse(c.RecordedDate);
        if (onset is { } o && End is { } end && o > end)
        {
            return false;
        }

        var abated = FhirDates.Of(c.Abatement);
        if (abated is { } a && Start is { } start)
        {
            return a >= start;
        }

        return c.ClinicalStatus?.Coding.Any(x => x.Code is not null && ActiveClinical.Contains(x.Code)) == true;
    }

    private bool IsEncounterMedication(MedicationRequest m)
    {
        if (m.Status is not (MedicationRequest.MedicationrequestStatus.Active or MedicationRequest.MedicationrequestStatus.Completed
            or MedicationRequest.MedicationrequestStatus.OnHold))
        {
            return false;
        }

        if (References.Matches(m.Encounter, EncounterRef))
        {
            return true;
        }

        var authored = FhirDates.Parse(m.AuthoredOn);
        if (authored is { } a && End is { } end && a > end)
        {
            return false;
        }

        return InPeriod(authored) || m.Status == MedicationRequest.MedicationrequestStatus.Active;
    }

    private bool IsEncounterNote(DocumentReference d)
    {
        if (d.Status == DocumentReferenceStatus.EnteredInError)
        {
            return false;
        }

        return d.Context?.Encounter.Any(e => References.Matches(e, EncounterRef)) == true
            || InPeriod(d.Date) || InPeriod(FhirDates.Parse(d.Context?.Period?.Start));
    }
}
