namespace EhrCodingAssist.Web.Launch;

/// <summary>SMART launch settings (configuration section "Smart").</summary>
public sealed record SmartLaunchOptions
{
    /// <summary>
    /// Folder of the smart-config registrations. Defaults to the first <c>smart-config</c> folder found walking up
    /// from the content root, then from the app's base directory.
    /// </summary>
    public string? ConfigDirectory { get; init; }
}
