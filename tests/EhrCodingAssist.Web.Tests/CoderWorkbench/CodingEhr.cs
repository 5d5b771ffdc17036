using EhrCodingAssist.Web.CoderWorkbench.Store;
using EhrCodingAssist.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using EhrCodingAssist.Web.Tests.Queries;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>The shared AppFactory with its own SQLite file and US Core validation.</summary>
public sealed class CodingAppFactory : AppFactory
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ehrca-coding-").FullName;

    public CodingAppFactory()
    {
        Settings["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "app.db")};Pooling=False";
        Settings["Validation:UsCorePath"] = TestPaths.UsCore610;
    }

    /// <summary>Forgets stored working sets and Claims and the cached CapabilityStatements (tests share one app).</summary>
    public void ResetState()
    {
        using var scope = Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<CodingDbContext>();
        store.ClaimHistory.ExecuteDelete();
        store.Codings.ExecuteDelete();
        (scope.ServiceProvider.GetRequiredService<IMemoryCache>() as MemoryCache)?.Compact(1.0);
    }
}

/// <summary>Stubs an inpatient encounter with one documented Condition and a Coverage on the WireMock EHR.</summary>
internal static class CodingEhr
{
    /// <summary>
    /// Resets the WireMock EHR, stubs <see cref="StubInpatient"/> and launches a coder (Practitioner/sandbox-coder) whose
    /// client sends the CSRF header the coding API requires.
    /// </summary>
    public static async Task<HttpClient> LaunchStubbedCoderAsync(AppFactory app)
    {
        app.Ehr.Reset();
        StubInpatient(app.Ehr);
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder" });
        launched.Client.DefaultRequestHeaders.Add("X-CSRF", "1");
        return launched.Client;
    }

    public static void StubInpatient(WireMockEhr ehr, bool claimSupported = true, string start = "2025-03-10T08:00:00Z")
    {
        ehr.StubFhir("Encounter/enc-1", $$$"""
            {"resourceType":"Encounter","id":"enc-1","status":"in-progress",
             "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP"},
             "subject":{"reference":"Patient/pat-1"},"period":{"start":"{{{start}}}"},
             "serviceProvider":{"reference":"Organization/org-1"}}
            """);
        ehr.StubFhir("Patient/pat-1", """{"resourceType":"Patient","id":"pat-1","gender":"male","birthDate":"1950-01-01"}""");
        ehr.StubFhir("Condition", Searchset("""
            {"resourceType":"Condition","id":"cond-1","subject":{"reference":"Patient/pat-1"},"encounter":{"reference":"Encounter/enc-1"},
             "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"encounter-diagnosis"}]}],
             "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"J18.9","display":"Pneumonia, unspecified organism"}]}}
            """));
        ehr.StubFhir("Coverage", Searchset("""
            {"resourceType":"Coverage","id":"cov-1","status":"active","beneficiary":{"reference":"Patient/pat-1"},
             "payor":[{"reference":"Organization/payer-1"}]}
            """));
        foreach (var type in new[] { "Observation", "MedicationRequest", "Procedure", "DocumentReference", "Claim" })
        {
            ehr.StubFhir(type, Searchset());
        }

        var claim = claimSupported ? """{"type":"Claim","interaction":[{"code":"create"},{"code":"update"},{"code":"read"}]},""" : string.Empty;
        ehr.StubFhir("metadata", $$"""
            {"resourceType":"CapabilityStatement","status":"active","date":"2025-01-01","kind":"instance","fhirVersion":"4.0.1","format":["json"],
             "rest":[{"mode":"server","interaction":[{"code":"transaction"}],
               "resource":[{{claim}}{"type":"Condition","conditionalCreate":true,"interaction":[{"code":"create"}]},{"type":"Provenance","interaction":[{"code":"create"}]}]}]}
            """);
    }

    public static void ReplyToTransaction(WireMockEhr ehr, string claimVersion, int status = 200, int priority = 10)
    {
        var body = status == 200
            ? $$$"""
              {"resourceType":"Bundle","type":"transaction-response","entry":[
                {"response":{"status":"201 Created","location":"Claim/claim-1/_history/{{{claimVersion}}}","etag":"W/\"{{{claimVersion}}}\""}},
                {"response":{"status":"201 Created","location":"Condition/c-9/_history/1"}},
                {"response":{"status":"201 Created","location":"Provenance/p-1/_history/1"}}]}
              """
            : """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"conflict"}]}""";
        ehr.Server.Given(Request.Create().WithPath("/fhir").UsingPost()).AtPriority(priority)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/fhir+json").WithBody(body));
    }

    public static string Searchset(params string[] resources) =>
        "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":" + resources.Length + ",\"entry\":["
        + string.Join(",", resources.Select(r => "{\"resource\":" + r + "}")) + "]}";
}
