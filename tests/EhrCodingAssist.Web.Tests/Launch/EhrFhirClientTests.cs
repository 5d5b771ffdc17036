using System.Net;
using EhrCodingAssist.Web.Session;
using EhrCodingAssist.Web.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace EhrCodingAssist.Web.Tests.Launch;

public sealed class EhrFhirClientTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string PatientJson = """{"resourceType":"Patient","id":"pat-1"}""";

    private IEhrFhirClientFactory Factory => app.Services.GetRequiredService<IEhrFhirClientFactory>();

    private SmartSession? Session(LaunchedSession launched) =>
        app.Services.GetRequiredService<SmartSessionStore>().Get(launched.SessionId)?.Context;

    [Fact]
    public async System.Threading.Tasks.Task Read_WithSession_SendsBearerToken()
    {
        app.Ehr.Reset();
        app.Ehr.StubFhir("Patient/pat-1", PatientJson, bearer: "at-1");
        var launched = await app.LaunchAsync();

        var patient = await Factory.Create(Session(launched)!).ReadAsync<Patient>("Patient/pat-1");

        Assert.Equal("pat-1", patient!.Id);
    }

    [Fact]
    public async System.Threading.Tasks.Task Read_Upstream401_RefreshesWithClientAssertionAndRetriesOnce()
    {
        app.Ehr.Reset();
        app.Ehr.StubFhir("Patient/pat-1", "{}", status: 401, bearer: "at-1");
        app.Ehr.StubFhir("Patient/pat-1", PatientJson, bearer: "at-2");
        app.Ehr.StubRefresh(new { access_token = "at-2", token_type = "Bearer", expires_in = 3600 });
        var launched = await app.LaunchAsync();

        var patient = await Factory.Create(Session(launched)!).ReadAsync<Patient>("Patient/pat-1");

        Assert.Equal("pat-1", patient!.Id);
        Assert.Equal(2, app.Ehr.Received("/fhir/Patient").Count);
        var refresh = Assert.Single(app.Ehr.Received("/auth/token"), e => e.RequestMessage.Body!.Contains("grant_type=refresh_token", StringComparison.Ordinal));
        Assert.Contains("client_assertion=", refresh.RequestMessage.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Create_Upstream401_RetriesWithSameBody()
    {
        app.Ehr.Reset();
        app.Ehr.Server.Given(Request.Create().WithPath("/fhir/Condition").UsingPost().WithHeader("Authorization", "Bearer at-1"))
            .RespondWith(Response.Create().WithStatusCode(401));
        app.Ehr.Server.Given(Request.Create().WithPath("/fhir/Condition").UsingPost().WithHeader("Authorization", "Bearer at-2"))
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/fhir+json").WithBody("""{"resourceType":"Condition","id":"c1"}"""));
        app.Ehr.StubRefresh(new { access_token = "at-2", token_type = "Bearer" });
        var launched = await app.LaunchAsync();

        var created = await Factory.Create(Session(launched)!).CreateAsync(new Condition { Subject = new ResourceReference("Patient/pat-1") });

        Assert.Equal("c1", created!.Id);
        var posts = app.Ehr.Received("/fhir/Condition");
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Contains("Patient/pat-1", p.RequestMessage.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async System.Threading.Tasks.Task Read_TokenNearExpiry_RefreshesBeforeCalling()
    {
        app.Ehr.Reset();
        app.Ehr.StubFhir("Patient/pat-1", PatientJson, bearer: "at-new");
        app.Ehr.StubRefresh(new { access_token = "at-new", token_type = "Bearer", expires_in = 3600 });
        var launched = await app.LaunchAsync(new LaunchSpec { ExpiresIn = 30 });

        var patient = await Factory.Create(Session(launched)!).ReadAsync<Patient>("Patient/pat-1");

        Assert.Equal("pat-1", patient!.Id);
        Assert.Single(app.Ehr.Received("/fhir/Patient"));
    }

    [Fact]
    public async System.Threading.Tasks.Task Read_RefreshInvalidGrant_ThrowsRelaunchAndEndsSession()
    {
        app.Ehr.Reset();
        app.Ehr.StubFhir("Patient/pat-1", "{}", status: 401);
        app.Ehr.StubRefresh(new { error = "invalid_grant" }, status: 400);
        var launched = await app.LaunchAsync();

        await Assert.ThrowsAsync<RelaunchRequiredException>(() => Factory.Create(Session(launched)!).ReadAsync<Patient>("Patient/pat-1"));

        Assert.Null(Session(launched));
    }

    [Fact]
    public async System.Threading.Tasks.Task Search_403WithInsufficientScopeChallenge_ThrowsNamingScope()
    {
        app.Ehr.Reset();
        app.Ehr.Server.Given(Request.Create().WithPath("/fhir/Observation").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(403)
                .WithHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"patient/Observation.rs\""));
        var launched = await app.LaunchAsync();

        var ex = await Assert.ThrowsAsync<MissingScopeException>(() => Factory.Create(Session(launched)!).SearchAsync<Observation>(["patient=pat-1"]));

        Assert.Equal("patient/Observation.rs", ex.Scope);
    }

    [Fact]
    public async System.Threading.Tasks.Task Search_403WithoutChallenge_NamesScopeFromRequest()
    {
        app.Ehr.Reset();
        app.Ehr.StubFhir("MedicationRequest", "{}", status: 403);
        var launched = await app.LaunchAsync();

        var ex = await Assert.ThrowsAsync<MissingScopeException>(() => Factory.Create(Session(launched)!).SearchAsync<MedicationRequest>(["patient=pat-1"]));

        Assert.Equal("patient/MedicationRequest.s", ex.Scope);
    }

    [Fact]
    public async System.Threading.Tasks.Task HttpClient_UrlOutsideFhirBase_RefusedWithoutSending()
    {
        app.Ehr.Reset();
        var launched = await app.LaunchAsync();
        using var client = Factory.CreateHttpClient(Session(launched)!);
        var before = app.Ehr.Server.LogEntries.Count;

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(app.Ehr.Server.Url + "/auth/jwks.json")));
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(app.Ehr.FhirBase + "x/Patient")));

        Assert.Equal(before, app.Ehr.Server.LogEntries.Count);
    }

    [Fact]
    public async System.Threading.Tasks.Task HttpClient_AttachmentUnderFhirBase_CarriesToken()
    {
        app.Ehr.Reset();
        app.Ehr.StubFhir("Binary/b1", "hello", bearer: "at-1");
        var launched = await app.LaunchAsync();
        using var client = Factory.CreateHttpClient(Session(launched)!);

        using var response = await client.GetAsync(new Uri(app.Ehr.FhirBase + "/Binary/b1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
