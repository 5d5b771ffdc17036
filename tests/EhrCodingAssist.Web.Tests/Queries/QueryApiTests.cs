using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EhrCodingAssist.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EhrCodingAssist.Web.Tests.Queries;

public sealed class QueryApiTests(QueryAppFactory app) : IClassFixture<QueryAppFactory>
{
    private static readonly string[] AllOptions = ["N17.9", "N17.0", "other", "clinically-undetermined"];

    [Fact]
    public async Task SendThenAnswer_CodedOption_PostsOneTransactionWithConditionAndProvenance()
    {
        using var ehr = new FakeEhr();
        var id = await SendAsync(ehr);

        var result = await AnswerAsync(ehr, id, "N17.9", "Creatinine doubled; AKI.");

        Assert.Equal("answered", result["state"]!.GetValue<string>());
        Assert.Equal("written", result["writeStatus"]!.GetValue<string>());
        Assert.Equal(["Condition/c-1", "Provenance/prov-1"], result["written"]!.AsArray().Select(n => n!.GetValue<string>()));
        var bundle = JsonNode.Parse(Assert.Single(ehr.TransactionPosts))!;
        Assert.Equal("transaction", bundle["type"]!.GetValue<string>());
        var entries = bundle["entry"]!.AsArray();
        var condition = entries[0]!["resource"]!;
        Assert.Equal("Condition", condition["resourceType"]!.GetValue<string>());
        Assert.Equal($"identifier=urn:ehrcodingassist:query-answer|{id}", entries[0]!["request"]!["ifNoneExist"]!.GetValue<string>());
        Assert.Equal(id, condition["identifier"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("encounter-diagnosis", condition["category"]![0]!["coding"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("http://hl7.org/fhir/sid/icd-10-cm", condition["code"]!["coding"]![0]!["system"]!.GetValue<string>());
        Assert.Equal("N17.9", condition["code"]!["coding"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("active", condition["clinicalStatus"]!["coding"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("confirmed", condition["verificationStatus"]!["coding"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("Patient/p1", condition["subject"]!["reference"]!.GetValue<string>());
        Assert.Equal("Encounter/e1", condition["encounter"]!["reference"]!.GetValue<string>());
        Assert.Equal(QueryScenario.Attending, condition["recorder"]!["reference"]!.GetValue<string>());
        Assert.Equal(QueryScenario.Attending, condition["asserter"]!["reference"]!.GetValue<string>());
        Assert.NotNull(condition["recordedDate"]);
        Assert.Equal(["Observation/cr1", "Observation/cr2"], condition["evidence"]![0]!["detail"]!.AsArray().Select(d => d!["reference"]!.GetValue<string>()));
        Assert.Equal("AIAST", condition["meta"]!["security"]![0]!["code"]!.GetValue<string>());

        var provenance = entries[1]!["resource"]!;
        Assert.Equal("Provenance", provenance["resourceType"]!.GetValue<string>());
        Assert.Equal(entries[0]!["fullUrl"]!.GetValue<string>(), provenance["target"]![0]!["reference"]!.GetValue<string>());
        var agents = provenance["agent"]!.AsArray().ToDictionary(a => a!["type"]!["coding"]![0]!["code"]!.GetValue<string>(), a => a!["who"]!);
        Assert.Equal(QueryScenario.Attending, agents["author"]["reference"]!.GetValue<string>());
        Assert.Equal(QueryScenario.Cdi, agents["informant"]["reference"]!.GetValue<string>());
        Assert.Equal("urn:ehrcodingassist:app", agents["assembler"]["identifier"]!["value"]!.GetValue<string>());
        var entities = provenance["entity"]!.AsArray();
        Assert.Equal(id, entities[0]!["what"]!["identifier"]!["value"]!.GetValue<string>());
        Assert.Contains(entities, e => e!["what"]!["reference"]?.GetValue<string>() == "Observation/cr2");
        Assert.Equal("urn:ehrcodingassist:rule:aki-kdigo:1.0.0", provenance["policy"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Answer_SameAnswerTwice_WritesOneCondition()
    {
        using var ehr = new FakeEhr();
        var id = await SendAsync(ehr);

        var first = await AnswerAsync(ehr, id, "N17.9", null);
        var second = await AnswerAsync(ehr, id, "N17.9", null);

        Assert.Single(ehr.TransactionPosts);
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }

    [Fact]
    public async Task Answer_ConcurrentDoubleClick_WritesOneCondition()
    {
        using var ehr = new FakeEhr();
        var id = await SendAsync(ehr);
        using var physician = app.ClientFor(ehr, "physician", QueryScenario.Attending);

        var replies = await Task.WhenAll(
            physician.PostAsJsonAsync($"/api/queries/{id}/answer", new { option = "N17.9" }),
            physician.PostAsJsonAsync($"/api/queries/{id}/answer", new { option = "N17.9" }));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(ehr.TransactionPosts);
    }

    [Fact]
    public async Task Answer_DifferentSecondAnswer_Returns409Problem()
    {
        using var ehr = new FakeEhr();
        var id = await SendAsync(ehr);
        await AnswerAsync(ehr, id, "N17.9", null);
        using var physician = app.ClientFor(ehr, "physician", QueryScenario.Attending);

        var reply = await physician.PostAsJsonAsync($"/api/queries/{id}/answer", new { option = "N17.0" });

        Assert.Equal(HttpStatusCode.Conflict, reply.StatusCode);
        Assert.Equal("application/problem+json", reply.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Answer_ServerError_FailedStateThenRetryWritesOnce(int status)
    {
        using var ehr = new FakeEhr();
        var id = await SendAsync(ehr);
        ehr.ReplyToTransaction(status, FakeEhr.OperationOutcome("exception"));

        var failed = await AnswerAsync(ehr, id, "N17.9", null);

        Assert.Equal("answered", failed["state"]!.GetValue<string>());
        Assert.Equal("failed", failed["writeStatus"]!.GetValue<string>());
        Assert.Contains("retried safely", failed["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        ehr.ReplyToTransaction(200, FakeEhr.TransactionResponse("c-9", "prov-9"));
        var retried = await RetryAsync(ehr, id);

        Assert.Equal("written", retried["writeStatus"]!.GetValue<string>());
        Assert.Equal(2, ehr.TransactionPosts.Count);
        // The retry posts the stored transaction unchanged: same Condition, same conditional-create key.
        Assert.Equal(ehr.TransactionPosts[0], ehr.TransactionPosts[1]);
        Assert.Equal(1, ehr.Count("GET", "/fhir/Condition"));
    }

    [Fact]
    public async Task Retry_EarlierAttemptHadCommitted_DoesNotPostAgain()
    {
        using var ehr = new FakeEhr();
        var id = await SendAsync(ehr);
        ehr.ReplyToTransaction(502, FakeEhr.OperationOutcome("exception"));
        await AnswerAsync(ehr, id, "N17.9", null);
        ehr.ReplyToConditionSearch("c-committed");

        var retried = await RetryAsync(ehr, id);

        Assert.Equal("written", retried["writeStatus"]!.GetValue<string>());
        Assert.Contains("Condition/c-committed", retried["written"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Single(ehr.TransactionPosts);
    }

    [Theory]
    [InlineData(409, "conflict (409)")]
    [InlineData(412, "precondition failed (412)")]
    public async Task Answer_ConflictOrPreconditionFailed_FailedStateWithReasonAndRetryable(int status, string reason)
    {
        using var ehr = new FakeEhr();
        var id = await SendAsync(ehr);
        ehr.ReplyToTransaction(status, FakeEhr.OperationOutcome(status == 409 ? "conflict" : "duplicate"));

        var failed = await AnswerAsync(ehr, id, "N17.9", null);

        Assert.Equal("failed", failed["writeStatus"]!.GetValue<string>());
        Assert.Contains(reason, failed["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        ehr.ReplyToTransaction(200, FakeEhr.TransactionResponse("c-2", "prov-2"));
        var retried = await RetryAsync(ehr, id);
        Assert.Equal("written", retried["writeStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Answer_ServerWithoutTransaction_KeptAsNotWrittenAndShownToCdi()
    {
        using var ehr = new FakeEhr(transaction: false);
        var id = await SendAsync(ehr);

        var result = await AnswerAsync(ehr, id, "N17.9", null);

        Assert.Equal("not-written", result["writeStatus"]!.GetValue<string>());
        Assert.Contains("does not support transactions", result["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(ehr.TransactionPosts);
        var list = await ListAsync(ehr, "cdi", QueryScenario.Cdi);
        Assert.Equal("not-written", list[0]!["writeStatus"]!.GetValue<string>());
        Assert.Equal("N17.9", list[0]!["resultingCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Answer_ProvenanceCreateNotGranted_NotWrittenNamingScope()
    {
        using var ehr = new FakeEhr();
        var id = await SendAsync(ehr);
        using var physician = app.ClientFor(ehr, "physician", QueryScenario.Attending, scopes: "patient/*.rs patient/Condition.c");

        var reply = await physician.PostAsJsonAsync($"/api/queries/{id}/answer", new { option = "N17.9" });
        var result = JsonNode.Parse(await reply.Content.ReadAsStringAsync())!;

        Assert.Equal("not-written", result["writeStatus"]!.GetValue<string>());
        Assert.Contains("patient/Provenance.c", result["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(ehr.TransactionPosts);
    }

    [Fact]
    public async Task SendAndAnswer_ServerWithTaskAndQuestionnaire_MirroredAsCdexTask()
    {
        using var ehr = new FakeEhr(cdex: true);
        ehr.StubCdex();
        var id = await SendAsync(ehr);

        await AnswerAsync(ehr, id, "N17.9", null);

        var task = JsonNode.Parse(ehr.Server.LogEntries.First(e => e.RequestMessage.Method == "POST" && e.RequestMessage.Path == "/fhir/Task").RequestMessage.Body!)!;
        Assert.Equal(QueryScenario.Attending, task["owner"]!["reference"]!.GetValue<string>());
        Assert.Equal("questionnaire", task["input"]![0]!["type"]!["coding"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(1, ehr.Count("POST", "/fhir/Questionnaire"));
        Assert.Equal(1, ehr.Count("POST", "/fhir/QuestionnaireResponse"));
        var updated = JsonNode.Parse(ehr.Server.LogEntries.Last(e => e.RequestMessage.Method == "PUT").RequestMessage.Body!)!;
        Assert.Equal("completed", updated["status"]!.GetValue<string>());
        Assert.Equal("QuestionnaireResponse/qr-1", updated["output"]![0]!["valueReference"]!["reference"]!.GetValue<string>());
        var provenance = JsonNode.Parse(Assert.Single(ehr.TransactionPosts))!["entry"]![1]!["resource"]!;
        Assert.Equal("Task/task-1", provenance["entity"]![0]!["what"]!["reference"]!.GetValue<string>());
    }

    [Fact]
    public async Task Answer_ServerWithoutConditionCreate_NotWritten()
    {
        using var ehr = new FakeEhr(conditionCreate: false);
        var id = await SendAsync(ehr);

        var result = await AnswerAsync(ehr, id, "N17.9", null);

        Assert.Equal("not-written", result["writeStatus"]!.GetValue<string>());
        Assert.Empty(ehr.TransactionPosts);
    }

    [Fact]
    public async Task Answer_OtherWithText_RecordedWithoutWriteAndTextShownToCdi()
    {
        using var ehr = new FakeEhr();
        var id = await SendAsync(ehr);

        var result = await AnswerAsync(ehr, id, "other", "Prerenal azotemia");

        Assert.Equal("none", result["writeStatus"]!.GetValue<string>());
        Assert.Empty(ehr.TransactionPosts);
        var list = await ListAsync(ehr, "cdi", QueryScenario.Cdi);
        Assert.Equal("other", list[0]!["answer"]!.GetValue<string>());
        Assert.Equal("Prerenal azotemia", list[0]!["answerText"]!.GetValue<string>());
    }

    [Fact]
    public async Task Answer_ClinicallyUndetermined_RecordedWithoutWrite()
    {
        using var ehr = new FakeEhr();
        var id = await SendAsync(ehr);

        var result = await AnswerAsync(ehr, id, "clinically-undetermined", null);

        Assert.Equal("answered", result["state"]!.GetValue<string>());
        Assert.Equal("none", result["writeStatus"]!.GetValue<string>());
        Assert.Empty(ehr.TransactionPosts);
    }

    [Fact]
    public async Task Answer_ByAnotherPhysicianOrCdi_Returns403()
    {
        using var ehr = new FakeEhr();
        var id = await SendAsync(ehr);
        using var other = app.ClientFor(ehr, "physician", QueryScenario.OtherPhysician);
        using var cdi = app.ClientFor(ehr, "cdi", QueryScenario.Cdi);

        var byOther = await other.PostAsJsonAsync($"/api/queries/{id}/answer", new { option = "N17.9" });
        var byCdi = await cdi.PostAsJsonAsync($"/api/queries/{id}/answer", new { option = "N17.9" });

        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCdi.StatusCode);
        Assert.Empty(ehr.TransactionPosts);
    }

    [Fact]
    public async Task ListQueries_Physician_NeverSeesFinancialFields()
    {
        using var ehr = new FakeEhr();
        await SendAsync(ehr);

        var asPhysician = await RawListAsync(ehr, "physician", QueryScenario.Attending);
        var asCdi = await ListAsync(ehr, "cdi", QueryScenario.Cdi);

        Assert.DoesNotContain("severity", asPhysician, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hcc", asPhysician, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Observation/cr2", asPhysician, StringComparison.Ordinal);
        Assert.Equal("CC", asCdi[0]!["severity"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListQueries_OtherPhysician_SeesNone()
    {
        using var ehr = new FakeEhr();
        await SendAsync(ehr);

        var list = await ListAsync(ehr, "physician", QueryScenario.OtherPhysician);

        Assert.Empty(list);
    }

    [Fact]
    public async Task CreateQuery_PaymentWordInText_Returns422ProblemAndSendsNothing()
    {
        using var ehr = new FakeEhr();
        using var cdi = app.ClientFor(ehr, "cdi", QueryScenario.Cdi);

        var reply = await cdi.PostAsJsonAsync("/api/queries", new
        {
            finding = "aki-kdigo", encounter = "e1", text = "Documenting AKI adds an MCC. Creatinine 2.1.", options = AllOptions,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.StatusCode);
        Assert.Equal("application/problem+json", reply.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await reply.Content.ReadAsStringAsync())!;
        var errors = problem["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.Contains(errors, e => e.Contains("'MCC'", StringComparison.Ordinal));
        Assert.Empty(await ListAsync(ehr, "cdi", QueryScenario.Cdi));
    }

    [Fact]
    public async Task CreateQuery_SeveralViolations_ProblemListsEveryOneWithOffsets()
    {
        using var ehr = new FakeEhr();
        using var cdi = app.ClientFor(ehr, "cdi", QueryScenario.Cdi);
        const string text = "Creatinine 2.1. Does the patient have acute kidney injury? It is a CC and affects the DRG and reimbursment.";

        var reply = await cdi.PostAsJsonAsync("/api/queries", new
        {
            finding = "aki-kdigo", encounter = "e1", text, options = new[] { "N17.9", "other" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.StatusCode);
        var problem = JsonNode.Parse(await reply.Content.ReadAsStringAsync())!;
        var violations = problem["violations"]!.AsArray();
        Assert.Equal(
            ["yes-no-question", "financial-word", "financial-word", "financial-word", "missing-clinically-undetermined"],
            violations.Select(v => v!["rule"]!.GetValue<string>()));
        foreach (var v in violations.Where(v => v!["field"]!.GetValue<string>() == "text"))
        {
            Assert.Equal(v!["phrase"]!.GetValue<string>(), text.Substring(v["start"]!.GetValue<int>(), v["length"]!.GetValue<int>()));
        }

        var detail = problem["detail"]!.GetValue<string>();
        Assert.All(["Does the patient have acute kidney injury?", "'CC'", "'DRG'", "'reimbursment'"], phrase => Assert.Contains(phrase, detail, StringComparison.Ordinal));
        Assert.Equal(violations.Count, problem["errors"]!.AsArray().Count);
    }

    [Fact]
    public async Task CreateQuery_DroppedClinicallyUndetermined_Returns422Problem()
    {
        using var ehr = new FakeEhr();
        using var cdi = app.ClientFor(ehr, "cdi", QueryScenario.Cdi);

        var reply = await cdi.PostAsJsonAsync("/api/queries", new { finding = "aki-kdigo", encounter = "e1", options = new[] { "N17.9", "other" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.StatusCode);
        Assert.Contains("clinically-undetermined", await reply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateQuery_RemovesNonFixedOptionAndDefaultsToAttending()
    {
        using var ehr = new FakeEhr();
        using var cdi = app.ClientFor(ehr, "cdi", QueryScenario.Cdi);

        var reply = await cdi.PostAsJsonAsync("/api/queries", new { finding = "aki-kdigo", encounter = "e1", options = new[] { "N17.9", "other", "clinically-undetermined" } });

        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var query = JsonNode.Parse(await reply.Content.ReadAsStringAsync())!;
        Assert.Equal("sent", query["state"]!.GetValue<string>());
        Assert.Equal(QueryScenario.Attending, query["recipient"]!.GetValue<string>());
        Assert.Equal(["N17.9", "other", "clinically-undetermined"], query["options"]!.AsArray().Select(o => o!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CreateQuery_WithoutCsrfHeader_Returns403()
    {
        using var ehr = new FakeEhr();
        using var cdi = app.ClientFor(ehr, "cdi", QueryScenario.Cdi, csrf: false);

        var reply = await cdi.PostAsJsonAsync("/api/queries", new { finding = "aki-kdigo", encounter = "e1" });

        Assert.Equal(HttpStatusCode.Forbidden, reply.StatusCode);
        Assert.Empty(await ListAsync(ehr, "cdi", QueryScenario.Cdi));
    }

    [Fact]
    public async Task CreateQuery_AsPhysician_Returns403()
    {
        using var ehr = new FakeEhr();
        using var physician = app.ClientFor(ehr, "physician", QueryScenario.Attending);

        var reply = await physician.PostAsJsonAsync("/api/queries", new { finding = "aki-kdigo", encounter = "e1" });

        Assert.Equal(HttpStatusCode.Forbidden, reply.StatusCode);
    }

    [Fact]
    public async Task Api_WithoutSession_Returns401Problem()
    {
        using var client = app.CreateClient();

        var reply = await client.GetAsync("/api/encounters/e1/queries");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.StatusCode);
        Assert.Equal("application/problem+json", reply.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AuditLog_RecordsReadsAndStateChangesWithFhirUser()
    {
        using var ehr = new FakeEhr();
        var id = await SendAsync(ehr);
        await ListAsync(ehr, "physician", QueryScenario.Attending);
        await AnswerAsync(ehr, id, "N17.9", null);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var log = await db.AuditLog.Where(a => a.QueryId == id).OrderBy(a => a.Id).Select(a => new { a.Action, a.User }).ToListAsync();

        Assert.Equal(
            [("created", QueryScenario.Cdi), ("sent", QueryScenario.Cdi), ("read", QueryScenario.Attending), ("answered", QueryScenario.Attending), ("write:written", QueryScenario.Attending)],
            log.Where(a => a.Action != "read" || a.User == QueryScenario.Attending).Take(5).Select(a => (a.Action, a.User)));
    }

    [Fact]
    public async Task Metrics_AfterOneCodedAndOneOtherAnswer_HalfAgreement()
    {
        using var ehr = new FakeEhr();
        var a = await SendAsync(ehr);
        var b = await SendAsync(ehr);
        await AnswerAsync(ehr, a, "N17.9", null);
        await AnswerAsync(ehr, b, "other", "Dehydration");
        using var cdi = app.ClientFor(ehr, "cdi", QueryScenario.Cdi);

        var metrics = JsonNode.Parse(await cdi.GetStringAsync("/api/queries/metrics?encounter=e1"))!;

        Assert.Equal(2, metrics["sent"]!.GetValue<int>());
        Assert.Equal(2, metrics["answered"]!.GetValue<int>());
        Assert.Equal(0.5, metrics["agreementRate"]!.GetValue<double>(), 3);
        Assert.NotNull(metrics["medianTimeToAnswer"]);
    }

    private async Task<string> SendAsync(FakeEhr ehr)
    {
        using var cdi = app.ClientFor(ehr, "cdi", QueryScenario.Cdi);
        var reply = await cdi.PostAsJsonAsync("/api/queries", new { finding = "aki-kdigo", encounter = "e1", recipient = QueryScenario.Attending, options = AllOptions });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        return JsonNode.Parse(await reply.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    private async Task<JsonNode> AnswerAsync(FakeEhr ehr, string id, string option, string? text)
    {
        using var physician = app.ClientFor(ehr, "physician", QueryScenario.Attending);
        var reply = await physician.PostAsJsonAsync($"/api/queries/{id}/answer", new { option, text });
        var body = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!;
    }

    private async Task<JsonNode> RetryAsync(FakeEhr ehr, string id)
    {
        using var cdi = app.ClientFor(ehr, "cdi", QueryScenario.Cdi);
        var reply = await cdi.PostAsync($"/api/queries/{id}/retry-write", null);
        var body = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!;
    }

    private async Task<string> RawListAsync(FakeEhr ehr, string role, string user)
    {
        using var client = app.ClientFor(ehr, role, user);
        return await client.GetStringAsync("/api/encounters/e1/queries");
    }

    private async Task<JsonArray> ListAsync(FakeEhr ehr, string role, string user) =>
        JsonNode.Parse(await RawListAsync(ehr, role, user))!.AsArray();
}
