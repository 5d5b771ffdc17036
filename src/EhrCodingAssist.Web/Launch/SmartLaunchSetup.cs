using System.Net;
using EhrCodingAssist.Smart.Caching;
using EhrCodingAssist.Smart.Discovery;
using EhrCodingAssist.Smart.Tokens;
using EhrCodingAssist.Web.Bff;
using EhrCodingAssist.Web.Security;
using EhrCodingAssist.Web.Session;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.Launch;

/// <summary>Registers and maps SMART launch, the server-side session, the /fhir BFF and the CSRF backstop.</summary>
public static class SmartLaunchSetup
{
    /// <summary>Name of the pooled HTTP handler used for EHR FHIR calls (token handler on top).</summary>
    public const string EhrHandlerName = EhrFhirClientFactory.HandlerName;

    /// <summary>Adds the services. Configuration: "Smart" (<see cref="SmartLaunchOptions"/>), "Smart:Session", "Smart:Bff".</summary>
    public static WebApplicationBuilder AddSmartLaunch(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SmartLaunchOptions>().BindConfiguration("Smart");
        services.AddOptions<SmartSessionOptions>().BindConfiguration("Smart:Session");
        services.AddOptions<BffOptions>().BindConfiguration("Smart:Bff");

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddDistributedMemoryCache();
        services.AddDataProtection();
        services.AddRazorComponents();
        services.AddExceptionHandler<SmartExceptionHandler>();
        services.PostConfigure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(IframeCookies.PostConfigure);

        // One pooled client for discovery, token and JWKS calls: never follows redirects (no SSRF by redirect).
        services.AddSingleton(_ => new SmartHttp(new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        })
        { Timeout = TimeSpan.FromSeconds(20) }));
        // Discovery documents and id_token JWKS are reused per issuer / jwks_uri as the EHR's caching headers allow.
        services.AddOptions<SmartMetadataCacheOptions>().BindConfiguration("Smart:MetadataCache");
        services.AddMemoryCache();
        services.AddSingleton(sp => new SmartMetadataCache(sp.GetRequiredService<IMemoryCache>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SmartMetadataCacheOptions>>().Value));
        services.AddSingleton(sp => new SmartDiscoveryClient(sp.GetRequiredService<SmartHttp>().Client, sp.GetRequiredService<SmartMetadataCache>()));
        services.AddSingleton(sp => new SmartTokenClient(sp.GetRequiredService<SmartHttp>().Client, sp.GetRequiredService<ClientAssertionFactory>()));
        services.AddSingleton(sp => new IdTokenValidator(sp.GetRequiredService<SmartHttp>().Client, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<SmartMetadataCache>()));
        services.AddSingleton<ClientAssertionFactory>();

        services.AddSingleton<SmartRegistry>();
        services.AddHostedService<SmartConfigStartupCheck>();
        services.AddSingleton<ProtectedStore>();
        services.AddSingleton<SmartSessionStore>();
        services.AddSingleton<SessionCookie>();
        services.AddSingleton<SessionTokenService>();
        services.AddSingleton<LaunchFlow>();
        services.AddSingleton<ISmartSessionAccessor, SmartSessionAccessor>();
        services.AddSingleton<IEhrFhirClientFactory, EhrFhirClientFactory>();
        services.AddHttpClient(EhrFhirClientFactory.HandlerName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
        });

        services.AddHttpForwarder();
        services.AddSingleton<BffInvoker>();
        return builder;
    }

    /// <summary>Maps /launch, /callback, /.well-known/jwks.json, /error/*, /fhir/** and the /api CSRF backstop.</summary>
    public static WebApplication MapSmartLaunch(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<ApiCsrfMiddleware>();
        LaunchEndpoints.Map(app);
        BffEndpoints.Map(app);
        return app;
    }
}

/// <summary>The HttpClient for SMART metadata and token calls.</summary>
internal sealed record SmartHttp(HttpClient Client);
