using EhrCodingAssist.Web.Pages.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EhrCodingAssist.Web.EhrFailures;

/// <summary>
/// Turns every EHR failure that reaches the pipeline into a readable answer, in one place: the EHR error page for
/// pages, RFC 9457 problem details (through <see cref="IProblemDetailsService"/>) for <c>/api</c> and <c>/fhir</c>.
/// Logs the failure's kind, the EHR's status and OperationOutcome codes, never its text.
/// </summary>
internal sealed class EhrFailureHandler(IProblemDetailsService problems, ILogger<EhrFailureHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (EhrFailure.From(exception, httpContext.RequestAborted.IsCancellationRequested) is not { } failure)
        {
            return false;
        }

        EhrFailureLog.Answered(logger, failure.Kind, failure.Status, failure.EhrStatus ?? 0, string.Join(',', failure.IssueCodes));
        httpContext.Response.StatusCode = failure.Status;
        httpContext.Response.Headers.CacheControl = "no-store";
        if (WantsJson(httpContext.Request))
        {
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = ToProblem(failure),
            }).ConfigureAwait(false);
        }

        await ErrorPages.Ehr(failure.Status, failure.Title, failure.Detail).ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    /// <summary>The failure as problem details (type <c>/error/ehr</c>, extension <c>ehrFailure</c> = its kind).</summary>
    internal static ProblemDetails ToProblem(EhrFailure failure) => new()
    {
        Status = failure.Status,
        Title = failure.Title,
        Detail = failure.Detail,
        Type = "/error/ehr",
        Extensions = { ["ehrFailure"] = failure.Kind, ["ehrStatus"] = failure.EhrStatus },
    };

    private static bool WantsJson(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/fhir", StringComparison.OrdinalIgnoreCase);
}
