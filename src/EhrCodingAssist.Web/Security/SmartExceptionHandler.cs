using EhrCodingAssist.Web.Pages.Errors;
using EhrCodingAssist.Web.Session;
using Microsoft.AspNetCore.Diagnostics;

namespace EhrCodingAssist.Web.Security;

/// <summary>
/// Turns <see cref="RelaunchRequiredException"/> into the relaunch page (401) and <see cref="MissingScopeException"/>
/// into the page naming the scope (403). API and /fhir callers get problem JSON with the same status.
/// </summary>
internal sealed class SmartExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var wantsJson = httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || httpContext.Request.Path.StartsWithSegments("/fhir", StringComparison.OrdinalIgnoreCase);
        var inner = exception is AggregateException { InnerExceptions.Count: 1 } agg ? agg.InnerException! : exception;
        IResult? result = inner switch
        {
            RelaunchRequiredException when wantsJson => Results.Problem("The session has ended; launch the app again from the EHR.", statusCode: StatusCodes.Status401Unauthorized, type: "/error/relaunch"),
            RelaunchRequiredException => ErrorPages.Relaunch(),
            MissingScopeException m when wantsJson => Results.Problem("The EHR did not grant a needed scope.", statusCode: StatusCodes.Status403Forbidden, type: "/error/missing-scope", extensions: new Dictionary<string, object?> { ["scope"] = m.Scope }),
            MissingScopeException m => ErrorPages.MissingScope(m.Scope),
            _ => null,
        };
        if (result is null)
        {
            return false;
        }

        await result.ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }
}
