using System.Globalization;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>What the coder needs to see when the server's Claim changed: diagnoses, lines and status side by side.</summary>
internal static class ClaimDiff
{
    public static IReadOnlyList<ClaimChange> Compare(Claim ours, Claim server)
    {
        var changes = new List<ClaimChange>();
        Add(changes, "status", ours.Status?.ToString(), server.Status?.ToString());
        var count = Math.Max(ours.Diagnosis.Count, server.Diagnosis.Count);
        for (var i = 0; i < count; i++)
        {
            Add(changes, $"diagnosis[{i + 1}]", Diagnosis(ours.Diagnosis.ElementAtOrDefault(i)), Diagnosis(server.Diagnosis.ElementAtOrDefault(i)));
        }

        count = Math.Max(ours.Item.Count, server.Item.Count);
        for (var i = 0; i < count; i++)
        {
            Add(changes, $"item[{i + 1}]", Item(ours.Item.ElementAtOrDefault(i)), Item(server.Item.ElementAtOrDefault(i)));
        }

        return changes;
    }

    private static void Add(List<ClaimChange> changes, string field, string? ours, string? server)
    {
        if (!string.Equals(ours, server, StringComparison.Ordinal))
        {
            changes.Add(new ClaimChange(field, ours, server));
        }
    }

    private static string? Diagnosis(Claim.DiagnosisComponent? d) => d is null
        ? null
        : $"{(d.Diagnosis as CodeableConcept)?.Coding.FirstOrDefault()?.Code} {d.Type.FirstOrDefault()?.Coding.FirstOrDefault()?.Code} POA={d.OnAdmission?.Text ?? d.OnAdmission?.Coding.FirstOrDefault()?.Code ?? "-"}";

    private static string? Item(Claim.ItemComponent? item) => item is null
        ? null
        : string.Create(CultureInfo.InvariantCulture,
            $"{item.ProductOrService?.Coding.FirstOrDefault()?.Code} mod={string.Join(",", item.Modifier.Select(m => m.Coding.FirstOrDefault()?.Code))} units={item.Quantity?.Value} ptr={string.Join(",", item.DiagnosisSequence)}");
}
