using EhrCodingAssist.Sandbox.Auth;
using EhrCodingAssist.Sandbox.Fhir;
using EhrCodingAssist.Sandbox.Seed;
using EhrCodingAssist.Web.Logging;

namespace EhrCodingAssist.Sandbox.Hosting;

/// <summary>
/// Starts the sandbox EHR (and, unless <see cref="SandboxOptions.StartApp"/> is false, the app in-process via
/// <c>EhrCodingAssist.Web.AppHost.Build</c>). Tests use it directly:
/// <code>
/// await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { EhrUrl = "http://127.0.0.1:0", AppUrl = "http://127.0.0.1:0", ConsoleLogging = false });
/// // sandbox.Urls.LaunchLink("enc-sepsis", "cdi") → open in a browser; sandbox.IssueAccessToken() → call sandbox.Urls.FhirBase directly.
/// </code>
/// Port 0 picks a free loopback port; both addresses are chosen before either server starts, so the app is
/// configured with the EHR's issuer and the EHR with the app's redirect URI and JWKS URL.
/// </summary>
public static partial class SandboxHost
{
    /// <summary>Starts the EHR (seeded) and optionally the app; dispose the result to stop both.</summary>
    public static async Task<SandboxInstance> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        var ehrBase = FreePort.Resolve(options.EhrUrl);
        var appBase = FreePort.Resolve(options.AppUrl);
        var urls = new SandboxUrls
        {
            EhrBase = ehrBase,
            AppBase = appBase,
            ClientId = options.ClientId,
            RedirectUris = options.RedirectUris ?? [appBase + "/callback"],
            ClientJwksUrl = options.ClientJwksUrl ?? appBase + "/.well-known/jwks.json",
        };

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseUrls(ehrBase);
        builder.Logging.AddPhiSafeLogging();
        if (!options.ConsoleLogging)
        {
            builder.Logging.ClearProviders();
        }

        builder.Services.AddSandbox(options, urls);
        var ehr = builder.Build();
        ehr.MapSandbox();

        var logger = ehr.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SandboxHost));
        if (!FreePort.IsLoopback(ehrBase) || !FreePort.IsLoopback(appBase))
        {
            LogNotLoopback(logger);
        }

        Seed(ehr.Services, options, logger);
        await ehr.StartAsync(cancellationToken);

        WebApplication? app = null;
        DirectoryInfo? smartConfig = null;
        if (options.StartApp)
        {
            (var appSettings, smartConfig) = SandboxAppConfiguration.Prepare(urls);
            // The app's name must be its own assembly: Razor pages and components are discovered from it, and the
            // entry assembly is the sandbox (or a test host) here.
            string[] appArgs = [$"--applicationName={typeof(EhrCodingAssist.Web.AppHost).Assembly.GetName().Name}", .. options.AppArgs];
            app = EhrCodingAssist.Web.AppHost.Build(appArgs, appBuilder =>
            {
                appBuilder.WebHost.UseUrls(appBase);
                appBuilder.Configuration.AddInMemoryCollection(appSettings);
                appBuilder.Configuration.AddInMemoryCollection(options.AppConfiguration);
                if (!options.ConsoleLogging)
                {
                    appBuilder.Logging.ClearProviders();
                }
            });
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch
            {
                await app.DisposeAsync();
                await ehr.StopAsync(CancellationToken.None);
                await ehr.DisposeAsync();
                smartConfig?.Delete(recursive: true);
                throw;
            }
        }

        return new SandboxInstance(urls, ehr, app, smartConfig);
    }

    private static void Seed(IServiceProvider services, SandboxOptions options, ILogger logger)
    {
        var processor = services.GetRequiredService<TransactionProcessor>();
        if (options.SeedSyntheticPatients)
        {
            processor.Process(SyntheticPatients.Build(DateTimeOffset.UtcNow), AccessGrant.Full);
        }

        if (!string.IsNullOrWhiteSpace(options.SeedFolder))
        {
            var (loaded, skipped) = SeedFolderLoader.Load(options.SeedFolder, processor, logger);
            LogSeedFolder(logger, loaded, skipped);
        }

        if (!string.IsNullOrWhiteSpace(options.GrowEncounter))
        {
            var added = EncounterGrowth.Grow(processor, services.GetRequiredService<ResourceStore>(), options.GrowEncounter, options.GrowTo);
            LogGrown(logger, added);
        }

        var count = services.GetRequiredService<ResourceStore>().Count;
        LogSeeded(logger, count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sandbox is bound to a non-loopback address; it is a development tool with no real authentication.")]
    private static partial void LogNotLoopback(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed folder: {Loaded} bundles loaded, {Skipped} skipped.")]
    private static partial void LogSeedFolder(ILogger logger, int loaded, int skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grown encounter: {Added} vital-sign Observations added.")]
    private static partial void LogGrown(ILogger logger, int added);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox store holds {Count} resources.")]
    private static partial void LogSeeded(ILogger logger, int count);
}
