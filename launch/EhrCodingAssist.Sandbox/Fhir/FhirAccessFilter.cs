using System.Net;
using EhrCodingAssist.Sandbox.Auth;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Fhir;

/// <summary>
/// Every FHIR call but metadata and discovery needs a bearer token the sandbox issued (401 otherwise); the
/// token's grant is put on the request. Also turns FHIR errors into OperationOutcome responses.
/// </summary>
internal sealed partial class FhirAccessFilter(AuthStore auth, ILogger<FhirAccessFilter> logger) : IEndpointFilter
{
    public const string GrantKey = "sandbox.grant";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var grant = token is null ? null : auth.FindAccessToken(token);
        if (grant is null)
        {
            http.Response.Headers.WWWAuthenticate = token is null ? "Bearer" : "Bearer error=\"invalid_token\"";
            return new FhirResult(HttpStatusCode.Unauthorized, FhirError.Outcome(OperationOutcome.IssueType.Login, "A valid bearer access token is required."));
        }

        http.Items[GrantKey] = new AccessGrant(grant.Scopes, grant.PatientId);
        try
        {
            return await next(context);
        }
        catch (FhirError error)
        {
            return FhirResult.Error(error);
        }
        catch (FhirParseException parse)
        {
            return FhirResult.Error(FhirError.BadRequest(parse.Message));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only the exception type is logged: messages can carry resource content.
            LogUnexpected(logger, ex.GetType().Name);
            return new FhirResult(HttpStatusCode.InternalServerError, FhirError.Outcome(OperationOutcome.IssueType.Exception, "Internal error in the sandbox FHIR server."));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected {ErrorType} in a FHIR request.")]
    private static partial void LogUnexpected(ILogger logger, string errorType);
}
