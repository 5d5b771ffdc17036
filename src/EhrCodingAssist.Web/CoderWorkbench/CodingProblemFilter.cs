
namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>
/// Turns the workbench's own refusals into RFC 9457 problem details; EHR failures (and an encounter outside the launch)
/// are answered by the one EHR failure handler (<see cref="EhrFailures.EhrFailureHandler"/>).
/// </summary>
internal sealed class CodingProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (WorkingSetConflictException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The working set changed; reload", detail: ex.Message);
        }
    }
}
