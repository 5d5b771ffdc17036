using EhrCodingAssist.Web.Persistence;
using EhrCodingAssist.Web.Security;
using EhrCodingAssist.Web.Session;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EhrCodingAssist.Web.Queries;

/// <summary>The documentation-query HTTP API (under the launched session; writes need <c>X-CSRF: 1</c>).</summary>
internal static class QueryEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").AddEndpointFilter<QueryProblemFilter>().WithTags("Queries");
        api.MapGet("/encounters/{encounterId}/queries", ListAsync);
        api.MapGet("/queries/metrics", MetricsAsync);
        api.MapGet("/queries/{queryId}", GetAsync);
        var writes = api.MapGroup(string.Empty).RequireCsrfHeader();
        writes.MapPost("/queries", CreateAsync);
        writes.MapPost("/queries/{queryId}/answer", AnswerAsync);
        writes.MapPost("/queries/{queryId}/retry-write", RetryAsync);
        writes.MapPost("/queries/{queryId}/withdraw", (string queryId, ISmartSessionAccessor s, QueryService q, CancellationToken ct) => CloseAsync(queryId, QueryState.Withdrawn, s, q, ct));
        writes.MapPost("/queries/{queryId}/decline", (string queryId, ISmartSessionAccessor s, QueryService q, CancellationToken ct) => CloseAsync(queryId, QueryState.Declined, s, q, ct));
    }

    private static bool Financial(SmartSession s) => s.Role != AppRole.Physician;

    private static async Task<Created<QueryView>> CreateAsync(CreateQueryRequest request, ISmartSessionAccessor sessions, QueryService queries, CancellationToken ct)
    {
        var session = sessions.Current!;
        var query = await queries.CreateAndSendAsync(session, request, ct).ConfigureAwait(false);
        return TypedResults.Created("/api/queries/" + query.Id, QueryView.From(query, Financial(session)));
    }

    private static async Task<Ok<IReadOnlyList<QueryView>>> ListAsync(string encounterId, ISmartSessionAccessor sessions, QueryService queries, CancellationToken ct)
    {
        var session = sessions.Current!;
        var list = await queries.ListForEncounterAsync(session, encounterId, ct).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<QueryView>>(list.Select(q => QueryView.From(q, Financial(session))).ToList());
    }

    private static async Task<Ok<QueryView>> GetAsync(string queryId, ISmartSessionAccessor sessions, QueryService queries, CancellationToken ct)
    {
        var session = sessions.Current!;
        return TypedResults.Ok(QueryView.From(await queries.GetAsync(session, queryId, ct).ConfigureAwait(false), Financial(session)));
    }

    private static async Task<Ok<AnswerResult>> AnswerAsync(string queryId, AnswerQueryRequest request, ISmartSessionAccessor sessions, QueryService queries, CancellationToken ct)
    {
        var (query, outcome) = await queries.AnswerAsync(sessions.Current!, queryId, request, ct).ConfigureAwait(false);
        return TypedResults.Ok(Result(query, outcome));
    }

    private static async Task<Ok<AnswerResult>> RetryAsync(string queryId, ISmartSessionAccessor sessions, QueryService queries, CancellationToken ct)
    {
        var (query, outcome) = await queries.RetryWriteAsync(sessions.Current!, queryId, ct).ConfigureAwait(false);
        return TypedResults.Ok(Result(query, outcome));
    }

    private static async Task<Ok<QueryView>> CloseAsync(string queryId, QueryState target, ISmartSessionAccessor sessions, QueryService queries, CancellationToken ct)
    {
        var session = sessions.Current!;
        return TypedResults.Ok(QueryView.From(await queries.CloseAsync(session, queryId, target, ct).ConfigureAwait(false), Financial(session)));
    }

    private static async Task<Results<Ok<QueryMetrics>, ProblemHttpResult>> MetricsAsync(string? encounter, ISmartSessionAccessor sessions, AppDbContext db, CancellationToken ct)
    {
        var session = sessions.Current!;
        if (session.Role == AppRole.Physician)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed for this role", detail: "Query metrics are for CDI specialists and coders.");
        }

        return TypedResults.Ok(await QueryMetrics.ComputeAsync(db, session.FhirBase.AbsoluteUri, encounter, ct).ConfigureAwait(false));
    }

    private static AnswerResult Result(QueryRecord query, WriteBack.WriteOutcome outcome) =>
        new(query.Id, QueryView.Name(query.State), query.AnswerOption ?? string.Empty, QueryView.Name(outcome.Status), outcome.Written, outcome.Reason);
}
