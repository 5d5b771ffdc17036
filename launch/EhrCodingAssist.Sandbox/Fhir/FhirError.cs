using System.Net;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Fhir;

/// <summary>A FHIR interaction failure that becomes an HTTP status with an OperationOutcome body.</summary>
internal sealed class FhirError(HttpStatusCode status, string diagnostics, OperationOutcome.IssueType code = OperationOutcome.IssueType.Processing)
    : Exception(diagnostics)
{
    public HttpStatusCode Status { get; } = status;

    public OperationOutcome.IssueType Code { get; } = code;

    public OperationOutcome ToOutcome() => Outcome(Code, Message);

    public static OperationOutcome Outcome(OperationOutcome.IssueType code, string diagnostics) => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = code,
                Diagnostics = diagnostics,
            },
        ],
    };

    public static FhirError BadRequest(string message) => new(HttpStatusCode.BadRequest, message, OperationOutcome.IssueType.Invalid);

    public static FhirError NotFound(string message) => new(HttpStatusCode.NotFound, message, OperationOutcome.IssueType.NotFound);

    public static FhirError Gone(string message) => new(HttpStatusCode.Gone, message, OperationOutcome.IssueType.Deleted);

    public static FhirError PreconditionFailed(string message) => new(HttpStatusCode.PreconditionFailed, message, OperationOutcome.IssueType.Conflict);

    public static FhirError Unprocessable(string message) => new(HttpStatusCode.UnprocessableEntity, message, OperationOutcome.IssueType.Processing);

    public static FhirError Forbidden(string message) => new(HttpStatusCode.Forbidden, message, OperationOutcome.IssueType.Forbidden);
}
