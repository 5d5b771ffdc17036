using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Seed;

/// <summary>The shared, non-patient seed resources: the three role Practitioners and colleagues, the hospital, the payer, wards.</summary>
internal static class SeedDirectory
{
    /// <summary>The display text of a seeded Practitioner or Location id, for reference displays.</summary>
    public static string? Display(string id) => Build().FirstOrDefault(r => r.Id == id) switch
    {
        Practitioner p => p.Name[0].Text,
        Location l => l.Name,
        _ => null,
    };

    public static IEnumerable<Resource> Build()
    {
        yield return Practitioner("sandbox-physician", "Avery", "Quinn", "Dr.", "Attending physician (hospital medicine)");
        yield return Practitioner("sandbox-cdi", "Jordan", "Lee", null, "Clinical documentation improvement specialist");
        yield return Practitioner("sandbox-coder", "Sam", "Rivera", null, "Inpatient coder");
        yield return Practitioner("sandbox-resident", "Kai", "Moreno", "Dr.", "Resident physician");
        yield return Practitioner("sandbox-consultant", "Noor", "Haddad", "Dr.", "Consulting physician (nephrology)");
        yield return Practitioner("sandbox-nurse", "Robin", "Park", null, "Registered nurse");
        yield return new Organization
        {
            Id = "sandbox-hospital",
            Active = true,
            Name = "Sandbox General Hospital (synthetic)",
            Type = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/organization-type", "prov", "Healthcare Provider")],
            Identifier = [new Identifier("http://hl7.org/fhir/sid/us-npi", "1234567893")],
        };
        yield return new Organization
        {
            Id = "sandbox-payer",
            Active = true,
            Name = "Sandbox Health Plan (synthetic)",
            Type = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/organization-type", "pay", "Payer")],
        };
        yield return Location("loc-medward", "Medical ward 4 East");
        yield return Location("loc-icu", "Medical intensive care unit");
        yield return Location("loc-stepdown", "Cardiac step-down unit");
    }

    private static Practitioner Practitioner(string id, string given, string family, string? prefix, string role) => new()
    {
        Id = id,
        Active = true,
        Identifier = [new Identifier("urn:ehrcodingassist:sandbox:staff", id)],
        Name = [new HumanName { Family = family, Given = [given], Prefix = prefix is null ? [] : [prefix], Text = $"{prefix} {given} {family}".Trim() }],
        Qualification = [new Practitioner.QualificationComponent { Code = new CodeableConcept { Text = role } }],
    };

    private static Location Location(string id, string name) => new()
    {
        Id = id,
        Status = Hl7.Fhir.Model.Location.LocationStatus.Active,
        Name = name,
        ManagingOrganization = new ResourceReference("Organization/sandbox-hospital"),
        PhysicalType = new CodeableConcept("http://terminology.hl7.org/CodeSystem/location-physical-type", "wa", "Ward"),
    };
}
