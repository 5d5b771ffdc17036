using Hl7.Fhir.Model;

namespace EhrCodingAssist.Web.Encounters;

/// <summary>Human-readable parts of an Encounter for the page: class, location, attending.</summary>
public static class EncounterText
{
    private const string ParticipationTypeSystem = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    /// <summary>The encounter class display ("inpatient encounter"), else its code ("IMP").</summary>
    public static string Class(Encounter encounter) =>
        encounter.Class?.Display ?? encounter.Class?.Code ?? "Encounter";

    /// <summary>The first location's display, or null.</summary>
    public static string? Location(Encounter encounter) =>
        encounter.Location.Select(l => l.Location?.Display).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));

    /// <summary>The attending (participant type ATND), else the first participant with a name.</summary>
    public static string? Attending(Encounter encounter)
    {
        var attending = encounter.Participant.FirstOrDefault(p => p.Type.Any(t => t.Coding.Any(c =>
            c.Code == "ATND" && (c.System is null || c.System == ParticipationTypeSystem))));
        return attending?.Individual?.Display
            ?? encounter.Participant.Select(p => p.Individual?.Display).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));
    }

    /// <summary>A concept's text, else its first coding's display, else its first code.</summary>
    public static string? Concept(CodeableConcept? concept) =>
        concept is null ? null
        : concept.Text ?? concept.Coding.Select(c => c.Display).FirstOrDefault(d => d is not null)
            ?? concept.Coding.Select(c => c.Code).FirstOrDefault(c => c is not null);
}
