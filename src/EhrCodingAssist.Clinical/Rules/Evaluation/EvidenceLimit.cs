using EhrCodingAssist.Clinical.Rules.FhirPath;
using EhrCodingAssist.Clinical.Snapshot;
using EhrCodingAssist.Clinical.Units;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Rules.Evaluation;

/// <summary>
/// Caps what one evidence selector contributes, before any summary is built: a rule that selects every vital of a
/// five-day stay shows the lowest, the highest and the latest value, not a thousand lines.
/// </summary>
internal static class EvidenceLimit
{
    /// <summary>
    /// The nodes to keep, in selection order. Within the limit everything is kept. Over it, when the selection holds
    /// measurements (Observations with a numeric value), the lowest, the highest and the latest are kept first (values
    /// compared in the analyte's unit), then the latest others; other resources keep the first ones selected.
    /// </summary>
    public static IReadOnlyList<PocoNode> Apply(IEnumerable<PocoNode> selected, int? limit, SnapshotIndex index)
    {
        var nodes = selected as IReadOnlyList<PocoNode> ?? selected.ToList();
        if (limit is not { } max || nodes.Count <= max)
        {
            return nodes;
        }

        // observations('x') is the same list for every rule of the evaluation: choose once.
        return index.Limited(nodes, max, n => Choose(n, max, index));
    }

    private static List<PocoNode> Choose(IReadOnlyList<PocoNode> nodes, int max, SnapshotIndex index)
    {
        var measured = new List<(int Position, decimal Value, DateTimeOffset? Time)>();
        for (var i = 0; i < nodes.Count; i++)
        {
            if (ValueOf(nodes[i], index) is { } v)
            {
                measured.Add((i, v, Measures.TimeOf(nodes[i], index)));
            }
        }

        if (measured.Count == 0)
        {
            return nodes.Take(max).ToList();
        }

        var keep = new SortedSet<int>();
        (int Position, decimal Value, DateTimeOffset? Time) low = measured[0], high = measured[0], latest = measured[0];
        foreach (var m in measured)
        {
            low = m.Value < low.Value ? m : low;
            high = m.Value > high.Value ? m : high;
            latest = Nullable.Compare(m.Time, latest.Time) >= 0 ? m : latest;
        }

        foreach (var pick in new[] { low.Position, high.Position, latest.Position })
        {
            if (keep.Count < max)
            {
                keep.Add(pick);
            }
        }

        // Fill up to the limit with the most recent of the rest (measurements first, then anything else); the sort
        // is skipped when lowest, highest and latest already fill it (the usual case).
        foreach (var m in keep.Count >= max ? Enumerable.Empty<(int Position, decimal Value, DateTimeOffset? Time)>() : measured.OrderByDescending(m => m.Time).ThenByDescending(m => m.Position))
        {
            if (keep.Count >= max)
            {
                break;
            }

            keep.Add(m.Position);
        }

        for (var i = 0; i < nodes.Count && keep.Count < max; i++)
        {
            keep.Add(i);
        }

        return keep.Select(i => nodes[i]).ToList();
    }

    private static decimal? ValueOf(PocoNode node, SnapshotIndex index)
    {
        if (SnapshotIndex.AnalyteOf(node) is { } analyte)
        {
            return analyte.Quantity is { Value: { } v } q
                && UcumConverter.TryConvert(v, q.Code ?? q.Unit, analyte.Analyte.Unit, analyte.Analyte.MolarMass, out var canonical)
                ? canonical
                : analyte.Quantity?.Value;
        }

        return node.Poco is Observation { Value: Quantity { Value: { } raw } } ? raw : null;
    }
}
