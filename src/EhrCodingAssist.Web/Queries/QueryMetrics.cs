using EhrCodingAssist.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EhrCodingAssist.Web.Queries;

/// <summary>
/// Query metrics for the CDI page: sent, answered, agreement rate (answers naming one of the offered diagnoses, out of
/// all answers) and median time from sending to answering.
/// </summary>
public sealed record QueryMetrics(int Sent, int Answered, double? AgreementRate, TimeSpan? MedianTimeToAnswer)
{
    /// <summary>Computes the metrics over one FHIR base, optionally one encounter.</summary>
    public static async Task<QueryMetrics> ComputeAsync(AppDbContext db, string fhirBase, string? encounterId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var queries = await db.Queries
            .Where(q => q.FhirBase == fhirBase && (encounterId == null || q.EncounterId == encounterId) && q.State != QueryState.Draft)
            .Select(q => new { q.State, q.SentAt, q.ClosedAt, q.ResultingCode })
            .ToListAsync(ct).ConfigureAwait(false);
        var answered = queries.Where(q => q.State == QueryState.Answered).ToList();
        var times = answered
            .Where(q => q.SentAt is not null && q.ClosedAt is not null)
            .Select(q => q.ClosedAt!.Value - q.SentAt!.Value)
            .Order()
            .ToList();
        TimeSpan? median = times.Count == 0
            ? null
            : times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        double? agreement = answered.Count == 0 ? null : (double)answered.Count(q => q.ResultingCode is not null) / answered.Count;
        return new QueryMetrics(queries.Count, answered.Count, agreement, median);
    }
}
