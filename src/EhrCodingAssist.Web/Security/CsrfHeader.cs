namespace EhrCodingAssist.Web.Security;

/// <summary>
/// CSRF defence for the app's JSON APIs: state-changing requests must carry <c>X-CSRF: 1</c>. A cross-site form
/// or image cannot set a custom header, and a cross-site fetch that sets one needs a CORS preflight the app never allows.
/// </summary>
public static class CsrfHeader
{
    /// <summary>The header name.</summary>
    public const string Name = "X-CSRF";

    /// <summary>
    /// Requires <c>X-CSRF: 1</c> on the endpoint(s) for every method but GET, HEAD, OPTIONS and TRACE; answers 403
    /// otherwise. Use on a group: <c>app.MapGroup("/api/queries").RequireCsrfHeader()</c>.
    /// </summary>
    public static TBuilder RequireCsrfHeader<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new CsrfHeaderFilter());

    /// <summary>Whether the request is safe (no state change) or carries the header.</summary>
    public static bool IsSatisfied(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)
            || string.Equals(request.Headers[Name], "1", StringComparison.Ordinal);
    }

    private sealed class CsrfHeaderFilter : IEndpointFilter
    {
        public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            return IsSatisfied(context.HttpContext.Request)
                ? next(context)
                : ValueTask.FromResult<object?>(Results.Problem($"State-changing API calls need the header {Name}: 1.", statusCode: StatusCodes.Status403Forbidden));
        }
    }
}

/// <summary>Backstop: enforces the CSRF header on every /api request even where an endpoint forgot the filter.</summary>
internal sealed class ApiCsrfMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && !CsrfHeader.IsSatisfied(context.Request))
        {
            return Results.Problem($"State-changing API calls need the header {CsrfHeader.Name}: 1.", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
        }

        return next(context);
    }
}
