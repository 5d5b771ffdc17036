using EhrCodingAssist.Web.Queries;
using EhrCodingAssist.Web.Session;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EhrCodingAssist.Web.Tests.Queries;

/// <summary>
/// The app under WebApplicationFactory with a temp-file SQLite store, US Core 6.1.0 validation, a header-driven
/// session and plain FHIR clients (each test points its session at its own WireMock EHR).
/// </summary>
public sealed class QueryAppFactory : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ehrcodingassist-queries-").FullName;

    public QueryAppFactory()
    {
        // The app's cookies (antiforgery, session) are Secure: talk to it over https, as the launch fixture does.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public string DatabasePath => Path.Combine(_folder, "app.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={DatabasePath};Pooling=False");
        builder.UseSetting("Validation:UsCorePath", TestPaths.UsCore610);
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpContextAccessor();
            services.RemoveAll<ISmartSessionAccessor>();
            services.AddScoped<ISmartSessionAccessor, HeaderSessionAccessor>();
            services.RemoveAll<IEhrFhirClientFactory>();
            services.AddSingleton<IEhrFhirClientFactory, PlainFhirClientFactory>();
            services.RemoveAll<IQueryFindingSource>();
            services.AddScoped<IQueryFindingSource, FixedFindingSource>();
        });
    }

    /// <summary>A client acting as <paramref name="user"/> in <paramref name="role"/> against <paramref name="ehr"/>.</summary>
    internal HttpClient ClientFor(FakeEhr ehr, string role, string user, bool csrf = true, string? scopes = null)
    {
        var client = CreateClient();
        if (scopes is not null)
        {
            client.DefaultRequestHeaders.Add("X-Test-Scopes", scopes);
        }

        client.DefaultRequestHeaders.Add("X-Test-Fhir-Base", ehr.FhirBase);
        client.DefaultRequestHeaders.Add("X-Test-Role", role);
        client.DefaultRequestHeaders.Add("X-Test-User", user);
        if (csrf)
        {
            client.DefaultRequestHeaders.Add("X-CSRF", "1");
        }

        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly; the temp folder is harmless.
        }
    }
}
