namespace EhrCodingAssist.Web.Queries;

/// <summary>
/// Refuses state-changing calls without the <c>X-CSRF: 1</c> header (a simple request cannot set it cross-site).
/// Stand-in until the session feature's shared filter is available.
/// </summary>
internal sealed class CsrfHeaderFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return context.HttpContext.Request.Headers["X-CSRF"] == "1"
            ? await next(context).ConfigureAwait(false)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Missing X-CSRF header",
                detail: "State-changing calls must send the header X-CSRF: 1.");
    }
}
