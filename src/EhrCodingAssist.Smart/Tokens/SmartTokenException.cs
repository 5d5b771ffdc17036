namespace EhrCodingAssist.Smart.Tokens;

/// <summary>The token endpoint refused a request, or answered something unusable.</summary>
public sealed class SmartTokenException(string error, string? description, int? statusCode)
    : Exception($"Token endpoint error '{error}'" + (statusCode is null ? "" : $" (HTTP {statusCode})"))
{
    /// <summary>The OAuth error code, e.g. invalid_grant.</summary>
    public string Error { get; } = error;

    /// <summary>The server's error_description (may be shown to staff; never contains tokens).</summary>
    public string? Description { get; } = description;

    /// <summary>The HTTP status, when there was one.</summary>
    public int? StatusCode { get; } = statusCode;

    /// <summary>Whether the grant (code or refresh token) is no longer valid: the user must relaunch.</summary>
    public bool IsInvalidGrant => Error == "invalid_grant";
}
