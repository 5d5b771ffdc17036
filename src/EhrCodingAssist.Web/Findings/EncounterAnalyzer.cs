using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Snapshot;
using EhrCodingAssist.Web.Encounters;
using EhrCodingAssist.Web.Session;

namespace EhrCodingAssist.Web.Findings;

/// <summary>An encounter's snapshot and the findings the rule pack produced on it.</summary>
public sealed record EncounterAnalysis(EncounterSnapshot Snapshot, IReadOnlyList<Finding> Findings);

/// <summary>Loads the session's encounter from the EHR and evaluates the rule pack on it.</summary>
public sealed class EncounterAnalyzer(IEncounterSnapshotLoader loader, IFindingsEvaluator engine)
{
    /// <summary>
    /// Analyses <paramref name="encounterId"/>, which must be the session's encounter in context; throws
    /// <see cref="EncounterNotInContextException"/> otherwise.
    /// </summary>
    public async Task<EncounterAnalysis> AnalyzeAsync(SmartSession session, string encounterId, CancellationToken ct)
    {
        if (session.EncounterId is null || !string.Equals(session.EncounterId, encounterId, StringComparison.Ordinal))
        {
            throw new EncounterNotInContextException("The encounter is not the one in the launch context.");
        }

        var snapshot = await loader.LoadAsync(session, encounterId, ct);
        return new(snapshot, engine.Evaluate(snapshot, ct));
    }
}
