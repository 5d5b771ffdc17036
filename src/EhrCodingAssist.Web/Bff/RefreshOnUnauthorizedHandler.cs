using System.Net;
using System.Net.Http.Headers;
using EhrCodingAssist.Web.Session;

namespace EhrCodingAssist.Web.Bff;

/// <summary>In the BFF's outgoing pipeline: a 401 from the EHR triggers one refresh and one retry (GET only, so no body to replay).</summary>
internal sealed class RefreshOnUnauthorizedHandler(SessionTokenService tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || request.Method != HttpMethod.Get
            || !request.Options.TryGetValue(BffTransformer.SessionIdOption, out var sessionId)
            || request.Headers.Authorization?.Parameter is not { } stale)
        {
            return response;
        }

        string fresh;
        try
        {
            fresh = await tokens.RefreshAsync(sessionId, stale, cancellationToken).ConfigureAwait(false);
        }
        catch (RelaunchRequiredException)
        {
            // The browser gets the EHR's 401; the app's pages show the relaunch page on their next load.
            return response;
        }

        response.Dispose();
        using var retry = new HttpRequestMessage(HttpMethod.Get, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers)
        {
            retry.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(retry, cancellationToken).ConfigureAwait(false);
    }
}
