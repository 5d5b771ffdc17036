using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Snapshot;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>Builds the R4 Claim (status draft) from the encounter snapshot and the coder's working set.</summary>
internal static class ClaimBuilder
{
    public const string ClaimIdentifierSystem = "urn:ehrcodingassist:claim";
    private const string ClaimTypeSystem = "http://terminology.hl7.org/CodeSystem/claim-type";
    private const string DiagnosisTypeSystem = "http://terminology.hl7.org/CodeSystem/ex-diagnosistype";
    private const string OnAdmissionSystem = "http://terminology.hl7.org/CodeSystem/ex-diagnosis-on-admission";
    private const string PoaExemptSystem = "urn:ehrcodingassist:poa";
    private const string PrioritySystem = "http://terminology.hl7.org/CodeSystem/processpriority";
    private const string PlaceOfServiceSystem = "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";

    public static Claim Build(EncounterSnapshot snapshot, WorkbenchState state, string claimKey, string? provider, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(state);
        var type = EncounterCoding.ClaimType(snapshot);
        var claim = new Claim
        {
            Identifier = [new Identifier(ClaimIdentifierSystem, claimKey)],
            Status = FinancialResourceStatusCodes.Draft,
            Type = new CodeableConcept(ClaimTypeSystem, type, type == "institutional" ? "Institutional" : "Professional"),
            Use = ClaimUseCode.Claim,
            // A missing patient leaves the element empty: validation then refuses the Claim before it is sent.
            Patient = snapshot.PatientReference is { } patient ? new ResourceReference(patient) : null!,
            BillablePeriod = snapshot.Encounter.Period is { } period ? new Period { Start = period.Start, End = period.End } : null,
            CreatedElement = new FhirDateTime(now),
            Provider = provider is null ? null! : new ResourceReference(provider),
            Priority = new CodeableConcept(PrioritySystem, "normal", "Normal"),
            Insurance = [.. CoverageSelection.ActiveOn(snapshot).Select((c, i) => new Claim.InsuranceComponent
            {
                Sequence = i + 1,
                Focal = i == 0,
                Coverage = new ResourceReference("Coverage/" + c.Id),
            })],
            Diagnosis = [.. state.Diagnoses.OrderBy(d => d.Sequence).Select(d => Diagnosis(d, snapshot))],
            Procedure = [.. snapshot.Resources.OfType<Procedure>().Select((p, i) => new Claim.ProcedureComponent
            {
                Sequence = i + 1,
                Date = p.Performed is FhirDateTime dt ? dt.Value : (p.Performed as Period)?.Start,
                Procedure = new ResourceReference("Procedure/" + p.Id),
            })],
            Item = [.. state.Lines.Select((l, i) => Item(l, i + 1, state, snapshot))],
        };
        return claim;
    }

    public static string? Provider(EncounterSnapshot snapshot, string? fhirUser) =>
        snapshot.Encounter.ServiceProvider?.Reference
        ?? snapshot.Encounter.Participant.Select(p => p.Individual?.Reference).FirstOrDefault(r => r is not null)
        ?? fhirUser;

    private static Claim.DiagnosisComponent Diagnosis(DiagnosisEntry entry, EncounterSnapshot snapshot)
    {
        var principal = entry.Sequence == 1;
        var diagnosis = new Claim.DiagnosisComponent
        {
            Sequence = entry.Sequence,
            Diagnosis = new CodeableConcept(CodeRef.Icd10Cm, entry.Code, entry.Display, null),
            Type = [new CodeableConcept(DiagnosisTypeSystem, principal ? "principal" : "secondary", principal ? "Principal Diagnosis" : "Secondary Diagnosis")],
        };
        if (entry.Poa is { Length: > 0 } poa && EncounterCoding.ClaimType(snapshot) == "institutional")
        {
            diagnosis.OnAdmission = poa == "1"
                ? new CodeableConcept(PoaExemptSystem, "1", "Exempt from POA reporting", "1")
                : new CodeableConcept(OnAdmissionSystem, poa.ToLowerInvariant(), null, poa.ToUpperInvariant());
        }

        return diagnosis;
    }

    /// <summary>
    /// A modifier's own code system, whatever the line's: two-digit numeric modifiers (25, 59, 95 …) are CPT (Level I)
    /// modifiers, alphanumeric ones (LT, GT, XS, Q5 …) HCPCS Level II modifiers.
    /// </summary>
    internal static string ModifierSystem(string modifier) =>
        modifier.Length == 2 && modifier.All(char.IsAsciiDigit) ? CodeRef.Cpt : CodeRef.Hcpcs;

    private static Claim.ItemComponent Item(LineEntry line, int sequence, WorkbenchState state, EncounterSnapshot snapshot)
    {
        var system = EncounterCoding.ParseSystem(line.System) == Clinical.Coding.ServiceCodeSystem.Hcpcs ? CodeRef.Hcpcs : CodeRef.Cpt;
        var date = line.Date ?? EncounterCoding.DateOfService(snapshot);
        var item = new Claim.ItemComponent
        {
            Sequence = sequence,
            // CPT: code only, never a description.
            ProductOrService = new CodeableConcept { Coding = [new Coding(system, line.Code)] },
            Modifier = [.. line.Modifiers.Select(m => new CodeableConcept { Coding = [new Coding(ModifierSystem(m), m)] })],
            Quantity = new Quantity { Value = line.Units },
            Serviced = new Date(date.Year, date.Month, date.Day),
            DiagnosisSequence = [.. line.Pointers.Select(p => (int?)p)],
            Encounter = [new ResourceReference(snapshot.EncounterReference)],
        };
        if (state.PlaceOfService is { Length: > 0 } pos)
        {
            item.Location = new CodeableConcept(PlaceOfServiceSystem, pos);
        }

        return item;
    }
}
