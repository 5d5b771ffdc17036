using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using EhrCodingAssist.Web.Session;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace EhrCodingAssist.Web.Bff;

/// <summary>
/// <c>/fhir/{**path}</c>: the browser's read-only window on the EHR. Forwards GET reads and searches of allowed
/// resource types to the session's FHIR base with YARP; everything else is refused before leaving the server.
/// </summary>
internal static partial class BffEndpoints
{
    [GeneratedRegex(@"^(?<type>[A-Z][A-Za-z]{1,63})(/(?<id>[A-Za-z0-9][A-Za-z0-9\-.]{0,63})(/_history/[A-Za-z0-9][A-Za-z0-9\-.]{0,63})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AllowedPath();

    public static void Map(IEndpointRouteBuilder app)
    {
        app.Map("/fhir/{**path}", HandleAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        string? path,
        ISmartSessionAccessor sessions,
        SessionTokenService tokens,
        IHttpForwarder forwarder,
        BffInvoker invoker,
        IOptions<BffOptions> options)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            return Results.Problem("The /fhir proxy is read-only (GET).", statusCode: StatusCodes.Status405MethodNotAllowed);
        }

        var session = sessions.Current;
        if (session is null)
        {
            return Results.Problem("No launched session.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var match = AllowedPath().Match(path ?? "");
        if (!match.Success || !options.Value.AllowedResourceTypes.Contains(match.Groups["type"].Value, StringComparer.Ordinal))
        {
            return Results.Problem("This FHIR path is not available through the app.", statusCode: StatusCodes.Status403Forbidden);
        }

        var prefix = session.FhirBase.AbsoluteUri.TrimEnd('/');
        context.Items[BffTransformer.TokenItem] = await tokens.GetAccessTokenAsync(session.Id, context.RequestAborted).ConfigureAwait(false);
        context.Items[BffTransformer.TargetItem] = new Uri(prefix + "/" + path + context.Request.QueryString.ToUriComponent());
        context.Items[BffTransformer.SessionItem] = session.Id;

        var error = await forwarder.SendAsync(context, prefix, invoker.Invoker, ForwarderRequestConfig.Empty, BffTransformer.Instance).ConfigureAwait(false);
        if (error != ForwarderError.None && !context.Response.HasStarted)
        {
            return Results.Problem("The EHR could not be reached.", statusCode: (int)HttpStatusCode.BadGateway);
        }

        return Results.Empty;
    }
}

/// <summary>The outgoing HTTP pipeline of the BFF: refresh-and-retry on 401 over a plain socket handler (no cookies, no redirects).</summary>
internal sealed class BffInvoker : IDisposable
{
    public BffInvoker(SessionTokenService tokens)
    {
        Invoker = new HttpMessageInvoker(new RefreshOnUnauthorizedHandler(tokens)
        {
            InnerHandler = new SocketsHttpHandler
            {
                UseProxy = false,
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                UseCookies = false,
                ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.Current),
                ConnectTimeout = TimeSpan.FromSeconds(15),
            },
        });
    }

    public HttpMessageInvoker Invoker { get; }

    public void Dispose() => Invoker.Dispose();
}
