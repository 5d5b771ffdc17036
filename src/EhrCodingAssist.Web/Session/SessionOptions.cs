namespace EhrCodingAssist.Web.Session;

/// <summary>Server-side session settings (configuration section "Smart:Session").</summary>
public sealed record SmartSessionOptions
{
    /// <summary>Name of the session cookie. Defaults to "ehrca.sid".</summary>
    public string CookieName { get; init; } = "ehrca.sid";

    /// <summary>Sliding idle lifetime of a session. Defaults to 8 hours.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromHours(8);

    /// <summary>How long a launch may take between /launch and /callback. Defaults to 10 minutes.</summary>
    public TimeSpan LaunchTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Refresh the access token when it expires within this margin. Defaults to 60 seconds.</summary>
    public TimeSpan RefreshLeeway { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Add the CHIPS "Partitioned" attribute so the cookie survives third-party cookie blocking in EHR iframes. Defaults to true.</summary>
    public bool PartitionedCookie { get; init; } = true;
}
