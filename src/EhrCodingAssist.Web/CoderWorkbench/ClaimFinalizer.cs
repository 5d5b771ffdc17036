using System.Net;
using EhrCodingAssist.Clinical.Coding;
using EhrCodingAssist.Web.CoderWorkbench.Store;
using EhrCodingAssist.Web.Session;
using EhrCodingAssist.Web.WriteBack;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Rest;

namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>
/// Finalises an encounter's coding: blocking edits stop it (422); the Claim, Conditions and Provenance are validated
/// (an invalid resource is never sent); where the EHR accepts Claim in a transaction they are sent as one, otherwise
/// the Claim is kept as "not written". Every outcome is kept with the Claim's history.
/// </summary>
internal sealed partial class ClaimFinalizer(
    CodingService coding,
    CodingDbContext store,
    IEhrFhirClientFactory clients,
    CapabilityReader capabilities,
    FhirResourceValidator validator,
    WriteLocks locks,
    TimeProvider time,
    ILogger<ClaimFinalizer> logger)
{
    public async Task<FinalizeOutcome> FinalizeAsync(SmartSession session, string encounterId, CancellationToken ct)
    {
        var key = CodingService.KeyOf(session.FhirBase.AbsoluteUri, encounterId);
        using var held = await locks.AcquireAsync("claim:" + key, ct).ConfigureAwait(false);
        var context = await coding.LoadAsync(session, encounterId, ct).ConfigureAwait(false);
        var edits = coding.Edits(context, context.State);
        var blocking = edits.Select(EditView.From).Where(e => e.Blocking).ToList();
        if (blocking.Count > 0)
        {
            return new FinalizeOutcome("blocked") { BlockingEdits = blocking, Message = "Blocking edits must be resolved before finalising." };
        }

        // Coded against an earlier ICD-10-CM release or POA checked against an earlier POA exempt list (no data of the year
        // loaded): kept with the Claim's status and history.
        var fallbacks = edits.Where(e => e.Rule is CodeSetYear.RuleId or CodeSetYear.PoaExemptRuleId).Select(e => e.Title + ".").ToList();
        var codeSetNote = fallbacks.Count > 0 ? string.Join(' ', fallbacks) : null;
        var record = context.Record;
        if (store.Entry(record).State == Microsoft.EntityFrameworkCore.EntityState.Detached)
        {
            store.Codings.Add(record);
        }

        var coder = session.FhirUser ?? "Practitioner/unknown";
        var now = time.GetUtcNow();
        var snapshot = context.Analysis.Snapshot;
        var claim = ClaimBuilder.Build(snapshot, context.State, record.Id, ClaimBuilder.Provider(snapshot, session.FhirUser), now);
        var conditions = ClaimTransaction.Conditions(context.Analysis, context.State, record, coder, now);
        var bundle = ClaimTransaction.Build(claim, record, conditions, coder, now);
        record.ClaimJson = FhirJson.Serialize(claim);

        var invalid = bundle.Entry.Select(e => e.Resource).OfType<Resource>().SelectMany(validator.Validate).Select(ValidationReasons.Readable).ToList();
        if (invalid.Count > 0)
        {
            var reason = "Not sent to the EHR, the Claim or a resource with it is invalid: " + string.Join("; ", invalid);
            await FinishAsync(record, ClaimWriteStatus.Invalid, reason, coder, codeSetNote, ct).ConfigureAwait(false);
            return new FinalizeOutcome("invalid") { Invalid = invalid, Message = reason };
        }

        if (await NotWrittenReasonAsync(session, record, conditions.Count > 0, ct).ConfigureAwait(false) is { } notWritten)
        {
            await FinishAsync(record, ClaimWriteStatus.NotWritten, notWritten, coder, codeSetNote, ct).ConfigureAwait(false);
            return new FinalizeOutcome("not-written") { Message = notWritten };
        }

        var client = clients.Create(session);
        try
        {
            if (record.ServerClaimId is not null && record.ServerClaimVersion is null)
            {
                // The server's Claim is known but not its version (an earlier read-back failed): read it now, so the update
                // carries If-Match; without a version nothing is sent.
                if (await ReadVersionFailureAsync(client, record, ct).ConfigureAwait(false) is { } unread)
                {
                    var reason = $"The Claim (Claim/{record.ServerClaimId}) is on the EHR but its current version could not be read ({unread}); "
                        + "nothing was sent, as an update is never sent without If-Match. The Claim is kept and finalising again is safe.";
                    await FinishAsync(record, ClaimWriteStatus.Failed, reason, coder, codeSetNote, ct).ConfigureAwait(false);
                    return new FinalizeOutcome("failed") { Message = reason };
                }

                bundle = ClaimTransaction.Build(claim, record, conditions, coder, now);
            }

            var created = record.ServerClaimId is null;
            var response = await client.TransactionAsync(bundle, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The EHR returned no transaction-response.");
            var written = WriteBackService.LocalReferences(response).ToList();
            var claimLocation = response.Entry.FirstOrDefault()?.Response;
            // The transaction was applied: a failure to read the Claim's version back is noted, never reported as a refusal.
            var versionNote = await RememberOrNoteAsync(client, record, claimLocation, ct).ConfigureAwait(false);
            if (created && IsConditionalMatch(claimLocation) && record.ServerClaimId is not null)
            {
                if (versionNote is not null)
                {
                    versionNote += " The EHR already held this Claim from an earlier finalise and it was not updated: finalise again to update it.";
                }
                else
                {
                    // The conditional create matched a Claim an earlier finalise wrote (its response was lost): the server kept
                    // that content, so update it now, version-aware, with the Claim as the coder finalised it.
                    var update = ClaimTransaction.Build(claim, record, [], coder, now);
                    var updated = await client.TransactionAsync(update, ct).ConfigureAwait(false)
                        ?? throw new InvalidOperationException("The EHR returned no transaction-response.");
                    written = [.. written.Concat(WriteBackService.LocalReferences(updated)).Distinct(StringComparer.Ordinal)];
                    versionNote = await RememberOrNoteAsync(client, record, updated.Entry.FirstOrDefault()?.Response, ct).ConfigureAwait(false);
                }
            }

            record.WrittenResources = string.Join(' ', written);
            await FinishAsync(record, ClaimWriteStatus.Written, versionNote, coder, codeSetNote, ct).ConfigureAwait(false);
            Log.Written(logger, record.Id, written.Count);
            return new FinalizeOutcome("written")
            {
                Written = written,
                Claim = record.ServerClaimId is { } id ? "Claim/" + id : null,
                Message = versionNote is null ? codeSetNote : codeSetNote is null ? versionNote : versionNote + " " + codeSetNote,
            };
        }
        catch (FhirOperationException ex) when (ex.Status is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed)
        {
            Log.Conflict(logger, record.Id, (int)ex.Status);
            return await ConflictAsync(client, record, claim, (int)ex.Status, coder, codeSetNote, ct).ConfigureAwait(false);
        }
        catch (FhirOperationException ex) when (ex.Status is HttpStatusCode.NotFound or HttpStatusCode.Gone && record.ServerClaimId is not null)
        {
            return await ServerClaimGoneAsync(record, (int)ex.Status, coder, codeSetNote, ct).ConfigureAwait(false);
        }
        catch (FhirOperationException ex)
        {
            var reason = $"The EHR refused the transaction ({(int)ex.Status}); the Claim is kept and finalising again is safe (no second Claim is created).";
            await FinishAsync(record, ClaimWriteStatus.Failed, reason, coder, codeSetNote, ct).ConfigureAwait(false);
            return new FinalizeOutcome("failed") { Message = reason };
        }
        catch (MissingScopeException ex)
        {
            var reason = $"The EHR refused the write for lack of a scope ({ex.Scope ?? "unknown"}); the Claim is kept here for export.";
            await FinishAsync(record, ClaimWriteStatus.NotWritten, reason, coder, codeSetNote, ct).ConfigureAwait(false);
            return new FinalizeOutcome("not-written") { Message = reason };
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            const string reason = "The EHR could not be reached or did not answer in time; the Claim is kept and finalising again is safe.";
            await FinishAsync(record, ClaimWriteStatus.Failed, reason, coder, codeSetNote, ct).ConfigureAwait(false);
            return new FinalizeOutcome("failed") { Message = reason };
        }
    }

    private async Task<string?> NotWrittenReasonAsync(SmartSession session, CodingRecord record, bool conditions, CancellationToken ct)
    {
        ServerCapabilities support;
        try
        {
            support = await capabilities.GetAsync(session, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FhirOperationException or HttpRequestException or InvalidOperationException)
        {
            return "The EHR's CapabilityStatement could not be read; the Claim is kept here for export.";
        }

        if (!support.Transaction || !support.ClaimCreate || (record.ServerClaimId is not null && !support.ClaimUpdate))
        {
            return "The EHR does not accept Claim" + (support.Transaction ? string.Empty : " transactions") + "; the Claim is kept here with status \"not written\" and can be exported as FHIR JSON.";
        }

        if (conditions && !support.ConditionCreate)
        {
            return "The EHR does not accept Condition create; the Claim is kept here for export.";
        }

        return session.Allows("Claim", 'c') ? null : "The launch did not grant patient/Claim.c; the Claim is kept here for export.";
    }

    // 409/412: re-read the server's Claim, remember its version (the next finalise overwrites it knowingly) and show the
    // differences. Any failure of that re-read is reported as such, about the Claim (never as a missing encounter).
    private async Task<FinalizeOutcome> ConflictAsync(FhirClient client, CodingRecord record, Claim ours, int conflictStatus, string coder, string? codeSetNote, CancellationToken ct)
    {
        var reread = record.ServerClaimId is { } known ? $"re-read of Claim/{known}" : "search of Claim by its identifier";
        Claim? server;
        try
        {
            server = record.ServerClaimId is { } id
                ? await client.ReadAsync<Claim>("Claim/" + id, ct: ct).ConfigureAwait(false)
                : (await client.SearchAsync<Claim>([$"identifier={ClaimBuilder.ClaimIdentifierSystem}|{record.Id}"], ct: ct).ConfigureAwait(false))
                    ?.Entry.Select(e => e.Resource).OfType<Claim>().FirstOrDefault();
        }
        catch (FhirOperationException ex) when (record.ServerClaimId is not null && ex.Status is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return await ServerClaimGoneAsync(record, (int)ex.Status, coder, codeSetNote, ct).ConfigureAwait(false);
        }
        catch (FhirOperationException ex)
        {
            return await RereadFailedAsync(record, conflictStatus, $"The EHR answered HTTP {(int)ex.Status} while finalising ({reread})", coder, codeSetNote, ct).ConfigureAwait(false);
        }
        catch (MissingScopeException ex)
        {
            return await RereadFailedAsync(record, conflictStatus, $"The EHR refused it for lack of a scope ({ex.Scope ?? "unknown"}) while finalising ({reread})", coder, codeSetNote, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return await RereadFailedAsync(record, conflictStatus, $"The EHR could not be reached or did not answer in time while finalising ({reread})", coder, codeSetNote, ct).ConfigureAwait(false);
        }

        var changes = server is null ? [] : ClaimDiff.Compare(ours, server);
        if (server is not null)
        {
            record.ServerClaimId = server.Id;
            record.ServerClaimVersion = server.Meta?.VersionId;
        }

        var message = server is null
            ? "The EHR reported a conflict but holds no such Claim; finalise again."
            : $"The Claim changed on the EHR (now version {server.Meta?.VersionId}); review the {changes.Count} difference(s) and finalise again to replace it.";
        await FinishAsync(record, ClaimWriteStatus.Conflict, message, coder, codeSetNote, ct).ConfigureAwait(false);
        return new FinalizeOutcome("conflict") { Message = message, ServerVersion = server?.Meta?.VersionId, Changes = changes };
    }

    // The EHR refused the write with a conflict and then failed the re-read: nothing was written and the changes cannot be
    // shown. The record keeps what it knew (id and version), so finalising again repeats the same, safe, attempt.
    private async Task<FinalizeOutcome> RereadFailedAsync(CodingRecord record, int conflictStatus, string failure, string coder, string? codeSetNote, CancellationToken ct)
    {
        var message = $"The EHR refused the Claim with a conflict (HTTP {conflictStatus}), and its current Claim could not be re-read to show "
            + $"what changed. {failure}; nothing was written, the Claim is kept here and finalising again is safe.";
        Log.RereadFailed(logger, record.Id, conflictStatus);
        await FinishAsync(record, ClaimWriteStatus.Conflict, message, coder, codeSetNote, ct).ConfigureAwait(false);
        return new FinalizeOutcome("conflict") { Message = message };
    }

    // The Claim we updated was deleted on the EHR (404/410): forget its id and version so the next finalise creates it
    // anew (conditional create on the stable identifier), and say so in the history.
    private async Task<FinalizeOutcome> ServerClaimGoneAsync(CodingRecord record, int status, string coder, string? codeSetNote, CancellationToken ct)
    {
        var message = $"The Claim (Claim/{record.ServerClaimId}) was deleted on the EHR (HTTP {status}); nothing was written. "
            + "Finalise again to create it anew.";
        record.ServerClaimId = null;
        record.ServerClaimVersion = null;
        record.WrittenResources = null;
        await FinishAsync(record, ClaimWriteStatus.Conflict, message, coder, codeSetNote, ct).ConfigureAwait(false);
        return new FinalizeOutcome("conflict") { Message = message };
    }

    // After an applied transaction: remembers the Claim's id and version, or, when the read-back fails, says so (the
    // Claim and Conditions were written; the next finalise re-reads the version before updating).
    private static async Task<string?> RememberOrNoteAsync(FhirClient client, CodingRecord record, Bundle.ResponseComponent? response, CancellationToken ct)
    {
        var failure = await CatchReadFailureAsync(() => RememberServerClaimAsync(client, record, response, ct), gone: true, ct).ConfigureAwait(false);
        if (failure is null && (record.ServerClaimId is null || record.ServerClaimVersion is not null))
        {
            return null;
        }

        var claim = record.ServerClaimId is { } id ? $"Claim/{id}" : "the Claim";
        return $"The Claim and Conditions were written to the EHR, but the version of {claim} could not be read back "
            + $"({failure ?? "the EHR reported none"}); finalising again re-reads it before any update (never without If-Match, never a second Claim).";
    }

    // Reads the known server Claim's version; the failure, when it cannot, as text (never PHI: status codes and scopes only).
    private static async Task<string?> ReadVersionFailureAsync(FhirClient client, CodingRecord record, CancellationToken ct)
    {
        var failure = await CatchReadFailureAsync(() => RememberServerClaimAsync(client, record, null, ct), gone: false, ct).ConfigureAwait(false);
        return failure ?? (record.ServerClaimVersion is null ? "the EHR reported none" : null);
    }

    // gone: whether a 404/410 counts as a failure to read (after a write) or is left to the caller (the Claim was deleted).
    private static async Task<string?> CatchReadFailureAsync(Func<Task> read, bool gone, CancellationToken ct)
    {
        try
        {
            await read().ConfigureAwait(false);
            return null;
        }
        catch (FhirOperationException ex) when (gone || ex.Status is not (HttpStatusCode.NotFound or HttpStatusCode.Gone))
        {
            return $"HTTP {(int)ex.Status}";
        }
        catch (MissingScopeException ex)
        {
            return $"missing scope {ex.Scope ?? "unknown"}";
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return "the EHR could not be reached or did not answer in time";
        }
    }

    // 200 (not 201) on a conditional create: the server found a Claim with our identifier and did not change it.
    private static bool IsConditionalMatch(Bundle.ResponseComponent? response) =>
        response?.Status is { } status && status.TrimStart().StartsWith("200", StringComparison.Ordinal);

    // Keeps the server's Claim id and version from the response; without an ETag or versioned location, reads the
    // Claim (or searches its identifier) so the next update always carries If-Match.
    private static async Task RememberServerClaimAsync(FhirClient client, CodingRecord record, Bundle.ResponseComponent? response, CancellationToken ct)
    {
        if (WriteBackService.LocalReference(response?.Location) is { } claimRef)
        {
            record.ServerClaimId = claimRef.Split('/')[1];
            record.ServerClaimVersion = VersionOf(response!);
        }

        if (record.ServerClaimId is not null && record.ServerClaimVersion is not null)
        {
            return;
        }

        Claim? server;
        if (record.ServerClaimId is { } id)
        {
            server = await client.ReadAsync<Claim>("Claim/" + id, ct: ct).ConfigureAwait(false);
        }
        else
        {
            var found = await client.SearchAsync<Claim>([$"identifier={ClaimBuilder.ClaimIdentifierSystem}|{record.Id}"], ct: ct).ConfigureAwait(false);
            server = found?.Entry.Select(e => e.Resource).OfType<Claim>().FirstOrDefault();
        }

        if (server?.Id is not null)
        {
            record.ServerClaimId = server.Id;
            record.ServerClaimVersion = server.Meta?.VersionId;
        }
    }

    private static string? VersionOf(Bundle.ResponseComponent response)
    {
        if (response.Etag is { Length: > 0 } etag)
        {
            return etag.Replace("W/", string.Empty, StringComparison.Ordinal).Trim('"');
        }

        var parts = response.Location?.Split('/') ?? [];
        var history = Array.IndexOf(parts, "_history");
        return history >= 0 && history + 1 < parts.Length ? parts[history + 1] : null;
    }

    private async Task FinishAsync(CodingRecord record, ClaimWriteStatus status, string? message, string coder, string? codeSetNote, CancellationToken ct)
    {
        message = message is null ? codeSetNote : codeSetNote is null ? message : message + " " + codeSetNote;
        record.ClaimStatus = status;
        record.ClaimMessage = message;
        store.ClaimHistory.Add(new ClaimHistoryEntry
        {
            CodingId = record.Id,
            At = time.GetUtcNow(),
            User = coder,
            Status = status,
            Message = message,
            ClaimJson = record.ClaimJson,
        });
        await store.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Claim {CodingId} written with {Count} resources")]
        public static partial void Written(ILogger logger, string codingId, int count);

        [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Claim {CodingId} conflict: HTTP {Status}")]
        public static partial void Conflict(ILogger logger, string codingId, int status);

        [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Claim {CodingId} conflict (HTTP {Status}): re-reading the EHR's Claim failed")]
        public static partial void RereadFailed(ILogger logger, string codingId, int status);
    }
}
