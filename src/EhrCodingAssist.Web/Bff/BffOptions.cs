namespace EhrCodingAssist.Web.Bff;

/// <summary>Settings of the /fhir backend-for-frontend (configuration section "Smart:Bff").</summary>
public sealed record BffOptions
{
    /// <summary>
    /// Resource types the browser may read through /fhir. Defaults to the types the app's pages show.
    /// </summary>
    public IReadOnlyList<string> AllowedResourceTypes { get; init; } =
    [
        "Patient", "Encounter", "Condition", "Observation", "MedicationRequest", "Medication", "Procedure",
        "DocumentReference", "Binary", "Coverage", "Claim", "Practitioner", "PractitionerRole", "Location",
        "Organization", "AllergyIntolerance", "DiagnosticReport",
    ];
}
