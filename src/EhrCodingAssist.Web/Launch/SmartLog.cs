namespace EhrCodingAssist.Web.Launch;

/// <summary>Launch and session log lines. No patient data, no tokens, no attacker-controlled values.</summary>
internal static partial class SmartLog
{
    [LoggerMessage(1, LogLevel.Information, "smart-config: {Enabled} enabled of {Total} registrations loaded from {Directory}")]
    public static partial void ConfigLoaded(ILogger logger, int enabled, int total, string directory);

    [LoggerMessage(2, LogLevel.Warning, "Launch refused: issuer not in the allow-list")]
    public static partial void UnknownIssuer(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "Launch refused for registration {Registration}: discovery failed ({Failure})")]
    public static partial void DiscoveryFailed(ILogger logger, string registration, string failure);

    [LoggerMessage(4, LogLevel.Information, "Launch started for registration {Registration} ({LaunchType}, scopes {Syntax})")]
    public static partial void LaunchStarted(ILogger logger, string registration, string launchType, string syntax);

    [LoggerMessage(5, LogLevel.Warning, "Callback refused: {Reason}")]
    public static partial void CallbackRefused(ILogger logger, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Token endpoint refused for registration {Registration}: {Error}")]
    public static partial void TokenError(ILogger logger, string registration, string error);

    [LoggerMessage(7, LogLevel.Warning, "id_token rejected for registration {Registration}")]
    public static partial void IdTokenRejected(ILogger logger, string registration, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "Session started for registration {Registration} (role {Role}, encounter in context: {HasEncounter})")]
    public static partial void SessionStarted(ILogger logger, string registration, string role, bool hasEncounter);

    [LoggerMessage(9, LogLevel.Warning, "Launch refused for registration {Registration}: scope not granted")]
    public static partial void ScopeNotGranted(ILogger logger, string registration);

    [LoggerMessage(10, LogLevel.Information, "Access token refreshed for registration {Registration}")]
    public static partial void Refreshed(ILogger logger, string registration);

    [LoggerMessage(11, LogLevel.Warning, "Refresh refused for registration {Registration} ({Error}); relaunch required")]
    public static partial void RefreshRefused(ILogger logger, string registration, string error);
}
