using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Snapshot;

namespace EhrCodingAssist.Web.Findings;

/// <summary>Evaluates the app's rule pack on a snapshot; one per app, thread-safe.</summary>
public interface IFindingsEvaluator
{
    /// <summary>The pack's name and version, e.g. "core 2026.1.0", shown on the page.</summary>
    string PackLabel { get; }

    /// <summary>Every finding of the pack's rules (for the configured criteria sets) on the snapshot.</summary>
    IReadOnlyList<Finding> Evaluate(EncounterSnapshot snapshot, CancellationToken ct);
}
