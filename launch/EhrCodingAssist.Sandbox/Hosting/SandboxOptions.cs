namespace EhrCodingAssist.Sandbox.Hosting;

/// <summary>
/// How to start the sandbox. Bound from configuration section "Sandbox" (command line: --Sandbox:EhrUrl=…,
/// or the short forms --ehr-url, --app-url, --seed-folder, --client-jwks-url, --start-app false). A URL with port 0 gets a free port.
/// </summary>
public sealed record SandboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Sandbox";

    /// <summary>Where the EHR listens. Defaults to http://127.0.0.1:5100 (loopback only).</summary>
    public string EhrUrl { get; init; } = "http://127.0.0.1:5100";

    /// <summary>Where the app listens. Defaults to http://127.0.0.1:5000.</summary>
    public string AppUrl { get; init; } = "http://127.0.0.1:5000";

    /// <summary>Whether to start the app in-process beside the EHR. Defaults to true.</summary>
    public bool StartApp { get; init; } = true;

    /// <summary>Whether to load the built-in synthetic patients. Defaults to true.</summary>
    public bool SeedSyntheticPatients { get; init; } = true;

    /// <summary>A folder of FHIR Bundle JSON files (transaction, batch or collection) to load at start. Defaults to none.</summary>
    public string? SeedFolder { get; init; }

    /// <summary>An encounter id to grow with extra vital signs (for performance runs). Defaults to none.</summary>
    public string? GrowEncounter { get; init; }

    /// <summary>The number of resources the grown encounter's patient should hold. Defaults to 2000.</summary>
    public int GrowTo { get; init; } = 2000;

    /// <summary>The one registered client. Defaults to "ehrcodingassist-sandbox" (smart-config/sandbox.json).</summary>
    public string ClientId { get; init; } = "ehrcodingassist-sandbox";

    /// <summary>Registered redirect URIs. Defaults to the app's /callback.</summary>
    public IReadOnlyList<string>? RedirectUris { get; init; }

    /// <summary>Where the client's public keys are fetched for private_key_jwt. Defaults to the app's /.well-known/jwks.json.</summary>
    public string? ClientJwksUrl { get; init; }

    /// <summary>The client's public keys given inline as JWKS JSON; when set, no fetch happens (tests). Defaults to none.</summary>
    public string? ClientJwks { get; init; }

    /// <summary>Access token lifetime. Defaults to one hour.</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Whether a write whose local references point nowhere is refused (422). Defaults to true.</summary>
    public bool EnforceReferentialIntegrity { get; init; } = true;

    /// <summary>Extra configuration for the in-process app (added after the sandbox's own settings for it).</summary>
    public IReadOnlyDictionary<string, string?> AppConfiguration { get; init; } = new Dictionary<string, string?>();

    /// <summary>Command-line arguments passed on to the app's builder. Defaults to none.</summary>
    public IReadOnlyList<string> AppArgs { get; init; } = [];

    /// <summary>Whether the EHR logs to the console. Defaults to true; tests turn it off.</summary>
    public bool ConsoleLogging { get; init; } = true;
}
