namespace EhrCodingAssist.Web.Session;

/// <summary>What the server keeps per launched browser session: the context and the tokens (never sent to the browser).</summary>
internal sealed record SessionRecord
{
    public required SmartSession Context { get; init; }

    public required string AccessToken { get; init; }

    public string? RefreshToken { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public required Uri TokenEndpoint { get; init; }
}
