using EhrCodingAssist.Web.Session;

namespace EhrCodingAssist.Web.Queries;

/// <summary>Requires a launched session and turns the feature's refusals into RFC 9457 problem details.</summary>
internal sealed class QueryProblemFilter(ISmartSessionAccessor sessions) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (sessions.Current is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not launched", detail: "Launch the app from the EHR first.");
        }

        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (QueryProblemException ex)
        {
            var extensions = new Dictionary<string, object?>();
            if (ex.Errors.Count > 0)
            {
                extensions["errors"] = ex.Errors;
            }

            if (ex.Violations.Count > 0)
            {
                extensions["violations"] = ex.Violations;
            }

            return TypedResults.Problem(statusCode: ex.Status, title: ex.Title, detail: ex.Message, extensions: extensions.Count > 0 ? extensions : null);
        }
        catch (RelaunchRequiredException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Relaunch required", detail: "The EHR session expired; relaunch the app from the EHR.");
        }
        catch (MissingScopeException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Missing scope", detail: $"The EHR refused the call; scope {ex.Scope ?? "(unknown)"} is needed.");
        }
    }
}
