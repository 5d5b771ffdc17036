namespace EhrCodingAssist.Sandbox.Hosting;

/// <summary>The settings the sandbox gives the in-process app so that it trusts this EHR at these addresses.</summary>
internal static class SandboxAppConfiguration
{
    public static Dictionary<string, string?> For(SandboxUrls urls) => new()
    {
        ["Urls"] = urls.AppBase,
    };
}
