namespace EhrCodingAssist.Sandbox.Hosting;

/// <summary>Short command-line switches and binding of <see cref="SandboxOptions"/> from configuration.</summary>
internal static class SandboxCommandLine
{
    public static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.Ordinal)
    {
        ["--seed-folder"] = "Sandbox:SeedFolder",
        ["--ehr-url"] = "Sandbox:EhrUrl",
        ["--app-url"] = "Sandbox:AppUrl",
        ["--client-jwks-url"] = "Sandbox:ClientJwksUrl",
        ["--start-app"] = "Sandbox:StartApp",
        ["--grow-encounter"] = "Sandbox:GrowEncounter",
        ["--grow-to"] = "Sandbox:GrowTo",
    };

    public static SandboxOptions Bind(IConfiguration configuration)
    {
        var options = configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();

        // Everything outside the Sandbox section is handed on to the app, so `--Database:Provider=…` reaches it.
        var appSettings = configuration.AsEnumerable()
            .Where(kv => kv.Value is not null && !kv.Key.StartsWith(SandboxOptions.Section + ":", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        return options with { AppConfiguration = appSettings };
    }
}
