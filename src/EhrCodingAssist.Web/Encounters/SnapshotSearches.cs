using Hl7.Fhir.Rest;

namespace EhrCodingAssist.Web.Encounters;

/// <summary>One search of the snapshot: what it is called on the page, the type searched and its parameters.</summary>
internal sealed record SnapshotSearch(string Label, string ResourceType, SearchParams Query, IReadOnlyCollection<string>? IncludedTypes = null);

/// <summary>The searches that make up an encounter snapshot, built from the patient and encounter ids.</summary>
internal static class SnapshotSearches
{
    private static readonly string[] MedicationInclude = ["Medication"];

    /// <summary>Searches that need only the ids, so they start at once, beside the Encounter read.</summary>
    public static IEnumerable<SnapshotSearch> ByIds(string patientId, string encounterId)
    {
        yield return new("Encounter conditions", "Condition", Query(patientId).Add("encounter", encounterId));
        yield return new("Problem list", "Condition", Query(patientId).Add("category", "problem-list-item"));
        yield return new("Medication requests", "MedicationRequest",
            Query(patientId).Add("encounter", encounterId).Add("_include", "MedicationRequest:medication"), MedicationInclude);
        yield return new("Procedures", "Procedure", Query(patientId).Add("encounter", encounterId));
        yield return new("Notes", "DocumentReference", Query(patientId).Add("encounter", encounterId));
        yield return new("Coverage", "Coverage", Query(patientId));
        yield return new("Claims", "Claim", Query(patientId).Add("encounter", encounterId));
    }

    /// <summary>
    /// Laboratory and vital-sign Observations in the encounter period (from <paramref name="lookbackDays"/> before
    /// its start to its end); by encounter when the period has no start.
    /// </summary>
    public static SnapshotSearch Observations(string patientId, string encounterId, Hl7.Fhir.Model.Period? period, int lookbackDays)
    {
        var query = Query(patientId).Add("category", "laboratory,vital-signs");
        var start = period?.StartElement?.ToDateTimeOffset(TimeSpan.Zero);
        if (start is null)
        {
            return new("Observations", "Observation", query.Add("encounter", encounterId));
        }

        query.Add("date", "ge" + Format(start.Value.AddDays(-lookbackDays)));
        if (period?.EndElement?.ToDateTimeOffset(TimeSpan.Zero) is { } end)
        {
            query.Add("date", "le" + Format(end));
        }

        return new("Observations", "Observation", query);
    }

    private static SearchParams Query(string patientId) => new SearchParams().Add("patient", patientId);

    private static string Format(DateTimeOffset moment) =>
        moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
