using System.Globalization;
using EhrCodingAssist.Web.CoderWorkbench.Store;
using EhrCodingAssist.Web.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EhrCodingAssist.Web.Tests.Persistence;

/// <summary>
/// Store behaviour that must be the same on SQLite and PostgreSQL: each scenario gets a way to open a context on an
/// already migrated database, and is run by <see cref="SqliteStoreTests"/> and <see cref="PostgresStoreTests"/>.
/// </summary>
internal static class StoreScenarios
{
    // An EHR instant with its own offset (evidence dates keep the one the chart sent).
    public static readonly DateTimeOffset Eastern = DateTimeOffset.Parse("2025-03-10T08:15:30.123-05:00", CultureInfo.InvariantCulture);

    public static readonly DateTimeOffset Utc = DateTimeOffset.Parse("2026-03-01T10:00:00Z", CultureInfo.InvariantCulture);

    public static QueryRecord NewQuery(string id) => new()
    {
        Id = id, FhirBase = "https://ehr.example/fhir/", EncounterId = "enc-1", PatientId = "pat-1", RuleId = "sepsis", RuleVersion = "1.2.0",
        Topic = "sepsis", Title = "Sepsis?", Text = "Please clarify.", Author = "Practitioner/cdi", Recipient = "Practitioner/doc",
        State = QueryState.Sent, CreatedAt = Utc, SentAt = Utc.AddMinutes(5), Severity = "MCC", Hcc = "HCC 2",
        Indicators =
        [
            new QueryIndicator { Ordinal = 0, Reference = "Observation/lactate", Summary = "Lactate 4.1 mmol/L", Value = 4.123456m, Unit = "mmol/L", Date = Eastern },
            new QueryIndicator { Ordinal = 1, Reference = "Observation/temp", Summary = "Temp", Value = null, Date = null },
        ],
        Options =
        [
            new QueryOptionRecord { Ordinal = 0, OptionId = "A41.9", Label = "Sepsis", CodeSystem = "http://hl7.org/fhir/sid/icd-10-cm", Code = "A41.9" },
            new QueryOptionRecord { Ordinal = 1, OptionId = "clinically-undetermined", Label = "Clinically undetermined" },
        ],
    };

