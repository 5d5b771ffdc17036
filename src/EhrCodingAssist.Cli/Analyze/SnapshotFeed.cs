using EhrCodingAssist.Clinical.Ingest;
using EhrCodingAssist.Clinical.Snapshot;

namespace EhrCodingAssist.Cli.Analyze;

/// <summary>
/// All snapshots of an <see cref="InputSet"/>: each JSON file in turn, then every NDJSON file together (a Bulk Data
/// export spreads one patient over one file per resource type), streamed by <see cref="NdjsonSnapshotSource"/>.
/// Skipped NDJSON lines are reported as "file:line: reason" on stderr.
/// </summary>
internal static class SnapshotFeed
{
    public static IEnumerable<EncounterSnapshot> Read(InputSet inputs, TextWriter stderr, CancellationToken cancellationToken)
    {
        foreach (var file in inputs.JsonFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var snapshot in JsonFileReader.Read(file, stderr))
            {
                yield return snapshot;
            }
        }

        if (inputs.NdjsonFiles.Count == 0)
        {
            yield break;
        }

        using var source = NdjsonSnapshotSource.Open(inputs.NdjsonFiles, error => stderr.WriteLine("ehrcoding: skipped " + error));
        foreach (var snapshot in source.ReadSnapshots(cancellationToken: cancellationToken))
        {
            yield return snapshot;
        }
    }
}
