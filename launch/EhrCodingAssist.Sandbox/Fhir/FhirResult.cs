using System.Globalization;
using System.Net;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace EhrCodingAssist.Sandbox.Fhir;

/// <summary>A FHIR JSON response with ETag, Last-Modified and Location where a stored version is involved.</summary>
internal sealed class FhirResult(HttpStatusCode status, Resource? body, StoredResource? version = null, bool location = false, bool honourPreferMinimal = true) : IResult
{
    public static FhirResult Error(FhirError error) => new(error.Status, error.ToOutcome());

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = (int)status;
        if (version is not null)
        {
            var fhirBase = httpContext.RequestServices.GetRequiredService<ResourceStore>().FhirBase;
            response.Headers.ETag = version.ETag;
            if (version.Resource.Meta?.LastUpdated is { } updated)
            {
                response.Headers.LastModified = updated.ToString("R", CultureInfo.InvariantCulture);
            }

            if (location)
            {
                response.Headers.Location = $"{fhirBase}/{version.Key}/_history/{version.VersionId}";
            }
        }

        var minimal = httpContext.Request.Headers["Prefer"].ToString().Contains("return=minimal", StringComparison.OrdinalIgnoreCase);
        if (body is null || (honourPreferMinimal && minimal && body is not OperationOutcome && httpContext.Request.Method != "GET"))
        {
            return;
        }

        response.ContentType = FhirJson.ContentType;
        await response.Body.WriteAsync(FhirJson.SerializeToUtf8(body), httpContext.RequestAborted);
    }
}
