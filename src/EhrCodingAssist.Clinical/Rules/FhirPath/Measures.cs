using EhrCodingAssist.Clinical.Snapshot;
using EhrCodingAssist.Clinical.Units;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Clinical.Rules.FhirPath;

/// <summary>Numeric helpers over Observation nodes: values in a unit, rises and ratios over time windows.</summary>
internal static class Measures
{
    public static DateTimeOffset? TimeOf(PocoNode node, SnapshotIndex index) =>
        SnapshotIndex.AnalyteOf(node)?.Time ?? node.Poco switch
        {
            Observation o => FhirDates.Of(o),
            Condition c => FhirDates.Of(c.Onset) ?? FhirDates.Parse(c.RecordedDate),
            MedicationRequest m => FhirDates.Parse(m.AuthoredOn),
            Procedure p => FhirDates.Of(p.Performed),
            DocumentReference d => d.Date,
            _ => null,
        };

    /// <summary>Each node's value converted to <paramref name="unit"/>, in time order; unconvertible values dropped.</summary>
    public static List<(DateTimeOffset? Time, decimal Value)> ValuesIn(IEnumerable<PocoNode> focus, string unit, SnapshotIndex index) =>
        index.ValuesOf(focus, unit, (nodes, u) => Compute(nodes, u, index));

    private static List<(DateTimeOffset? Time, decimal Value)> Compute(IEnumerable<PocoNode> focus, string unit, SnapshotIndex index)
    {
        var result = new List<(DateTimeOffset?, decimal)>();
        foreach (var node in focus)
        {
            var analyte = SnapshotIndex.AnalyteOf(node);
            var (quantity, time, molarMass) = analyte is not null
                ? (analyte.Quantity, analyte.Time, analyte.Analyte.MolarMass)
                : node.Poco is Observation o ? (o.Value as Quantity, FhirDates.Of(o), null) : (node.Poco as Quantity, null, (decimal?)null);
            if (quantity?.Value is { } v && UcumConverter.TryConvert(v, quantity.Code ?? quantity.Unit, unit, molarMass, out var converted))
            {
                result.Add((time, converted));
            }
        }

        result.Sort(static (a, b) => Nullable.Compare(a.Item1, b.Item1));
        return result;
    }

    /// <summary>Values in each analyte's canonical unit (nodes not from <c>observations()</c> are used as recorded).</summary>
    public static List<(DateTimeOffset? Time, decimal Value)> CanonicalValues(IEnumerable<PocoNode> focus, SnapshotIndex index)
    {
        var result = new List<(DateTimeOffset?, decimal)>();
        foreach (var node in focus)
        {
            var analyte = SnapshotIndex.AnalyteOf(node);
            if (analyte is null)
            {
                if (node.Poco is Observation { Value: Quantity { Value: { } raw } } o)
                {
                    result.Add((FhirDates.Of(o), raw));
                }

                continue;
            }

            if (analyte.Quantity is { Value: { } v } q && UcumConverter.TryConvert(v, q.Code ?? q.Unit, analyte.Analyte.Unit, analyte.Analyte.MolarMass, out var c))
            {
                result.Add((analyte.Time, c));
            }
        }

        result.Sort(static (a, b) => Nullable.Compare(a.Item1, b.Item1));
        return result;
    }

    /// <summary>Largest increase from an earlier to a later value at most <paramref name="window"/> apart (≥ 0), or null.</summary>
    public static decimal? RiseWithin(List<(DateTimeOffset? Time, decimal Value)> values, TimeSpan window)
    {
        var timed = values.Where(v => v.Time is not null).ToList();
        if (timed.Count == 0)
        {
            return null;
        }

        decimal best = 0;
        for (var j = 1; j < timed.Count; j++)
        {
            for (var i = j - 1; i >= 0 && timed[j].Time!.Value - timed[i].Time!.Value <= window; i--)
            {
                best = Math.Max(best, timed[j].Value - timed[i].Value);
            }
        }

        return best;
    }

    /// <summary>Largest ratio of a value to the lowest value in the <paramref name="window"/> before it, or null.</summary>
    public static decimal? RatioWithin(List<(DateTimeOffset? Time, decimal Value)> values, TimeSpan window)
    {
        var timed = values.Where(v => v.Time is not null).ToList();
        decimal? best = null;
        for (var j = 1; j < timed.Count; j++)
        {
            decimal? lowest = null;
            for (var i = j - 1; i >= 0 && timed[j].Time!.Value - timed[i].Time!.Value <= window; i--)
            {
                if (timed[i].Time < timed[j].Time && timed[i].Value > 0)
                {
                    lowest = lowest is null ? timed[i].Value : Math.Min(lowest.Value, timed[i].Value);
                }
            }

            if (lowest is { } low)
            {
                var ratio = timed[j].Value / low;
                best = best is null ? ratio : Math.Max(best.Value, ratio);
            }
        }

        return best;
    }
}
