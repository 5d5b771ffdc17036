using EhrCodingAssist.Clinical.Coding;
using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Snapshot;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>Reads what the coder needs from an encounter snapshot: documented codes, procedures, class and dates.</summary>
internal static class EncounterCoding
{
    private static readonly HashSet<string> InstitutionalClasses = new(StringComparer.Ordinal) { "IMP", "ACUTE", "NONAC", "EMER", "OBSENC", "SS" };

    public static string? ClassCode(EncounterSnapshot snapshot) => snapshot.Encounter.Class?.Code;

    /// <summary>"institutional" for inpatient, emergency and observation encounters; "professional" otherwise.</summary>
    public static string ClaimType(EncounterSnapshot snapshot) =>
        ClassCode(snapshot) is { } c && InstitutionalClasses.Contains(c) ? "institutional" : "professional";

    public static DateOnly DateOfService(EncounterSnapshot snapshot) => DateOfService(snapshot.Encounter, snapshot.AsOf);

    /// <summary>The encounter's period start (UTC date), else <paramref name="asOf"/> (an encounter without a start).</summary>
    public static DateOnly DateOfService(Encounter encounter, DateTimeOffset asOf)
    {
        var start = encounter.Period?.StartElement?.ToDateTimeOffset(TimeSpan.Zero) ?? asOf;
        return DateOnly.FromDateTime(start.UtcDateTime);
    }

    public static bool IsVirtualService(EncounterSnapshot snapshot) =>
        snapshot.Encounter.ServiceType?.Coding.Any(c => Mentions(c.Display) || Mentions(c.Code)) == true || Mentions(snapshot.Encounter.ServiceType?.Text);

    private static bool Mentions(string? text) =>
        text is not null && (text.Contains("virtual", StringComparison.OrdinalIgnoreCase) || text.Contains("telehealth", StringComparison.OrdinalIgnoreCase));

    /// <summary>The encounter's Conditions that carry an ICD-10-CM code.</summary>
    public static IReadOnlyList<DocumentedDiagnosis> DocumentedConditions(EncounterSnapshot snapshot)
    {
        var encounter = snapshot.EncounterReference;
        var ranked = snapshot.Encounter.Diagnosis
            .Select(d => (Reference: d.Condition?.Reference, Rank: d.Rank ?? int.MaxValue))
            .Where(d => d.Reference is not null)
            .ToDictionary(d => d.Reference!, d => d.Rank, StringComparer.Ordinal);
        return [.. snapshot.Resources.OfType<Condition>()
            .Where(c => c.Encounter?.Reference is { } r && (r == encounter || r.EndsWith("/" + encounter, StringComparison.Ordinal)))
            .Select(c => (Condition: c, Coding: c.Code?.Coding.FirstOrDefault(x => x.System == CodeRef.Icd10Cm)))
            .Where(x => x.Coding?.Code is not null)
            .OrderBy(x => ranked.GetValueOrDefault("Condition/" + x.Condition.Id, int.MaxValue))
            .Select(x => new DocumentedDiagnosis(x.Coding!.Code!, x.Coding.Display ?? x.Condition.Code?.Text, "condition", "Condition/" + x.Condition.Id))];
    }

    public static IReadOnlyList<ProcedureView> Procedures(EncounterSnapshot snapshot) =>
        [.. snapshot.Resources.OfType<Procedure>().Select(p =>
        {
            var coding = p.Code?.Coding.FirstOrDefault();
            var date = p.Performed switch
            {
                FhirDateTime dt => dt.Value,
                Period period => period.Start,
                _ => null,
            };
            // CPT descriptions are never shown: only the code.
            var display = coding?.System == CodeRef.Cpt ? null : coding?.Display ?? p.Code?.Text;
            return new ProcedureView("Procedure/" + p.Id, coding?.Code, coding?.System, display, date);
        })];

    public static AdministrativeSex Sex(Patient? patient) => patient?.Gender switch
    {
        AdministrativeGender.Female => AdministrativeSex.Female,
        AdministrativeGender.Male => AdministrativeSex.Male,
        AdministrativeGender.Other => AdministrativeSex.Other,
        _ => AdministrativeSex.Unknown,
    };

    public static int? Age(Patient? patient, DateOnly dateOfService) =>
        patient?.BirthDate is { Length: >= 10 } text
        && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var birth)
            ? CodingWorkingSet.AgeInYears(birth, dateOfService)
            : null;

    /// <summary>The working set in the edit engine's terms.</summary>
    public static CodingWorkingSet ToEngineInput(EncounterSnapshot snapshot, WorkbenchState state, IEnumerable<string> documentedCodes)
    {
        var date = DateOfService(snapshot);
        return new CodingWorkingSet
        {
            DateOfService = date,
            EncounterClass = ClassCode(snapshot),
            IsVirtualService = IsVirtualService(snapshot),
            PatientAgeYears = Age(snapshot.Patient, date),
            PatientSex = Sex(snapshot.Patient),
            PlaceOfService = state.PlaceOfService,
            Diagnoses = [.. state.Diagnoses.Select(d => new CodedDiagnosis(d.Code, d.Sequence) { Poa = d.Poa })],
            Lines = [.. state.Lines.Select(l => new ServiceLine(l.Code, ParseSystem(l.System))
            {
                Modifiers = l.Modifiers,
                Units = l.Units,
                ServiceDate = l.Date,
                DiagnosisPointers = l.Pointers,
            })],
            DocumentedCodes = [.. documentedCodes],
        };
    }

    public static ServiceCodeSystem ParseSystem(string system) =>
        string.Equals(system, "hcpcs", StringComparison.OrdinalIgnoreCase) ? ServiceCodeSystem.Hcpcs : ServiceCodeSystem.Cpt;
}
