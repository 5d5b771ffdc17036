using EhrCodingAssist.Sandbox.Auth;
using EhrCodingAssist.Sandbox.Fhir;
using EhrCodingAssist.Sandbox.Launch;

namespace EhrCodingAssist.Sandbox.Hosting;

/// <summary>Service registration and endpoint mapping of the EHR, one line per feature.</summary>
internal static class SandboxServices
{
    public static void AddSandbox(this IServiceCollection services, SandboxOptions options, SandboxUrls urls)
    {
        services.AddSingleton(options);
        services.AddSingleton(urls);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ResourceStore(urls.FhirBase, sp.GetRequiredService<TimeProvider>(), options.EnforceReferentialIntegrity));
        services.AddSingleton<SearchEngine>();
        services.AddSingleton<FhirOperations>();
        services.AddSingleton<TransactionProcessor>();
        services.AddSingleton<CapabilityBuilder>();
        services.AddSingleton<AuthStore>();
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<ClientAssertionValidator>();
        services.AddHttpClient();
    }

    public static void MapSandbox(this WebApplication app)
    {
        app.MapLaunch();
        app.MapSmartConfiguration();
        app.MapAuthorize();
        app.MapToken();
        app.MapFhir();
    }
}
