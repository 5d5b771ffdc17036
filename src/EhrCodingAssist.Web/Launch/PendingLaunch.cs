namespace EhrCodingAssist.Web.Launch;

/// <summary>Server-side state of a launch between /launch and /callback, bound to the browser's session id and the state value.</summary>
internal sealed record PendingLaunch
{
    public required string Registration { get; init; }

    public required Uri Issuer { get; init; }

    public required string CodeVerifier { get; init; }

    public required IReadOnlyList<string> RequestedScopes { get; init; }

    public required Uri TokenEndpoint { get; init; }

    public Uri? JwksUri { get; init; }

    public string? IdTokenIssuer { get; init; }

    public required DateTimeOffset StartedAt { get; init; }
}
