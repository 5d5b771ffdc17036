using System.Net;
using EhrCodingAssist.Sandbox.Auth;
using Hl7.Fhir.Model;

namespace EhrCodingAssist.Sandbox.Fhir;

/// <summary>
/// Every FHIR call but metadata and discovery needs a bearer token the sandbox issued (401 otherwise); the
/// token's grant is put on the request. Also turns FHIR errors into OperationOutcome responses.
/// </summary>
internal sealed class FhirAccessFilter(AuthStore auth) : IEndpointFilter
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
    }
}
