using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace EhrCodingAssist.Web.Tests.Queries;

/// <summary>A WireMock.Net FHIR server playing the EHR: CapabilityStatement, transaction endpoint, Condition search.</summary>
internal sealed class FakeEhr : IDisposable
{
    private const string FhirJson = "application/fhir+json";

    private readonly bool _ownsServer;

    public FakeEhr(bool transaction = true, bool conditionCreate = true, bool cdex = false)
        : this(WireMockServer.Start(), transaction, conditionCreate, cdex)
    {
        _ownsServer = true;
    }

    /// <summary>Adds the FHIR stubs to an existing server (e.g. the SMART fixture's WireMock EHR), which it does not stop.</summary>
    public FakeEhr(WireMockServer server, bool transaction = true, bool conditionCreate = true, bool cdex = false)
    {
        Server = server;
        Server.Given(Request.Create().WithPath("/fhir/metadata").UsingGet())
            .RespondWith(Json(200, Capability(transaction, conditionCreate, cdex)));
        ReplyToTransaction(200, TransactionResponse("c-1", "prov-1"));
        ReplyToConditionSearch(null);
        Server.Given(Request.Create().WithPath("/fhir/Provenance").UsingGet())
            .RespondWith(Json(200, """{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Provenance","id":"prov-1"}}]}"""));
    }

    public WireMockServer Server { get; }

    public string FhirBase => Server.Url + "/fhir";

    /// <summary>Bodies of the transaction Bundles POSTed to the FHIR base, in order.</summary>
    public IReadOnlyList<string> TransactionPosts => Server.LogEntries
        .Where(e => e.RequestMessage.Method == "POST" && e.RequestMessage.Path.TrimEnd('/') == "/fhir")
        .Select(e => e.RequestMessage.Body ?? string.Empty)
        .ToList();

    public int Count(string method, string path) => Server.LogEntries.Count(e => e.RequestMessage.Method == method && e.RequestMessage.Path == path);

    private static readonly Guid TransactionMapping = Guid.Parse("6a1f0e61-0000-4000-8000-000000000001");
    private static readonly Guid ConditionSearchMapping = Guid.Parse("6a1f0e61-0000-4000-8000-000000000002");

    /// <summary>Sets (replaces) the reply to transaction POSTs.</summary>
    public void ReplyToTransaction(int status, string body) =>
        Server.Given(Request.Create().WithPath("/fhir", "/fhir/").UsingPost()).WithGuid(TransactionMapping).RespondWith(Json(status, body));

    public void ReplyToConditionSearch(string? conditionId) =>
        Server.Given(Request.Create().WithPath("/fhir/Condition").UsingGet()).WithGuid(ConditionSearchMapping)
            .RespondWith(Json(200, conditionId is null
                ? """{"resourceType":"Bundle","type":"searchset","entry":[]}"""
                : """{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Condition","id":""" + "\"" + conditionId + "\"" + ""","subject":{"reference":"Patient/p1"},"code":{"text":"x"}}}]}"""));

    /// <summary>Answers the CDex mirror's creates (Questionnaire q-1, Task task-1, QuestionnaireResponse qr-1), read and update.</summary>
    public void StubCdex()
    {
        Server.Given(Request.Create().WithPath("/fhir/Questionnaire").UsingPost())
            .RespondWith(Json(201, """{"resourceType":"Questionnaire","id":"q-1","status":"active"}"""));
        Server.Given(Request.Create().WithPath("/fhir/Task").UsingPost())
            .RespondWith(Json(201, """{"resourceType":"Task","id":"task-1","status":"requested","intent":"order"}"""));
        Server.Given(Request.Create().WithPath("/fhir/Task/task-1").UsingGet())
            .RespondWith(Json(200, """{"resourceType":"Task","id":"task-1","status":"requested","intent":"order","owner":{"reference":"Practitioner/dr-a"}}"""));
        Server.Given(Request.Create().WithPath("/fhir/Task/task-1").UsingPut())
            .RespondWith(Json(200, """{"resourceType":"Task","id":"task-1","status":"completed","intent":"order"}"""));
        Server.Given(Request.Create().WithPath("/fhir/QuestionnaireResponse").UsingPost())
            .RespondWith(Json(201, """{"resourceType":"QuestionnaireResponse","id":"qr-1","status":"completed"}"""));
    }

    public static string TransactionResponse(string conditionId, string provenanceId) => $$$"""
        {"resourceType":"Bundle","type":"transaction-response","entry":[
          {"response":{"status":"201 Created","location":"Condition/{{{conditionId}}}/_history/1"}},
          {"response":{"status":"201 Created","location":"Provenance/{{{provenanceId}}}/_history/1"}}]}
        """;

    public static string OperationOutcome(string code) =>
        $$"""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"{{code}}"}]}""";

    public void Dispose()
    {
        if (_ownsServer)
        {
            Server.Stop();
        }
    }

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", FhirJson).WithBody(body);

    private static string Capability(bool transaction, bool conditionCreate, bool cdex)
    {
        var interactions = transaction ? """[{"code":"transaction"}]""" : "[]";
        var conditionInteractions = conditionCreate ? """[{"code":"create"},{"code":"read"},{"code":"search-type"}]""" : """[{"code":"read"},{"code":"search-type"}]""";
        var cdexResources = cdex
            ? """,{"type":"Task","interaction":[{"code":"create"},{"code":"read"},{"code":"update"}]},{"type":"Questionnaire","interaction":[{"code":"create"}]},{"type":"QuestionnaireResponse","interaction":[{"code":"create"}]}"""
            : string.Empty;
        return $$"""
            {"resourceType":"CapabilityStatement","status":"active","date":"2026-01-01","kind":"instance","fhirVersion":"4.0.1","format":["json"],
             "rest":[{"mode":"server","interaction":{{interactions}},"resource":[
               {"type":"Condition","interaction":{{conditionInteractions}},"conditionalCreate":true}{{cdexResources}}]}]}
            """;
    }
}
