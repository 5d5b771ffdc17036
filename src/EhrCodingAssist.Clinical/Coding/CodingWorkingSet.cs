namespace EhrCodingAssist.Clinical.Coding;

/// <summary>Administrative sex as recorded on the patient (FHIR Patient.gender).</summary>
public enum AdministrativeSex
{
    /// <summary>Unknown or not recorded: sex edits are not applied.</summary>
    Unknown,

    /// <summary>Female.</summary>
    Female,

    /// <summary>Male.</summary>
    Male,

    /// <summary>Other: sex edits are not applied.</summary>
    Other,
}

/// <summary>The code system of a procedure or service line.</summary>
public enum ServiceCodeSystem
{
    /// <summary>CPT (HCPCS Level I), codes only.</summary>
    Cpt,

    /// <summary>HCPCS Level II.</summary>
    Hcpcs,
}

/// <summary>One coded diagnosis: ICD-10-CM code, its order (1 = principal/first-listed) and POA indicator.</summary>
public sealed record CodedDiagnosis(string Code, int Sequence)
{
    /// <summary>Present on admission: Y, N, U, W or 1 (exempt); null when not given.</summary>
    public string? Poa { get; init; }
}

/// <summary>One procedure or service line.</summary>
public sealed record ServiceLine(string Code, ServiceCodeSystem System)
{
    /// <summary>Modifiers a claim line carries at most (837 SV1/SV2, CMS-1500 24D, UB-04 FL 44).</summary>
    public const int MaxModifiers = 4;

    /// <summary>Diagnosis pointers a claim line carries at most (837P SV107, CMS-1500 24E).</summary>
    public const int MaxPointers = 4;

    /// <summary>Up to <see cref="MaxModifiers"/> modifiers, e.g. "95", "59", "LT".</summary>
    public IReadOnlyList<string> Modifiers { get; init; } = [];

    /// <summary>Units of service.</summary>
    public int Units { get; init; } = 1;

    /// <summary>Date of the service; the working set's date of service when null.</summary>
    public DateOnly? ServiceDate { get; init; }

    /// <summary>Up to <see cref="MaxPointers"/> diagnosis sequences this line points to.</summary>
    public IReadOnlyList<int> DiagnosisPointers { get; init; } = [];

    /// <summary>CMS place-of-service code for this line; the working set's when null.</summary>
    public string? PlaceOfService { get; init; }
}

/// <summary>The coder's working set for one encounter: the input of <see cref="CodingEditEngine"/>.</summary>
public sealed record CodingWorkingSet
{
    /// <summary>Date of service (admission date for inpatient); selects the ICD-10-CM fiscal year.</summary>
    public required DateOnly DateOfService { get; init; }

    /// <summary>FHIR Encounter.class code (v3 ActCode: IMP, ACUTE, NONAC, AMB, EMER, VR, HH …).</summary>
    public string? EncounterClass { get; init; }

    /// <summary>True when the encounter's service type says the visit was virtual (telehealth).</summary>
    public bool IsVirtualService { get; init; }

    /// <summary>Patient age in whole years on the date of service; null when unknown (age edits skipped).</summary>
    public int? PatientAgeYears { get; init; }

    /// <summary>Patient administrative sex.</summary>
    public AdministrativeSex PatientSex { get; init; }

    /// <summary>Claim-level CMS place-of-service code (two digits, e.g. "02", "10", "11").</summary>
    public string? PlaceOfService { get; init; }

    /// <summary>The coded diagnoses.</summary>
    public IReadOnlyList<CodedDiagnosis> Diagnoses { get; init; } = [];

    /// <summary>The procedure and service lines.</summary>
    public IReadOnlyList<ServiceLine> Lines { get; init; } = [];

    /// <summary>
    /// Number of the patient's Coverages active on the date of service; null when not known (the coverage edit is
    /// then skipped, e.g. for a CLI run over files without Coverage).
    /// </summary>
    public int? ActiveCoverages { get; init; }

    /// <summary>The encounter's payers in coverage order (the first is primary); selects the payer rules. Empty when not known.</summary>
    public IReadOnlyList<Reference.PayerRef> Payers { get; init; } = [];

    /// <summary>ICD-10-CM codes documented in the record (encounter Conditions, answered queries), coded or not.</summary>
    public IReadOnlyList<string> DocumentedCodes { get; init; } = [];

    /// <summary>Inpatient classes need POA indicators.</summary>
    public bool IsInpatient => EncounterClass is "IMP" or "ACUTE" or "NONAC";

    /// <summary>Virtual encounter (class VR or a virtual service type).</summary>
    public bool IsTelehealth => EncounterClass == "VR" || IsVirtualService;

    /// <summary>Whole years between the birth date and the date of service (for <see cref="PatientAgeYears"/>).</summary>
    public static int AgeInYears(DateOnly birthDate, DateOnly dateOfService)
    {
        var age = dateOfService.Year - birthDate.Year;
        return dateOfService < birthDate.AddYears(age) ? age - 1 : age;
    }

    /// <summary>The diagnosis with the lowest sequence, or null.</summary>
    public CodedDiagnosis? Principal => Diagnoses.OrderBy(d => d.Sequence).FirstOrDefault();
}
