using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Web.Session;

namespace EhrCodingAssist.Web.Queries;

/// <summary>A person on the encounter who can be asked (Encounter.participant).</summary>
/// <param name="Reference">"Practitioner/{id}".</param>
/// <param name="Display">Name as the EHR shows it.</param>
/// <param name="IsAttending">Participant type ATND.</param>
public sealed record EncounterParticipant(string Reference, string? Display, bool IsAttending);

/// <summary>What a query is built from: the encounter's patient, participants and rule findings.</summary>
public sealed record EncounterQueryContext(string? PatientId, IReadOnlyList<EncounterParticipant> Participants, IReadOnlyList<Finding> Findings);

/// <summary>Loads the encounter and its findings for the query feature (rules are evaluated by the findings service).</summary>
public interface IQueryFindingSource
{
    /// <summary>The encounter's context; throws when the encounter cannot be read.</summary>
    Task<EncounterQueryContext> LoadAsync(SmartSession session, string encounterId, CancellationToken ct);
}
