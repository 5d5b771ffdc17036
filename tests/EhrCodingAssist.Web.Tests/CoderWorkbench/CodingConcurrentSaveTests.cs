using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EhrCodingAssist.Web.CoderWorkbench.Store;
using EhrCodingAssist.Web.Tests.Infrastructure;
using EhrCodingAssist.Web.Tests.Queries;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace EhrCodingAssist.Web.Tests.CoderWorkbench;

/// <summary>
/// Another save lands between the workbench's load and its save: 409 problem (API) or a reload message (page), and the
/// other save is kept.
/// </summary>
public sealed partial class CodingConcurrentSaveTests(ConcurrentSaveAppFactory app) : IClassFixture<ConcurrentSaveAppFactory>
{
    private const string Ours = """{"diagnoses":[{"code":"J96.01","sequence":1,"poa":"Y"}],"lines":[],"decisions":[]}""";

    private async Task<HttpClient> LaunchCoderAsync()
    {
        app.ResetState();
        return await CodingEhr.LaunchStubbedCoderAsync(app);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string body) =>
        client.PutAsync("/api/encounters/enc-1/coding", new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task<string> StoredCodesAsync(HttpClient client) =>
        string.Join(",", JsonNode.Parse(await client.GetStringAsync("/api/encounters/enc-1/coding"))!["workingSet"]!["diagnoses"]!
            .AsArray().Select(d => (string?)d!["code"]));

    [Fact]
    public async Task Put_AnotherSaveInBetween_Returns409AndKeepsTheOtherSave()
    {
        var client = await LaunchCoderAsync();
        using (var first = await PutAsync(client, """{"diagnoses":[{"code":"J18.9","sequence":1,"poa":"Y"}],"lines":[],"decisions":[]}"""))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        app.Interceptor.Arm(ConcurrentSaveInterceptor.Race.Update);
        using var response = await PutAsync(client, Ours);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("The working set changed; reload", (string?)problem["title"]);
        Assert.Contains("reload", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal("I10", await StoredCodesAsync(client));
    }

    [Fact]
    public async Task Put_AnotherFirstSaveInBetween_Returns409()
    {
        var client = await LaunchCoderAsync();
        app.Interceptor.Arm(ConcurrentSaveInterceptor.Race.Insert);

        using var response = await PutAsync(client, Ours);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("I10", await StoredCodesAsync(client));
    }

    [Fact]
    public async Task Put_NoOtherSave_IsSavedTwice()
    {
        var client = await LaunchCoderAsync();

        using var first = await PutAsync(client, """{"diagnoses":[{"code":"J18.9","sequence":1,"poa":"Y"}],"lines":[],"decisions":[]}""");
        using var second = await PutAsync(client, Ours);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("J96.01", await StoredCodesAsync(client));
    }

    [Fact]
    public async Task Page_AnotherSaveInBetween_TellsTheCoderToReload()
    {
        var client = await LaunchCoderAsync();
        using (var first = await PutAsync(client, """{"diagnoses":[{"code":"J18.9","sequence":1,"poa":"Y"}],"lines":[],"decisions":[]}"""))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var token = AntiforgeryToken().Match(await client.GetStringAsync("/coding")).Groups[1].Value;
        app.Interceptor.Arm(ConcurrentSaveInterceptor.Race.Update);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "E66.01", ["__RequestVerificationToken"] = token });

        using var reply = await client.PostAsync("/coding?handler=Add", form);

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var html = await reply.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"problems\"", html, StringComparison.Ordinal);
        Assert.Contains("The working set changed since it was loaded", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-code=\"E66.01\"", html, StringComparison.Ordinal);
        Assert.Contains("data-code=\"I10\"", html, StringComparison.Ordinal);
        Assert.Equal("I10", await StoredCodesAsync(client));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

/// <summary>The coding test app whose CodingDbContext lets a test play another save just before the workbench's own.</summary>
public sealed class ConcurrentSaveAppFactory : AppFactory
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ehrca-coding-race-").FullName;

    public ConcurrentSaveAppFactory()
    {
        Settings["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "app.db")};Pooling=False";
        Settings["Validation:UsCorePath"] = TestPaths.UsCore610;
        Interceptor = new ConcurrentSaveInterceptor(() => Services);
    }

    public ConcurrentSaveInterceptor Interceptor { get; }

    public void ResetState()
    {
        Interceptor.Arm(ConcurrentSaveInterceptor.Race.None);
        using var scope = Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<CodingDbContext>();
        store.ClaimHistory.ExecuteDelete();
        store.Codings.ExecuteDelete();
        (scope.ServiceProvider.GetRequiredService<IMemoryCache>() as MemoryCache)?.Compact(1.0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.ConfigureDbContext<SqliteCodingDbContext>(o => o.AddInterceptors(Interceptor)));
    }
}

/// <summary>When armed, saves a competing working set (through a second context) just before the next coding save.</summary>
public sealed class ConcurrentSaveInterceptor(Func<IServiceProvider> services) : SaveChangesInterceptor
{
    public enum Race
    {
        None,
        Update,
        Insert,
    }

    private Race _armed;

    public void Arm(Race race) => _armed = race;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var race = _armed;
        var entry = eventData.Context?.ChangeTracker.Entries<CodingRecord>().FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Added);
        if (race == Race.None || entry is null)
        {
            return result;
        }

        _armed = Race.None;
        using var scope = services().CreateScope();
        var other = scope.ServiceProvider.GetRequiredService<CodingDbContext>();
        var theirs = """{"diagnoses":[{"code":"I10","sequence":1,"poa":"Y"}],"lines":[],"decisions":[]}""";
        if (race == Race.Update)
        {
            var stored = await other.Codings.SingleAsync(c => c.Id == entry.Entity.Id, cancellationToken);
            stored.WorkingSetJson = theirs;
            stored.UpdatedAt = DateTimeOffset.UtcNow;
        }
        else
        {
            other.Codings.Add(new CodingRecord { Id = entry.Entity.Id, FhirBase = entry.Entity.FhirBase, EncounterId = entry.Entity.EncounterId, WorkingSetJson = theirs });
        }

        await other.SaveChangesAsync(cancellationToken);
        return result;
    }
}
