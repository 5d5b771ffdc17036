using EhrCodingAssist.Smart.Config;
using EhrCodingAssist.Smart.Keys;
using EhrCodingAssist.Smart.Tokens;
using Microsoft.Extensions.Options;

namespace EhrCodingAssist.Web.Launch;

/// <summary>The loaded smart-config: allow-list, signing keys and secret lookup. Loaded once; invalid config stops start-up.</summary>
internal sealed class SmartRegistry
{
    private readonly Func<string, string?> _secrets;

    public SmartRegistry(IOptions<SmartLaunchOptions> options, IConfiguration configuration, IHostEnvironment environment)
    {
        _secrets = name => configuration[name];
        Directory = ResolveDirectory(options.Value.ConfigDirectory, environment.ContentRootPath);
        var registrations = SmartConfigLoader.Load(Directory, _secrets);
        AllowList = new IssuerAllowList(registrations);
        Keys = new ClientKeyRing(registrations, _secrets);
    }

    public string Directory { get; }

    public IssuerAllowList AllowList { get; }

    public ClientKeyRing Keys { get; }

    public TokenClientContext TokenContext(SmartRegistration registration, Uri tokenEndpoint) => new()
    {
        Registration = registration,
        TokenEndpoint = tokenEndpoint,
        SigningKey = Keys.For(registration.Name),
        ClientSecret = registration.ClientAuth.ClientSecretEnv is { } env ? _secrets(env) : null,
    };

    private static string ResolveDirectory(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "smart-config");
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new SmartConfigException("smart-config", "Smart:ConfigDirectory", "no smart-config folder found; set Smart:ConfigDirectory");
    }
}

/// <summary>Loads smart-config at start-up so a bad file stops the app with a message naming the file and field.</summary>
internal sealed class SmartConfigStartupCheck(SmartRegistry registry, ILogger<SmartConfigStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        SmartLog.ConfigLoaded(logger, registry.AllowList.Registrations.Count(r => r.Enabled), registry.AllowList.Registrations.Count, registry.Directory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