    /// <summary>A query with indicators and options, its audit lines and its outbox entry come back as stored.</summary>
    public static async Task QueryOutboxAndAuditRoundTripAsync(Func<AppDbContext> open)
    {
        await using (var db = open())
        {
            db.Queries.Add(NewQuery("q-round"));
            db.AuditLog.Add(new AuditEntry { QueryId = "q-round", Action = "created", User = "Practitioner/cdi", At = Utc });
            db.AuditLog.Add(new AuditEntry { QueryId = "q-round", Action = "sent", User = "Practitioner/cdi", At = Eastern, Detail = "draft->sent" });
            db.WriteOutbox.Add(new WriteOutboxEntry
            {
                QueryId = "q-round", IdempotencyKey = "key-round", Status = WriteStatus.Pending, BundleJson = """{"resourceType":"Bundle"}""",
                Attempts = 1, CreatedAt = Utc, LastAttemptAt = Eastern, LastHttpStatus = 503, LastError = "unavailable",
            });
            await db.SaveChangesAsync();
        }

        await using (var db = open())
        {
            var query = await db.Queries.SingleAsync(q => q.Id == "q-round");
            Assert.Equal(QueryState.Sent, query.State);
            Assert.Equal(Utc, query.CreatedAt);
            Assert.Equal(Utc.AddMinutes(5), query.SentAt);
            Assert.Null(query.ClosedAt);
            Assert.Equal("MCC", query.Severity);
            Assert.Equal(0, query.Version);
            Assert.Equal(["Observation/lactate", "Observation/temp"], query.Indicators.OrderBy(i => i.Ordinal).Select(i => i.Reference));
            var lactate = query.Indicators.Single(i => i.Ordinal == 0);
            Assert.Equal(4.123456m, lactate.Value);
            Assert.Equal(Eastern, lactate.Date); // the same instant (DateTimeOffset equality compares instants)
            Assert.Null(query.Indicators.Single(i => i.Ordinal == 1).Date);
            Assert.Equal(["A41.9", "clinically-undetermined"], query.Options.OrderBy(o => o.Ordinal).Select(o => o.OptionId));
            Assert.Null(query.Options.Single(o => o.Ordinal == 1).Code);

            Assert.Equal(["created", "sent"], await db.AuditLog.Where(a => a.QueryId == "q-round").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
            Assert.Equal(Eastern, (await db.AuditLog.SingleAsync(a => a.Action == "sent")).At);

            var outbox = await db.WriteOutbox.SingleAsync(o => o.IdempotencyKey == "key-round");
            Assert.Equal(WriteStatus.Pending, outbox.Status);
            Assert.Equal("""{"resourceType":"Bundle"}""", outbox.BundleJson);
            Assert.Equal(Eastern, outbox.LastAttemptAt);
            Assert.Equal(503, outbox.LastHttpStatus);

            // Finding by a state that is stored as text works the same way.
            Assert.Equal(1, await db.WriteOutbox.CountAsync(o => o.Status == WriteStatus.Pending && o.QueryId == "q-round"));
        }

        // The idempotency key is unique: a second outbox entry with the same key is refused.
        await using (var db = open())
        {
            db.WriteOutbox.Add(new WriteOutboxEntry { QueryId = "q-round", IdempotencyKey = "key-round", BundleJson = "{}", CreatedAt = Utc });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    /// <summary>Two users edit the same query: the one who saves second, from a stale version, is refused.</summary>
    public static async Task StaleQueryUpdateIsRefusedAsync(Func<AppDbContext> open)
    {
        await using (var db = open())
        {
            db.Queries.Add(NewQuery("q-stale"));
            await db.SaveChangesAsync();
        }

        await using var first = open();
        await using var second = open();
        var mine = await first.Queries.SingleAsync(q => q.Id == "q-stale");
        var theirs = await second.Queries.SingleAsync(q => q.Id == "q-stale");

        mine.Text = "Edited first.";
        await first.SaveChangesAsync();
        theirs.Recipient = "Practitioner/other";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = open();
        var stored = await check.Queries.SingleAsync(q => q.Id == "q-stale");
        Assert.Equal("Edited first.", stored.Text);
        Assert.Equal("Practitioner/doc", stored.Recipient);
        Assert.Equal(1, stored.Version);
    }

    public static CodingRecord NewCoding(string id, string encounterId) => new()
    {
        Id = id, FhirBase = "https://ehr.example/fhir/", EncounterId = encounterId,
        WorkingSetJson = """{"diagnoses":[{"code":"J18.9","sequence":1,"poa":"Y"}],"lines":[],"decisions":[]}""",
        UpdatedAt = Eastern, UpdatedBy = "Practitioner/coder", ClaimStatus = ClaimWriteStatus.None,
    };

    /// <summary>A working set, its stored Claim and the Claim's history come back as stored; history stays append-only.</summary>
    public static async Task CodingAndClaimHistoryRoundTripAsync(Func<CodingDbContext> open)
    {
        await using (var db = open())
        {
            db.Codings.Add(NewCoding("c-round", "enc-round"));
            await db.SaveChangesAsync();
        }

        await using (var db = open())
        {
            var record = await db.Codings.SingleAsync(c => c.Id == "c-round");
            Assert.Equal(Eastern, record.UpdatedAt);
            Assert.Equal(0, record.Version);
            record.ClaimJson = """{"resourceType":"Claim","status":"draft"}""";
            record.ClaimStatus = ClaimWriteStatus.NotWritten;
            record.ClaimMessage = "The server does not accept Claim.";
            record.UpdatedAt = Utc;
            db.ClaimHistory.Add(new ClaimHistoryEntry { CodingId = "c-round", At = Utc, User = "Practitioner/coder", Status = ClaimWriteStatus.NotWritten, ClaimJson = record.ClaimJson });
            db.ClaimHistory.Add(new ClaimHistoryEntry { CodingId = "c-round", At = Eastern, User = "Practitioner/coder", Status = ClaimWriteStatus.Written, Message = "again" });
            await db.SaveChangesAsync();
        }

        await using (var db = open())
        {
            var record = await db.Codings.SingleAsync(c => c.FhirBase == "https://ehr.example/fhir/" && c.EncounterId == "enc-round");
            Assert.Equal(ClaimWriteStatus.NotWritten, record.ClaimStatus);
            Assert.Equal("""{"resourceType":"Claim","status":"draft"}""", record.ClaimJson);
            Assert.Equal(Utc, record.UpdatedAt);
            Assert.Equal(1, record.Version);
            var history = await db.ClaimHistory.Where(h => h.CodingId == "c-round").OrderBy(h => h.Id).ToListAsync();
            Assert.Equal([ClaimWriteStatus.NotWritten, ClaimWriteStatus.Written], history.Select(h => h.Status));
            Assert.Equal(Eastern, history[1].At);
            Assert.True(history[0].Id < history[1].Id);

            db.ClaimHistory.Remove(history[0]);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        // One working set per encounter of one EHR.
        await using (var db = open())
        {
            db.Codings.Add(NewCoding("c-other-key", "enc-round"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    /// <summary>Two coders save the same working set: the second, from a stale version, is refused.</summary>
    public static async Task StaleCodingUpdateIsRefusedAsync(Func<CodingDbContext> open)
    {
        await using (var db = open())
        {
            db.Codings.Add(NewCoding("c-stale", "enc-stale"));
            await db.SaveChangesAsync();
        }

        await using var first = open();
        await using var second = open();
        var mine = await first.Codings.SingleAsync(c => c.Id == "c-stale");
        var theirs = await second.Codings.SingleAsync(c => c.Id == "c-stale");

        mine.WorkingSetJson = """{"diagnoses":[],"lines":[],"decisions":[]}""";
        await first.SaveChangesAsync();
        theirs.ClaimStatus = ClaimWriteStatus.Failed;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = open();
        var stored = await check.Codings.SingleAsync(c => c.Id == "c-stale");
        Assert.Equal("""{"diagnoses":[],"lines":[],"decisions":[]}""", stored.WorkingSetJson);
        Assert.Equal(ClaimWriteStatus.None, stored.ClaimStatus);
        Assert.Equal(1, stored.Version);
    }
}
