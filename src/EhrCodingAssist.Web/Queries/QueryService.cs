using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.QueryCompliance;
using EhrCodingAssist.Web.Persistence;
using EhrCodingAssist.Web.Session;
using EhrCodingAssist.Web.WriteBack;
using Microsoft.EntityFrameworkCore;

namespace EhrCodingAssist.Web.Queries;

/// <summary>
/// The documentation-query lifecycle: draft → sent → answered | declined | expired | withdrawn. Every read and every
/// state change is written to the audit log with the user's fhirUser and the time.
/// </summary>
internal sealed class QueryService(
    AppDbContext db,
    IQueryFindingSource findings,
    WriteBackService writeBack,
    CdexMirror mirror,
    TimeProvider time)
{
    public async Task<QueryRecord> CreateAndSendAsync(SmartSession session, CreateQueryRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = RequireRole(session, AppRole.Cdi, "Only a CDI specialist sends queries.");
        var context = await findings.LoadAsync(session, request.Encounter, ct).ConfigureAwait(false);
        var finding = context.Findings.FirstOrDefault(f => f.Kind == FindingKind.Query && f.Rule == request.Finding)
            ?? throw new QueryProblemException(404, "Finding not found", "The encounter has no query finding of that rule.");

        var recipient = request.Recipient
            ?? context.Participants.FirstOrDefault(p => p.IsAttending)?.Reference
            ?? throw new QueryProblemException(422, "No recipient", "The encounter has no attending physician; choose a participant.");
        if (!context.Participants.Any(p => p.Reference == recipient))
        {
            throw new QueryProblemException(422, "Recipient not on the encounter", "The recipient must be one of the encounter's participants.");
        }

        var kept = request.Options is null
            ? finding.Options
            : finding.Options.Where(o => request.Options.Contains(o.Id, StringComparer.OrdinalIgnoreCase)).ToList();
        var unknown = request.Options?.Where(id => !finding.Options.Any(o => string.Equals(o.Id, id, StringComparison.OrdinalIgnoreCase))).ToList() ?? [];
        var text = request.Text ?? finding.Text;
        // The one compliance lint (also run on the pack at load); the indicators' summaries are record quotes.
        var lint = QueryLint.Check(new QueryLintInput
        {
            Text = text,
            Options = kept,
            IndicatorCount = finding.Evidence.Count,
            Quoted = [.. finding.Evidence.Select(e => e.Summary)],
        });
        var problems = lint.Violations.Select(v => v.Message).ToList();
        problems.AddRange(unknown.Select(id => $"\"{id}\" is not an option of this query; options can be removed, not added."));
        if (problems.Count > 0)
        {
            throw new QueryProblemException(422, "The query does not pass the compliance lint", string.Join(" ", problems), problems) { Violations = lint.Violations };
        }

        var now = time.GetUtcNow();
        var query = new QueryRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            FhirBase = session.FhirBase.AbsoluteUri,
            EncounterId = request.Encounter,
            PatientId = context.PatientId,
            RuleId = finding.Rule,
            RuleVersion = finding.RuleVersion,
            Topic = finding.Topic,
            Title = finding.Title,
            Text = text,
            Author = user,
            Recipient = recipient,
            State = QueryState.Draft,
            CreatedAt = now,
            Severity = finding.Impact?.Severity,
            Hcc = finding.Impact?.Hcc,
            Indicators = finding.Evidence.Select((e, i) => new QueryIndicator
            {
                Ordinal = i, Reference = e.Reference, Summary = e.Summary, Value = e.Value, Unit = e.Unit, Date = e.Date,
            }).ToList(),
            Options = kept.Select((o, i) => new QueryOptionRecord
            {
                Ordinal = i, OptionId = o.Id, Label = o.Label, CodeSystem = o.Code?.System, Code = o.Code?.Code,
            }).ToList(),
        };
        db.Queries.Add(query);
        Audit(query, "created", user, "draft");
        await db.SaveChangesAsync(ct).ConfigureAwait(false);

        await mirror.MirrorSentAsync(session, query, ct).ConfigureAwait(false);
        query.State = QueryState.Sent;
        query.SentAt = time.GetUtcNow();
        Audit(query, "sent", user, "draft->sent");
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return query;
    }

    public async Task<IReadOnlyList<QueryRecord>> ListForEncounterAsync(SmartSession session, string encounterId, CancellationToken ct)
    {
        var user = RequireUser(session);
        var fhirBase = session.FhirBase.AbsoluteUri;
        // SQLite cannot order by DateTimeOffset; an encounter has few queries, so order them here.
        var queries = (await db.Queries
            .Where(q => q.FhirBase == fhirBase && q.EncounterId == encounterId)
            .ToListAsync(ct).ConfigureAwait(false))
            .OrderBy(q => q.CreatedAt)
            .ToList();
        if (session.Role == AppRole.Physician)
        {
            // A physician sees the queries addressed to them, never drafts.
            queries = queries.Where(q => q.Recipient == user && q.State != QueryState.Draft).ToList();
        }

        foreach (var q in queries)
        {
            Audit(q, "read", user, null);
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return queries;
    }

    public async Task<QueryRecord> GetAsync(SmartSession session, string queryId, CancellationToken ct)
    {
        var user = RequireUser(session);
        var query = await FindAsync(session, queryId, ct).ConfigureAwait(false);
        if (session.Role == AppRole.Physician && query.Recipient != user)
        {
            throw new QueryProblemException(403, "Not your query", "Only the physician a query was sent to can read it.");
        }

        Audit(query, "read", user, null);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return query;
    }

    public async Task<(QueryRecord Query, WriteOutcome Outcome)> AnswerAsync(SmartSession session, string queryId, AnswerQueryRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = RequireRole(session, AppRole.Physician, "Only the physician the query was sent to answers it.");
        var query = await FindAsync(session, queryId, ct).ConfigureAwait(false);
        if (query.Recipient != user)
        {
            throw new QueryProblemException(403, "Not your query", "Only the physician the query was sent to answers it.");
        }

        var option = request.Option.Trim();
        var text = string.IsNullOrWhiteSpace(request.Text) ? null : request.Text.Trim();
        if (query.State == QueryState.Answered)
        {
            // The same answer again (retry, double click) is idempotent; a different one is a conflict.
            if (!string.Equals(query.AnswerOption, option, StringComparison.OrdinalIgnoreCase) || query.AnswerText != text)
            {
                throw new QueryProblemException(409, "Already answered", "This query was already answered differently.");
            }

            return (query, await writeBack.WriteAsync(session, query, user, ct).ConfigureAwait(false));
        }

        if (query.State != QueryState.Sent)
        {
            throw new QueryProblemException(409, "Query is closed", $"The query is {QueryView.Name(query.State)} and can no longer be answered.");
        }

        var chosen = query.Options.FirstOrDefault(o => string.Equals(o.OptionId, option, StringComparison.OrdinalIgnoreCase))
            ?? throw new QueryProblemException(422, "Unknown option", "The answer must be one of the query's options.");
        if (chosen.OptionId == QueryOption.Other && text is null)
        {
            throw new QueryProblemException(422, "Text required", "An \"other\" answer needs a text.");
        }

        query.State = QueryState.Answered;
        query.ClosedAt = time.GetUtcNow();
        query.AnswerOption = chosen.OptionId;
        query.AnswerText = text;
        query.ResultingCode = chosen.Code;
        query.ResultingCodeDisplay = chosen.Code is null ? null : chosen.Label;
        Audit(query, "answered", user, "sent->answered");
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A concurrent request answered first: reply as for a repeated answer.
            db.ChangeTracker.Clear();
            return await AnswerAsync(session, queryId, request, ct).ConfigureAwait(false);
        }

        await mirror.MirrorAnsweredAsync(session, query, ct).ConfigureAwait(false);
        var outcome = await writeBack.WriteAsync(session, query, user, ct).ConfigureAwait(false);
        return (query, outcome);
    }

    /// <summary>Re-runs the write-back of an answered query (after a 409/412/5xx or an unreachable EHR).</summary>
    public async Task<(QueryRecord Query, WriteOutcome Outcome)> RetryWriteAsync(SmartSession session, string queryId, CancellationToken ct)
    {
        var user = RequireUser(session);
        var query = await FindAsync(session, queryId, ct).ConfigureAwait(false);
        if (session.Role == AppRole.Physician && query.Recipient != user)
        {
            throw new QueryProblemException(403, "Not your query", "Only the recipient or a CDI specialist can retry the write.");
        }

        if (query.State != QueryState.Answered)
        {
            throw new QueryProblemException(409, "Not answered", "Only an answered query is written back.");
        }

        return (query, await writeBack.WriteAsync(session, query, user, ct).ConfigureAwait(false));
    }

    /// <summary>Closes a sent query: a CDI specialist withdraws it, the recipient declines it.</summary>
    public async Task<QueryRecord> CloseAsync(SmartSession session, string queryId, QueryState target, CancellationToken ct)
    {
        var user = target == QueryState.Withdrawn
            ? RequireRole(session, AppRole.Cdi, "Only a CDI specialist withdraws a query.")
            : RequireRole(session, AppRole.Physician, "Only the recipient declines a query.");
        var query = await FindAsync(session, queryId, ct).ConfigureAwait(false);
        if (target == QueryState.Declined && query.Recipient != user)
        {
            throw new QueryProblemException(403, "Not your query", "Only the recipient declines a query.");
        }

        if (query.State is not (QueryState.Sent or QueryState.Draft))
        {
            throw new QueryProblemException(409, "Query is closed", $"The query is {QueryView.Name(query.State)}.");
        }

        var from = query.State;
        query.State = target;
        query.ClosedAt = time.GetUtcNow();
        Audit(query, QueryView.Name(target), user, $"{QueryView.Name(from)}->{QueryView.Name(target)}");
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return query;
    }

    private async Task<QueryRecord> FindAsync(SmartSession session, string queryId, CancellationToken ct)
    {
        var fhirBase = session.FhirBase.AbsoluteUri;
        return await db.Queries.SingleOrDefaultAsync(q => q.Id == queryId && q.FhirBase == fhirBase, ct).ConfigureAwait(false)
            ?? throw new QueryProblemException(404, "Query not found", "No such query for this EHR.");
    }

    private void Audit(QueryRecord query, string action, string user, string? detail) =>
        db.AuditLog.Add(new AuditEntry { QueryId = query.Id, Action = action, User = user, At = time.GetUtcNow(), Detail = detail });

    private static string RequireUser(SmartSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.FhirUser
            ?? throw new QueryProblemException(403, "No user", "The launch did not identify the user (fhirUser); queries need it for the audit trail.");
    }

    private static string RequireRole(SmartSession session, AppRole role, string detail)
    {
        var user = RequireUser(session);
        return session.Role == role ? user : throw new QueryProblemException(403, "Not allowed for this role", detail);
    }
}
