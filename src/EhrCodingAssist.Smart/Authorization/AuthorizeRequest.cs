using Microsoft.AspNetCore.WebUtilities;

namespace EhrCodingAssist.Smart.Authorization;

/// <summary>The parameters of one authorization request (SMART App Launch 2.2, section "Obtain authorization code").</summary>
public sealed record AuthorizeRequest
{
    /// <summary>The server's authorize endpoint.</summary>
    public required Uri AuthorizationEndpoint { get; init; }

    /// <summary>The client id.</summary>
    public required string ClientId { get; init; }

    /// <summary>The exact registered redirect URI.</summary>
    public required string RedirectUri { get; init; }

    /// <summary>Scopes, already in the server's syntax.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Random state bound to the server-side session.</summary>
    public required string State { get; init; }

    /// <summary>The S256 code challenge.</summary>
    public required string CodeChallenge { get; init; }

    /// <summary>The FHIR base (aud).</summary>
    public required Uri Audience { get; init; }

    /// <summary>The EHR's launch value, echoed; null for a standalone launch.</summary>
    public string? Launch { get; init; }

    /// <summary>The URL to redirect the browser to.</summary>
    public Uri ToUri()
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["response_type"] = "code",
            ["client_id"] = ClientId,
            ["redirect_uri"] = RedirectUri,
            ["scope"] = string.Join(' ', Scopes),
            ["state"] = State,
            ["aud"] = Audience.AbsoluteUri.TrimEnd('/'),
            ["code_challenge"] = CodeChallenge,
            ["code_challenge_method"] = "S256",
        };
        if (Launch is not null)
        {
            query["launch"] = Launch;
        }

        return new Uri(QueryHelpers.AddQueryString(AuthorizationEndpoint.AbsoluteUri, query));
    }
}
