using EhrCodingAssist.Clinical.Coding;
using EhrCodingAssist.Clinical.Terminology;
using EhrCodingAssist.Web.CoderWorkbench.Store;
using EhrCodingAssist.Web.Encounters;
using EhrCodingAssist.Web.Queries;
using EhrCodingAssist.Web.Security;
using EhrCodingAssist.Web.Session;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.EntityFrameworkCore;

namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>The coder workbench API (launched session; writes need <c>X-CSRF: 1</c>; errors are RFC 9457 problems).</summary>
internal static class CodingEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").AddEndpointFilter<QueryProblemFilter>().AddEndpointFilter<CodingProblemFilter>().WithTags("Coding");
        api.MapGet("/encounters/{encounterId}/coding", GetAsync);
        api.MapGet("/encounters/{encounterId}/claim", ClaimAsync);
        api.MapGet("/encounters/{encounterId}/claim/fhir", ClaimExport.GetAsync);
        api.MapGet("/coding/icd10cm", SearchAsync);
        var writes = api.MapGroup(string.Empty).RequireCsrfHeader();
        writes.MapPut("/encounters/{encounterId}/coding", PutAsync).Accepts<WorkbenchState>("application/json");
        writes.MapPost("/encounters/{encounterId}/finalize", FinalizeAsync);
    }

    private static SmartSession Require(ISmartSessionAccessor sessions, bool coderOnly)
    {
        var session = sessions.Current!;
        if (session.Role == AppRole.Physician || (coderOnly && session.Role != AppRole.Coder))
        {
            throw new QueryProblemException(StatusCodes.Status403Forbidden, "Not allowed for this role", coderOnly ? "Only coders change codes and finalise." : "The workbench is for coders and CDI specialists.");
        }

        return session;
    }

    private static async Task<IResult> GetAsync(string encounterId, ISmartSessionAccessor sessions, CodingService coding, CancellationToken ct)
    {
        var session = Require(sessions, coderOnly: false);
        var context = await coding.LoadAsync(session, encounterId, ct).ConfigureAwait(false);
        return TypedResults.Ok(coding.View(context, session));
    }

    private static async Task<IResult> PutAsync(string encounterId, HttpRequest request, ISmartSessionAccessor sessions, CodingService coding, CancellationToken ct)
    {
        var session = Require(sessions, coderOnly: true);
        var state = await ReadWorkingSetAsync(request, ct).ConfigureAwait(false);
        var errors = WorkbenchValidation.Check(state);
        if (errors.Count > 0)
        {
            throw new QueryProblemException(StatusCodes.Status422UnprocessableEntity, "Invalid working set", string.Join(" ", errors), errors);
        }

        var context = await coding.LoadAsync(session, encounterId, ct).ConfigureAwait(false);
        var (saved, edits) = await coding.SaveAsync(context, state, session.FhirUser ?? "unknown", ct).ConfigureAwait(false);
        return TypedResults.Ok(new { workingSet = saved, edits = edits.Select(EditView.From).ToList() });
    }

    /// <summary>
    /// The body as a working set. Read here rather than bound so that JSON which does not parse is a 400 problem naming
    /// where it failed in every environment (bound, it is an unhandled BadHttpRequestException in Development).
    /// </summary>
    private static async Task<WorkbenchState> ReadWorkingSetAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            throw new QueryProblemException(StatusCodes.Status415UnsupportedMediaType, "JSON expected", "Send the working set as application/json.");
        }

        try
        {
            return await System.Text.Json.JsonSerializer.DeserializeAsync<WorkbenchState>(request.Body, CodingService.Json, ct).ConfigureAwait(false)
                ?? throw new QueryProblemException(StatusCodes.Status400BadRequest, "Malformed JSON", "The body must be a working set object, not null.");
        }
        catch (System.Text.Json.JsonException ex)
        {
            var at = string.IsNullOrEmpty(ex.Path) ? string.Empty : $" at {ex.Path}";
            throw new QueryProblemException(StatusCodes.Status400BadRequest, "Malformed JSON", $"The body is not a valid working set{at}.");
        }
    }

    private static async Task<IResult> FinalizeAsync(string encounterId, ISmartSessionAccessor sessions, ClaimFinalizer finalizer, CancellationToken ct)
    {
        var session = Require(sessions, coderOnly: true);
        var outcome = await finalizer.FinalizeAsync(session, encounterId, ct).ConfigureAwait(false);
        return outcome.Status switch
        {
            "blocked" => TypedResults.Problem(statusCode: 422, title: "Blocking coding edits", detail: outcome.Message,
                extensions: new Dictionary<string, object?> { ["edits"] = outcome.BlockingEdits }),
            "invalid" => TypedResults.Problem(statusCode: 422, title: "Invalid resource, nothing sent", detail: outcome.Message,
                extensions: new Dictionary<string, object?> { ["errors"] = outcome.Invalid }),
            "conflict" => TypedResults.Problem(statusCode: 409, title: "The Claim changed on the EHR", detail: outcome.Message,
                extensions: new Dictionary<string, object?> { ["serverVersion"] = outcome.ServerVersion, ["changes"] = outcome.Changes }),
            "failed" => TypedResults.Problem(statusCode: 502, title: "The EHR did not take the Claim", detail: outcome.Message),
            _ => TypedResults.Ok(outcome),
        };
    }

    private static async Task<IResult> ClaimAsync(string encounterId, ISmartSessionAccessor sessions, CodingDbContext store, CancellationToken ct)
    {
        var session = Require(sessions, coderOnly: false);
        if (session.EncounterId != encounterId)
        {
            throw new EncounterNotInContextException("The encounter is not the one in the launch context.");
        }

        var key = CodingService.KeyOf(session.FhirBase.AbsoluteUri, encounterId);
        var record = await store.Codings.AsNoTracking().SingleOrDefaultAsync(c => c.Id == key, ct).ConfigureAwait(false);
        if (record?.ClaimJson is null)
        {
            throw new QueryProblemException(StatusCodes.Status404NotFound, "No Claim yet", "The encounter has not been finalised.");
        }

        var history = await store.ClaimHistory.AsNoTracking().Where(h => h.CodingId == key).OrderBy(h => h.Id)
            .Select(h => new { h.At, h.User, status = h.Status, h.Message }).ToListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(new
        {
            writeStatus = CodingEdits.StatusName(record.ClaimStatus),
            message = record.ClaimMessage,
            serverClaim = record.ServerClaimId is { } id ? "Claim/" + id : null,
            serverVersion = record.ServerClaimVersion,
            claim = System.Text.Json.JsonDocument.Parse(record.ClaimJson).RootElement,
            history = history.Select(h => new { at = h.At, user = h.User, status = CodingEdits.StatusName(h.status), message = h.Message }),
        });
    }

    /// <summary>
    /// Searches the release that applies to <paramref name="date"/>; without one, to the session's encounter date (one read of
    /// the Encounter, dated as the workbench dates it); without an encounter in the session, the newest loaded release.
    /// None when no release is at or before the year.
    /// </summary>
    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<object>> SearchAsync(
        string q, DateOnly? date, ISmartSessionAccessor sessions, CodingReferenceData data, IEhrFhirClientFactory clients, TimeProvider time, CancellationToken ct)
    {
        var session = Require(sessions, coderOnly: false);
        var resolution = await SearchReleaseAsync(session, date, data.IcdCodeSets, clients, time, ct).ConfigureAwait(false);
        var codes = resolution.Set?.Search(q ?? string.Empty, 20) ?? [];
        return TypedResults.Ok<object>(new
        {
            version = resolution.Set?.Version,
            codeSet = CodeSetView.From(resolution),
            codes = codes.Select(c => new { code = c.Code, display = c.LongTitle, billable = c.Billable }),
        });
    }

    private static async Task<CodeSetResolution> SearchReleaseAsync(
        SmartSession session, DateOnly? date, CodeSetRegistry registry, IEhrFhirClientFactory clients, TimeProvider time, CancellationToken ct)
    {
        if (date is { } given)
        {
            return registry.Resolve(given);
        }

        if (session.EncounterId is { } encounterId)
        {
            var encounter = await clients.Create(session).ReadAsync<Encounter>("Encounter/" + encounterId, ct: ct).ConfigureAwait(false)
                ?? throw new FhirOperationException("The EHR returned no Encounter.", System.Net.HttpStatusCode.NotFound);
            return registry.Resolve(EncounterCoding.DateOfService(encounter, time.GetUtcNow()));
        }

        return registry.All is [.., var newest]
            ? new CodeSetResolution(newest.FiscalYear, newest)
            : registry.Resolve(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
    }
}
