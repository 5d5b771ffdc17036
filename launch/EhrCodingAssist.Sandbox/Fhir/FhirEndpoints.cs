using System.Net;
using EhrCodingAssist.Sandbox.Auth;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;

namespace EhrCodingAssist.Sandbox.Fhir;

/// <summary>The FHIR R4 REST API under /fhir: read, vread, search, create, update, delete, transaction/batch, metadata.</summary>
internal static class FhirEndpoints
{
    public static void MapFhir(this WebApplication app)
    {
        app.MapGet("/fhir/metadata", (CapabilityBuilder capability) => new FhirResult(HttpStatusCode.OK, capability.Build()));

        var fhir = app.MapGroup("/fhir").AddEndpointFilter<FhirAccessFilter>();
        fhir.MapGet("/{type}/{id}", (string type, string id, HttpContext context, FhirOperations ops) =>
        {
            var stored = ops.Read(KnownType(type), id, Grant(context));
            if (stored.Resource is Binary binary && WantsRawBinary(context.Request))
            {
                context.Response.Headers.ETag = stored.ETag;
                return Results.Bytes(binary.Data ?? [], binary.ContentType ?? "application/octet-stream");
            }

            return new FhirResult(HttpStatusCode.OK, stored.Resource, stored);
        });
        fhir.MapGet("/{type}/{id}/_history/{version}", (string type, string id, string version, HttpContext context, FhirOperations ops) =>
        {
            ops.Read(KnownType(type), id, Grant(context));
            var resource = ops.Store.ReadVersion(type, id, version) ?? throw FhirError.NotFound($"{type}/{id} has no version {version}.");
            return new FhirResult(HttpStatusCode.OK, resource);
        });
        fhir.MapGet("/{type}", (string type, HttpContext context, FhirOperations ops) =>
            Search(KnownType(type), SearchEngine.ParseQuery(context.Request.QueryString.Value ?? string.Empty), context, ops));
        fhir.MapPost("/{type}/_search", async (string type, HttpContext context, FhirOperations ops) =>
        {
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
            var parameters = SearchEngine.ParseQuery(context.Request.QueryString.Value ?? string.Empty);
            parameters.AddRange(form?.SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string>(kv.Key, v ?? string.Empty))) ?? []);
            return Search(KnownType(type), parameters, context, ops);
        });
        fhir.MapPost("/{type}", async (string type, HttpContext context, FhirOperations ops) =>
        {
            var resource = await Body(context, KnownType(type));
            var ifNoneExist = context.Request.Headers["If-None-Exist"].ToString();
            var result = ops.Store.Write(scope => ops.Create(scope, resource, ifNoneExist, Grant(context)));
            return new FhirResult(result.Status, result.Stored!.Resource, result.Stored, location: true);
        });
        fhir.MapPut("/{type}/{id}", async (string type, string id, HttpContext context, FhirOperations ops) =>
        {
            var resource = await Body(context, KnownType(type));
            var ifMatch = context.Request.Headers.IfMatch.ToString();
            var result = ops.Store.Write(scope => ops.Update(scope, type, id, resource, ifMatch, Grant(context)));
            return new FhirResult(result.Status, result.Stored!.Resource, result.Stored, location: result.Status == HttpStatusCode.Created);
        });
        fhir.MapDelete("/{type}/{id}", (string type, string id, HttpContext context, FhirOperations ops) =>
        {
            ops.Store.Write(scope => ops.Delete(scope, KnownType(type), id, Grant(context)));
            return new FhirResult(HttpStatusCode.NoContent, null);
        });
        fhir.MapPost("/", async (HttpContext context, TransactionProcessor transactions) =>
        {
            if (await Body(context, "Bundle") is not Bundle bundle)
            {
                throw FhirError.BadRequest("POST to the base URL takes a transaction or batch Bundle.");
            }

            var response = transactions.Process(bundle, Grant(context));
            if (context.Request.Headers["Prefer"].ToString().Contains("return=minimal", StringComparison.OrdinalIgnoreCase))
            {
                // Minimal applies to the entries' resources; the response Bundle with statuses and locations stays.
                response.Entry.ForEach(e => e.Resource = e.Resource is Bundle ? e.Resource : null);
            }

            return new FhirResult(HttpStatusCode.OK, response, honourPreferMinimal: false);
        });
    }

    /// <summary>A Binary read returns the raw content unless the client asks for FHIR JSON.</summary>
    private static bool WantsRawBinary(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return !accept.Contains("json", StringComparison.OrdinalIgnoreCase) && request.Query["_format"].Count == 0;
    }

    private static FhirResult Search(string type, List<KeyValuePair<string, string>> parameters, HttpContext context, FhirOperations ops)
    {
        var confinedTo = Grant(context).Demand(type, 's');
        var page = ops.Search.Search(type, parameters, confinedTo);
        return new FhirResult(HttpStatusCode.OK, SearchBundles.Searchset(type, page, ops.Store.FhirBase));
    }

    private static AccessGrant Grant(HttpContext context) =>
        context.Items[FhirAccessFilter.GrantKey] as AccessGrant ?? throw new InvalidOperationException("No access grant on the request.");

    private static string KnownType(string type) =>
        ModelInfo.IsKnownResource(type) ? type : throw FhirError.NotFound($"'{type}' is not a FHIR R4 resource type.");

    private static async Task<Resource> Body(HttpContext context, string expectedType)
    {
        var mediaType = context.Request.ContentType ?? string.Empty;
        if (!mediaType.StartsWith("application/fhir+json", StringComparison.OrdinalIgnoreCase) &&
            !mediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new FhirError(HttpStatusCode.UnsupportedMediaType, "Send application/fhir+json.", OperationOutcome.IssueType.NotSupported);
        }

        using var reader = new StreamReader(context.Request.Body);
        var resource = FhirJson.Parse(await reader.ReadToEndAsync(context.RequestAborted));
        return resource.TypeName == expectedType
            ? resource
            : throw FhirError.BadRequest($"The body is a {resource.TypeName}, the URL expects {expectedType}.");
    }
}
