using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Web.Persistence;
using EhrCodingAssist.Web.Queries;
using EhrCodingAssist.Web.Session;
using EhrCodingAssist.Web.WriteBack;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EhrCodingAssist.Web.Pages.Queries;

/// <summary>
/// Documentation queries of the encounter in context. CDI specialists review query findings (with financial weight),
/// edit and send them, and follow answers, "other" texts, not-written decisions and metrics. Physicians see their open
/// queries with indicators and answer them; they never see financial fields.
/// </summary>
public sealed class IndexModel(ISmartSessionAccessor sessions, IQueryFindingSource findings, AppDbContext db, TimeProvider time) : PageModel
{
    // The lifecycle service is internal to the feature; pages resolve it per request.
    private QueryService queries => HttpContext.RequestServices.GetRequiredService<QueryService>();

    /// <summary>The launched session, or null.</summary>
    public SmartSession? Session { get; private set; }

    /// <summary>The encounter's participants and query findings (CDI view).</summary>
    public EncounterQueryContext? Context { get; private set; }

    /// <summary>The encounter's queries (a physician sees only theirs).</summary>
    public IReadOnlyList<QueryRecord> Queries { get; private set; } = [];

    /// <summary>Metrics for this encounter (CDI view).</summary>
    public QueryMetrics? EncounterMetrics { get; private set; }

    /// <summary>Metrics for all encounters of this EHR (CDI view).</summary>
    public QueryMetrics? OverallMetrics { get; private set; }

    /// <summary>Problems of the last action (lint, role, closed query), shown at the top.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Message of the last successful action.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Whether the user is the CDI specialist (or coder) view; physicians get the answering view.</summary>
    public bool IsCdi => Session?.Role is AppRole.Cdi or AppRole.Coder;

    /// <summary>Queries waiting for this physician.</summary>
    public IReadOnlyList<QueryRecord> OpenQueries => Queries.Where(q => q.State == QueryState.Sent).ToList();

    /// <summary>Query findings that have no open or answered query yet.</summary>
    public IReadOnlyList<Finding> UnsentFindings =>
        Context?.Findings.Where(f => f.Kind == FindingKind.Query
            && !Queries.Any(q => q.RuleId == f.Rule && q.State is QueryState.Sent or QueryState.Answered or QueryState.Draft)).ToList() ?? [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>CDI: sends a (possibly edited) query finding.</summary>
    public async Task<IActionResult> OnPostSendAsync(string finding, string? text, string? recipient, List<string>? options, CancellationToken ct) =>
        await RunAsync(async (session, encounter) =>
        {
            var kept = (options ?? []).Concat([QueryOption.Other, QueryOption.ClinicallyUndetermined]).Distinct(StringComparer.Ordinal).ToList();
            await queries.CreateAndSendAsync(session, new CreateQueryRequest { Finding = finding, Encounter = encounter, Recipient = recipient, Text = text, Options = kept }, ct);
            return "Query sent.";
        }, ct);

    /// <summary>Physician: answers a query with an option, "other" + text, or "clinically undetermined", and a comment.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(string queryId, string? option, string? otherText, string? comment, CancellationToken ct) =>
        await RunAsync(async (session, _) =>
        {
            if (string.IsNullOrEmpty(option))
            {
                throw new QueryProblemException(422, "No option", "Choose an answer.");
            }

            var text = option == QueryOption.Other ? otherText : comment;
            var (_, outcome) = await queries.AnswerAsync(session, queryId, new AnswerQueryRequest { Option = option, Text = text }, ct);
            return outcome.Status switch
            {
                WriteStatus.Written => "Answer recorded; the diagnosis was added to the chart.",
                WriteStatus.None => "Answer recorded.",
                _ => "Answer recorded. " + outcome.Reason,
            };
        }, ct);

    /// <summary>Physician: declines a query.</summary>
    public async Task<IActionResult> OnPostDeclineAsync(string queryId, CancellationToken ct) =>
        await RunAsync(async (session, _) =>
        {
            await queries.CloseAsync(session, queryId, QueryState.Declined, ct);
            return "Query declined.";
        }, ct);

    /// <summary>CDI: withdraws a sent query.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(string queryId, CancellationToken ct) =>
        await RunAsync(async (session, _) =>
        {
            await queries.CloseAsync(session, queryId, QueryState.Withdrawn, ct);
            return "Query withdrawn.";
        }, ct);

    /// <summary>Retries a failed write-back.</summary>
    public async Task<IActionResult> OnPostRetryAsync(string queryId, CancellationToken ct) =>
        await RunAsync(async (session, _) =>
        {
            var (_, outcome) = await queries.RetryWriteAsync(session, queryId, ct);
            return outcome.Status == WriteStatus.Written ? "Written to the chart." : "Not written: " + outcome.Reason;
        }, ct);

    /// <summary>CDI: downloads a decision that was not written (the transaction the app would have sent) for export.</summary>
    public async Task<IActionResult> OnGetExportAsync(string queryId, CancellationToken ct)
    {
        Session = sessions.Current;
        if (Session is null || !IsCdi)
        {
            return Forbid();
        }

        try
        {
            var query = await queries.GetAsync(Session, queryId, ct);
            if (query.ResultingCode is null || query.State != QueryState.Answered)
            {
                return NotFound();
            }

            var bundle = WriteBackBundleBuilder.Build(query, time.GetUtcNow());
            return File(System.Text.Encoding.UTF8.GetBytes(FhirJson.Serialize(bundle)), "application/fhir+json", $"query-{query.Id}.json");
        }
        catch (QueryProblemException ex)
        {
            return StatusCode(ex.Status);
        }
    }

    /// <summary>The option label of an answer, for display.</summary>
    public static string AnswerLabel(QueryRecord query) =>
        query.Options.FirstOrDefault(o => o.OptionId == query.AnswerOption)?.Label ?? query.AnswerOption ?? string.Empty;

    private async Task<IActionResult> RunAsync(Func<SmartSession, string, Task<string>> action, CancellationToken ct)
    {
        Session = sessions.Current;
        if (Session?.EncounterId is not { } encounter)
        {
            return await LoadAsync(ct) ?? Page();
        }

        try
        {
            Notice = await action(Session, encounter);
            return RedirectToPage();
        }
        catch (QueryProblemException ex)
        {
            Problems = ex.Errors.Count > 0 ? ex.Errors : [ex.Message];
            Response.StatusCode = ex.Status;
            return await LoadAsync(ct) ?? Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Session = sessions.Current;
        if (Session is null)
        {
            return null;
        }

        ViewData["Role"] = RoleText.Of(Session.Role);
        if (Session.EncounterId is not { } encounter)
        {
            return RedirectToPage("/Encounters");
        }

        if (Session.FhirUser is null)
        {
            Problems = ["The launch did not identify you (fhirUser); documentation queries need it."];
            return null;
        }

        Queries = await queries.ListForEncounterAsync(Session, encounter, ct);
        if (IsCdi)
        {
            Context = await findings.LoadAsync(Session, encounter, ct);
            EncounterMetrics = await QueryMetrics.ComputeAsync(db, Session.FhirBase.AbsoluteUri, encounter, ct);
            OverallMetrics = await QueryMetrics.ComputeAsync(db, Session.FhirBase.AbsoluteUri, null, ct);
        }

        return null;
    }
}
