using System.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;

namespace EhrCodingAssist.Web.Bff;

/// <summary>
/// YARP request transform for /fhir: targets the session's FHIR base, drops the browser's cookies and any
/// Authorization header, and adds the session's bearer token. Upstream Set-Cookie headers are dropped too.
/// </summary>
internal sealed class BffTransformer : HttpTransformer
{
    public static readonly BffTransformer Instance = new();

    public static readonly HttpRequestOptionsKey<string> SessionIdOption = new("ehrca.session");

    internal static readonly object TokenItem = new();
    internal static readonly object TargetItem = new();
    internal static readonly object SessionItem = new();

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken).ConfigureAwait(false);
        proxyRequest.Headers.Remove("Cookie");
        proxyRequest.Headers.Remove("X-CSRF");
        proxyRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (string)httpContext.Items[TokenItem]!);
        proxyRequest.RequestUri = (Uri)httpContext.Items[TargetItem]!;
        proxyRequest.Options.Set(SessionIdOption, (string)httpContext.Items[SessionItem]!);

        // The EHR sees the request as coming from the app, not from the browser's host name.
        proxyRequest.Headers.Host = null;
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var result = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken).ConfigureAwait(false);
        httpContext.Response.Headers.Remove("Set-Cookie");
        httpContext.Response.Headers.CacheControl = "private, no-store";
        return result;
    }
}
