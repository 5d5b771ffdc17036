using System.Net;
using EhrCodingAssist.Web.Persistence;
using EhrCodingAssist.Web.Session;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.EntityFrameworkCore;
using static EhrCodingAssist.Web.WriteBack.WriteBackIdentifiers;

namespace EhrCodingAssist.Web.WriteBack;

/// <summary>
/// Writes an answered query back to the EHR: checks the CapabilityStatement, builds and validates the transaction,
/// stores it in the outbox, posts it, and records the outcome on the query. Safe to call again: a stored
/// transaction is re-posted unchanged (conditional create on the idempotency key), after first checking whether an
/// earlier attempt had already committed.
/// </summary>
internal sealed class WriteBackService(
    AppDbContext db,
    IEhrFhirClientFactory clients,
    CapabilityReader capabilities,
    FhirResourceValidator validator,
    WriteLocks locks,
    TimeProvider time,
    ILogger<WriteBackService> logger)
{
    private static readonly string[] WrittenTypes = ["Condition", "Provenance"];

    public async Task<WriteOutcome> WriteAsync(SmartSession session, QueryRecord query, string user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(query);
        if (query.ResultingCode is null)
        {
            return WriteOutcome.Of(query);
        }

        using var held = await locks.AcquireAsync(query.Id, ct).ConfigureAwait(false);
        await db.Entry(query).ReloadAsync(ct).ConfigureAwait(false);
        if (query.WriteStatus is WriteStatus.Written or WriteStatus.Invalid)
        {
            return WriteOutcome.Of(query);
        }

        try
        {
            return await WriteLockedAsync(session, query, user, ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance changed the query meanwhile: report what it recorded.
            db.ChangeTracker.Clear();
            var current = await db.Queries.SingleAsync(q => q.Id == query.Id, ct).ConfigureAwait(false);
            return WriteOutcome.Of(current);
        }
    }

    private async Task<WriteOutcome> WriteLockedAsync(SmartSession session, QueryRecord query, string user, CancellationToken ct)
    {

        ServerCapabilities caps;
        try
        {
            caps = await capabilities.GetAsync(session, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FhirOperationException or HttpRequestException or InvalidOperationException)
        {
            return await FinishAsync(query, WriteStatus.Failed, "The EHR's CapabilityStatement could not be read; the answer is kept and can be written later.", null, user, ct).ConfigureAwait(false);
        }

        var ungranted = WrittenTypes.Where(t => !session.Allows(t, 'c')).ToList();
        if (ungranted.Count > 0)
        {
            var scopes = string.Join(", ", ungranted.Select(t => $"patient/{t}.c"));
            return await FinishAsync(query, WriteStatus.NotWritten, $"The launch did not grant {scopes}; the decision is kept here for export.", null, user, ct).ConfigureAwait(false);
        }

        if (!caps.CanWriteCondition)
        {
            var missing = caps.Transaction ? "Condition create" : "transactions";
            return await FinishAsync(query, WriteStatus.NotWritten, $"The EHR does not support {missing}; the decision is kept here for export.", null, user, ct).ConfigureAwait(false);
        }

        var outbox = await db.WriteOutbox.SingleOrDefaultAsync(o => o.QueryId == query.Id, ct).ConfigureAwait(false);
        Bundle bundle;
        if (outbox is null)
        {
            bundle = WriteBackBundleBuilder.Build(query, time.GetUtcNow());
            var problems = bundle.Entry.Select(e => e.Resource).OfType<Resource>().SelectMany(validator.Validate).ToList();
            if (problems.Count > 0)
            {
                return await FinishAsync(query, WriteStatus.Invalid, "Not sent, a resource is invalid: " + string.Join("; ", problems), null, user, ct).ConfigureAwait(false);
            }

            outbox = new WriteOutboxEntry
            {
                QueryId = query.Id,
                IdempotencyKey = query.Id,
                Status = WriteStatus.Pending,
                BundleJson = FhirJson.Serialize(bundle),
                CreatedAt = time.GetUtcNow(),
            };
            db.WriteOutbox.Add(outbox);
            query.WriteStatus = WriteStatus.Pending;
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        else
        {
            bundle = FhirJson.Deserialize<Bundle>(outbox.BundleJson);
        }

        var client = clients.Create(session);
        try
        {
            if (outbox.Attempts > 0 && await FindCommittedAsync(client, query.Id).ConfigureAwait(false) is { } committed)
            {
                WriteBackLog.Reconciled(logger, query.Id);
                return await FinishAsync(query, WriteStatus.Written, null, committed, user, ct, outbox).ConfigureAwait(false);
            }

            outbox.Attempts++;
            outbox.LastAttemptAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            var response = await client.TransactionAsync(bundle).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The EHR returned no transaction-response.");
            var written = LocalReferences(response).ToList();
            outbox.LastHttpStatus = 200;
            return await FinishAsync(query, WriteStatus.Written, null, written, user, ct, outbox).ConfigureAwait(false);
        }
        catch (FhirOperationException ex)
        {
            var status = (int)ex.Status;
            WriteBackLog.WriteFailed(logger, query.Id, status);
            outbox.LastHttpStatus = status;
            return await FinishAsync(query, WriteStatus.Failed, FailureMessage(ex.Status), null, user, ct, outbox).ConfigureAwait(false);
        }
        catch (MissingScopeException ex)
        {
            outbox.LastHttpStatus = 403;
            return await FinishAsync(query, WriteStatus.NotWritten, $"The EHR refused the write for lack of a scope ({ex.Scope ?? "unknown"}); the decision is kept here for export.", null, user, ct, outbox).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            WriteBackLog.WriteUnreachable(logger, query.Id, ex.GetType().Name);
            return await FinishAsync(query, WriteStatus.Failed, "The EHR could not be reached; the answer is kept and the write can be retried safely.", null, user, ct, outbox).ConfigureAwait(false);
        }
    }

    internal static string FailureMessage(HttpStatusCode status) => (int)status switch
    {
        409 => "The EHR reported a conflict (409) with a concurrent change; the answer is kept and the write can be retried safely.",
        412 => "The EHR's precondition failed (412), e.g. more than one Condition matches the idempotency key; the answer is kept, check the chart and retry.",
        >= 500 => $"The EHR failed ({(int)status}); the answer is kept and the write can be retried safely (no duplicate Condition is created).",
        _ => $"The EHR refused the write ({(int)status}); the answer is kept for export.",
    };

    // A previous attempt may have committed although its reply was lost (timeout, 5xx from a proxy).
    private static async Task<List<string>?> FindCommittedAsync(FhirClient client, string key)
    {
        var found = await client.SearchAsync<Condition>([$"identifier={IdempotencySystem}|{key}"]).ConfigureAwait(false);
        var condition = found?.Entry.Select(e => e.Resource).OfType<Condition>().FirstOrDefault();
        if (condition?.Id is null)
        {
            return null;
        }

        var written = new List<string> { "Condition/" + condition.Id };
        var provenance = await client.SearchAsync<Provenance>(["target=Condition/" + condition.Id]).ConfigureAwait(false);
        written.AddRange(provenance?.Entry.Select(e => e.Resource).OfType<Provenance>().Where(p => p.Id is not null).Select(p => "Provenance/" + p.Id) ?? []);
        return written;
    }

    private async Task<WriteOutcome> FinishAsync(
        QueryRecord query, WriteStatus status, string? message, IReadOnlyList<string>? written, string user, CancellationToken ct, WriteOutboxEntry? outbox = null)
    {
        query.WriteStatus = status;
        query.WriteMessage = message;
        if (written is not null)
        {
            query.WrittenResources = string.Join(' ', written);
        }

        if (outbox is not null)
        {
            outbox.Status = status;
            outbox.LastError = message;
            outbox.WrittenResources = query.WrittenResources;
        }

        db.AuditLog.Add(new AuditEntry
        {
            QueryId = query.Id,
            Action = "write:" + status.ToString().ToLowerInvariant(),
            User = user,
            At = time.GetUtcNow(),
            Detail = outbox?.LastHttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        WriteBackLog.WriteFinished(logger, query.Id, status);
        return WriteOutcome.Of(query);
    }

    // The local references (Type/id) of the resources a transaction-response names.
    internal static IEnumerable<string> LocalReferences(Bundle response) =>
        response.Entry.Select(e => LocalReference(e.Response?.Location)).OfType<string>();

    // "Condition/123/_history/1" or an absolute URL → "Condition/123".
    internal static string? LocalReference(string? location)
    {
        if (string.IsNullOrEmpty(location))
        {
            return null;
        }

        var parts = location.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var history = Array.IndexOf(parts, "_history");
        var end = history >= 0 ? history : parts.Length;
        return end >= 2 ? parts[end - 2] + "/" + parts[end - 1] : null;
    }
}
