using EhrCodingAssist.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.Queries;

/// <summary>Escalates sent queries left unanswered past <see cref="QueryLifecycleOptions.EscalateAfter"/> and expires them later.</summary>
internal sealed partial class QueryEscalationService(
    IServiceScopeFactory scopes, IOptions<QueryLifecycleOptions> options, TimeProvider time, ILogger<QueryEscalationService> logger) : BackgroundService
{
    /// <summary>One sweep; returns how many queries changed.</summary>
    public static async Task<int> SweepAsync(AppDbContext db, QueryLifecycleOptions options, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        // DateTimeOffset comparisons are not translated by SQLite: filter the (few) open queries in memory.
        var open = await db.Queries.Where(q => q.State == QueryState.Sent).ToListAsync(ct).ConfigureAwait(false);
        var changed = 0;
        foreach (var q in open.Where(q => q.SentAt is not null))
        {
            var age = now - q.SentAt!.Value;
            if (age >= options.ExpireAfter)
            {
                q.State = QueryState.Expired;
                q.ClosedAt = now;
                db.AuditLog.Add(new AuditEntry { QueryId = q.Id, Action = "expired", User = "system", At = now, Detail = "sent->expired" });
                changed++;
            }
            else if (age >= options.EscalateAfter && q.EscalatedAt is null)
            {
                q.EscalatedAt = now;
                db.AuditLog.Add(new AuditEntry { QueryId = q.Id, Action = "escalated", User = "system", At = now });
                changed++;
            }
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return changed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var changed = await SweepAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), options.Value, time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                LogSweep(logger, changed);
            }
            catch (DbUpdateException ex)
            {
                LogSweepFailed(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Query escalation sweep changed {Count} queries")]
    private static partial void LogSweep(ILogger logger, int count);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Query escalation sweep failed ({ErrorType})")]
    private static partial void LogSweepFailed(ILogger logger, string errorType);
}
