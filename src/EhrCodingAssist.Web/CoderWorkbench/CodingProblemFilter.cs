using EhrCodingAssist.Web.Encounters;
using Hl7.Fhir.Rest;

namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>Turns the workbench's encounter and EHR failures into RFC 9457 problem details.</summary>
internal sealed class CodingProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (EncounterNotInContextException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Encounter not in context", detail: ex.Message);
        }
        catch (WorkingSetConflictException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The working set changed; reload", detail: ex.Message);
        }
        catch (FhirOperationException ex)
        {
            return ex.Status == System.Net.HttpStatusCode.NotFound
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Encounter not found", detail: "The EHR has no such encounter.")
                : TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "EHR error", detail: $"The EHR answered HTTP {(int)ex.Status}.");
        }
    }
}
