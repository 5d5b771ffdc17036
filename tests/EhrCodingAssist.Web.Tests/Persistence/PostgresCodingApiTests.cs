using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EhrCodingAssist.Web.CoderWorkbench.Store;
using EhrCodingAssist.Web.Tests.CoderWorkbench;
using EhrCodingAssist.Web.Tests.Infrastructure;
using EhrCodingAssist.Web.Tests.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace EhrCodingAssist.Web.Tests.Persistence;

/// <summary>The app with Database:Provider=postgres on an empty database of the live PostgreSQL (it migrates it at start).</summary>
public sealed class PostgresAppFixture : IAsyncLifetime
{
    private (string Name, string ConnectionString)? _database;
    private AppFactory? _app;

    /// <summary>The app (fails with the reason where there is no server).</summary>
    public AppFactory App
    {
        get
        {
            TestPostgres.RequireServer();
            return _app ?? throw new InvalidOperationException("The PostgreSQL app fixture was not initialised.");
        }
    }

    public string ConnectionString => _database?.ConnectionString ?? TestPostgres.RequireServer();

    public async Task InitializeAsync()
    {
        if (TestPostgres.Server is null)
        {
            return; // The tests are skipped, or (under CI) fail on App.
        }

        _database = await TestPostgres.CreateDatabaseAsync();
        _app = new AppFactory();
        _app.Settings["Database:Provider"] = "postgres";
        _app.Settings["Database:ConnectionString"] = _database.Value.ConnectionString;
        _app.Settings["Validation:UsCorePath"] = TestPaths.UsCore610;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is { } database)
        {
            await TestPostgres.DropDatabaseAsync(database.Name, database.ConnectionString);
        }
    }
}

public sealed class PostgresCodingApiTests(PostgresAppFixture fixture) : IClassFixture<PostgresAppFixture>
{
    private const string WorkingSet = """
        {"diagnoses":[{"code":"J96.01","sequence":1,"poa":"Y","source":"suggestion"},{"code":"J18.9","sequence":2,"poa":"Y","source":"condition"}],
         "lines":[{"code":"G0390","system":"hcpcs","modifiers":["25"],"units":1,"pointers":[1,2]}],
         "decisions":[]}
        """;

    private async Task<HttpClient> LaunchCoderAsync(bool claimSupported)
    {
        var app = fixture.App;
        app.Ehr.Reset();
        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<CodingDbContext>();
            Assert.IsType<PostgresCodingDbContext>(store);
            await store.ClaimHistory.ExecuteDeleteAsync();
            await store.Codings.ExecuteDeleteAsync();
            (scope.ServiceProvider.GetRequiredService<IMemoryCache>() as MemoryCache)?.Compact(1.0);
        }

        CodingEhr.StubInpatient(app.Ehr, claimSupported);
        var launched = await app.LaunchAsync(new LaunchSpec { Intent = "coder", FhirUser = "Practitioner/sandbox-coder" });
        launched.Client.DefaultRequestHeaders.Add("X-CSRF", "1");
        return launched.Client;
    }

    [PostgresFact]
    public async Task CoderWorkbench_OnPostgres_GetsPutsFinalisesTwiceAndServesTheStoredClaim()
    {
        var client = await LaunchCoderAsync(claimSupported: true);
        CodingEhr.ReplyToTransaction(fixture.App.Ehr, "1");

        var coding = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/coding"))!;
        Assert.Contains(coding["documented"]!.AsArray(), d => (string?)d!["code"] == "J18.9");
        using (var put = await client.PutAsync("/api/encounters/enc-1/coding", new StringContent(WorkingSet, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var body = JsonNode.Parse(await put.Content.ReadAsStringAsync())!;
            Assert.DoesNotContain(body["edits"]!.AsArray(), e => (bool)e!["blocking"]!);
        }

        // The working set was stored: a fresh read returns it.
        var reread = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/coding"))!;
        Assert.Equal("J96.01", (string?)reread["workingSet"]!["diagnoses"]![0]!["code"]);

        using var first = await client.PostAsync("/api/encounters/enc-1/finalize", null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Claim/claim-1", (string?)JsonNode.Parse(await first.Content.ReadAsStringAsync())!["claim"]);
        using var second = await client.PostAsync("/api/encounters/enc-1/finalize", null);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        // The second finalise updated the one Claim with the version stored after the first (If-Match).
        var transactions = fixture.App.Ehr.Server.LogEntries
            .Where(e => e.RequestMessage.Method == "POST" && e.RequestMessage.Path == "/fhir")
            .Select(e => JsonNode.Parse(e.RequestMessage.Body!)!["entry"]![0]!["request"]!)
            .ToList();
        Assert.Equal(["POST", "PUT"], transactions.Select(r => (string?)r["method"]));
        Assert.Equal("W/\"1\"", (string?)transactions[1]["ifMatch"]);

        var stored = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/claim"))!;
        Assert.Equal("written", (string?)stored["writeStatus"]);
        Assert.Equal("Claim/claim-1", (string?)stored["serverClaim"]);
        Assert.Equal("Claim", (string?)stored["claim"]!["resourceType"]);
        Assert.Equal(["written", "written"], stored["history"]!.AsArray().Select(h => (string?)h!["status"]));

        // And it is PostgreSQL that holds it.
        Assert.Equal(2L, await TestPostgres.ScalarAsync(fixture.ConnectionString, "SELECT count(*) FROM claim_history"));
        Assert.Equal("Written", await TestPostgres.ScalarAsync(fixture.ConnectionString, "SELECT \"ClaimStatus\" FROM codings"));
    }

    [PostgresFact]
    public async Task Finalize_OnPostgresServerWithoutClaim_KeepsTheClaimNotWrittenWithHistory()
    {
        var client = await LaunchCoderAsync(claimSupported: false);
        using (var put = await client.PutAsync("/api/encounters/enc-1/coding", new StringContent(WorkingSet, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using var response = await client.PostAsync("/api/encounters/enc-1/finalize", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/claim"))!;
        Assert.Equal("not-written", (string?)stored["writeStatus"]);
        Assert.Equal("Claim", (string?)stored["claim"]!["resourceType"]);
        Assert.Equal(["not-written"], stored["history"]!.AsArray().Select(h => (string?)h!["status"]));
    }
}
