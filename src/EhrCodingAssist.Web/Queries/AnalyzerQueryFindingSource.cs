using EhrCodingAssist.Web.Findings;
using EhrCodingAssist.Web.Session;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EhrCodingAssist.Web.Queries;

/// <summary>Gets query findings from the findings feature's <see cref="EncounterAnalyzer"/> (no second rule evaluation).</summary>
internal sealed class AnalyzerQueryFindingSource(EncounterAnalyzer analyzer) : IQueryFindingSource
{
    private const string ParticipationTypeSystem = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    public async Task<EncounterQueryContext> LoadAsync(SmartSession session, string encounterId, CancellationToken ct)
    {
        var analysis = await analyzer.AnalyzeAsync(session, encounterId, ct).ConfigureAwait(false);
        var patient = analysis.Snapshot.PatientReference?.Split('/').LastOrDefault();
        return new EncounterQueryContext(patient, Participants(analysis.Snapshot.Encounter), analysis.Findings);
    }

    /// <summary>The encounter's practitioner participants; ATND marks the attending.</summary>
    internal static IReadOnlyList<EncounterParticipant> Participants(Encounter encounter) =>
        encounter.Participant
            .Where(p => p.Individual?.Reference?.StartsWith("Practitioner/", StringComparison.Ordinal) == true)
            .Select(p => new EncounterParticipant(
                p.Individual!.Reference!,
                p.Individual.Display,
                p.Type.Any(t => t.Coding.Any(c => c.System == ParticipationTypeSystem && c.Code == "ATND"))))
            .DistinctBy(p => p.Reference)
            .ToList();
}

/// <summary>Registers <see cref="AnalyzerQueryFindingSource"/> unless a source is already registered.</summary>
public static partial class QueryFeature
{
    static partial void AddFindingSource(IServiceCollection services) =>
        services.TryAddScoped<IQueryFindingSource, AnalyzerQueryFindingSource>();
}
