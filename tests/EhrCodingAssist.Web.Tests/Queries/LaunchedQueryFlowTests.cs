using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EhrCodingAssist.Web.Queries;
using EhrCodingAssist.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EhrCodingAssist.Web.Tests.Queries;

/// <summary>The SMART fixture's app with a temp store and fixed query findings (the rule engine is tested elsewhere).</summary>
public sealed class LaunchedQueryAppFactory : AppFactory
{
    private readonly string _db = Path.Combine(Directory.CreateTempSubdirectory("ehrca-launched-queries-").FullName, "app.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:ConnectionString", $"Data Source={_db};Pooling=False");
        builder.UseSetting("Validation:UsCorePath", TestPaths.UsCore610);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IQueryFindingSource>();
            services.AddScoped<IQueryFindingSource, FixedFindingSource>();
        });
    }
}

public sealed class LaunchedQueryFlowTests(LaunchedQueryAppFactory app) : IClassFixture<LaunchedQueryAppFactory>
{
    private const string Granted = "launch openid fhirUser patient/*.rs user/*.rs patient/Condition.c patient/Provenance.c";

    [Fact]
    public async Task LaunchedCdiSendsLaunchedPhysicianAnswers_TransactionPostedWithPhysicianToken()
    {
        app.Ehr.Reset();
        var cdi = await app.LaunchAsync(new LaunchSpec { Intent = "cdi", FhirUser = QueryScenario.Cdi, Encounter = "e1", Patient = "p1", AccessToken = "at-cdi", GrantedScope = Granted });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/queries") { Content = JsonContent.Create(new { finding = "aki-kdigo", encounter = "e1" }) };
        request.Headers.Add("X-CSRF", "1");
        var created = await cdi.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        app.Ehr.Reset();
        using var ehr = new FakeEhr(app.Ehr.Server);
        var physician = await app.LaunchAsync(new LaunchSpec { Intent = "physician", FhirUser = QueryScenario.Attending, Encounter = "e1", Patient = "p1", AccessToken = "at-dr", GrantedScope = Granted });
        var open = JsonNode.Parse(await physician.Client.GetStringAsync("/api/encounters/e1/queries"))!.AsArray();
        Assert.Equal(id, Assert.Single(open)!["id"]!.GetValue<string>());
        Assert.Null(open[0]!["severity"]);

        using var noCsrf = new HttpRequestMessage(HttpMethod.Post, $"/api/queries/{id}/answer") { Content = JsonContent.Create(new { option = "N17.9" }) };
        Assert.Equal(HttpStatusCode.Forbidden, (await physician.Client.SendAsync(noCsrf)).StatusCode);
        using var answer = new HttpRequestMessage(HttpMethod.Post, $"/api/queries/{id}/answer") { Content = JsonContent.Create(new { option = "N17.9" }) };
        answer.Headers.Add("X-CSRF", "1");
        var reply = await physician.Client.SendAsync(answer);

        var result = JsonNode.Parse(await reply.Content.ReadAsStringAsync())!;
        Assert.Equal("written", result["writeStatus"]!.GetValue<string>());
        var post = Assert.Single(app.Ehr.Server.LogEntries, e => e.RequestMessage.Method == "POST" && e.RequestMessage.Path.TrimEnd('/') == "/fhir");
        Assert.Equal("Bearer at-dr", post.RequestMessage.Headers!["Authorization"].Single());
    }
}
