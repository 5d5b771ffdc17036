using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Snapshot;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>
/// The patient's Coverages that can pay for the encounter: status active (or not stated) and a period that contains
/// the date of service (or none), in Coverage.order. The Claim's insurance and the coverage edit use the same list.
/// </summary>
internal static class CoverageSelection
{
    public static IReadOnlyList<Coverage> ActiveOn(EncounterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var date = EncounterCoding.DateOfService(snapshot);
        return [.. snapshot.Resources.OfType<Coverage>()
            .Where(c => c.Status is null or FinancialResourceStatusCodes.Active)
            .Where(c => Contains(c.Period, date))
            .OrderBy(c => c.Order ?? int.MaxValue)];
    }

    /// <summary>
    /// The payers of <see cref="ActiveOn"/> in order, as the payer rules recognise them: the payor's name (the
    /// Organization in the snapshot, else the reference's display) and identifier.
    /// </summary>
    public static IReadOnlyList<PayerRef> PayersOn(EncounterSnapshot snapshot) =>
        [.. ActiveOn(snapshot).Select(c => c.Payor.FirstOrDefault()).OfType<ResourceReference>().Select(payor =>
        {
            var organization = payor.Reference is { } r
                ? snapshot.Resources.OfType<Organization>().FirstOrDefault(o => r == "Organization/" + o.Id || r.EndsWith("/Organization/" + o.Id, StringComparison.Ordinal))
                : null;
            return new PayerRef(organization?.Name ?? payor.Display, payor.Identifier?.Value ?? organization?.Identifier.FirstOrDefault()?.Value);
        })];

    private static bool Contains(Period? period, DateOnly date)
    {
        if (period is null)
        {
            return true;
        }

        var start = Day(period.StartElement);
        var end = Day(period.EndElement);
        return (start is null || start <= date) && (end is null || date <= end);
    }

    // Compares by calendar day: a Coverage ending on the date of service still covers it.
    private static DateOnly? Day(FhirDateTime? value) =>
        value?.ToDateTimeOffset(TimeSpan.Zero) is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null;
}
