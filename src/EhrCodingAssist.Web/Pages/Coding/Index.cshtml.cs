using EhrCodingAssist.Web.CoderWorkbench;
using EhrCodingAssist.Web.Encounters;
using EhrCodingAssist.Web.Session;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EhrCodingAssist.Web.Pages.CoderWorkbench;

/// <summary>
/// The coder workbench: documented diagnoses, answered queries, suggestions with evidence and procedures beside the
/// coder's diagnoses (order, POA) and service lines; edits from the coding edit engine; finalise to a Claim.
/// </summary>
public sealed class IndexModel(ISmartSessionAccessor sessions) : PageModel
{
    private CodingService Coding => HttpContext.RequestServices.GetRequiredService<CodingService>();

    /// <summary>The launched session, or null.</summary>
    public SmartSession? Session { get; private set; }

    /// <summary>The workbench data.</summary>
    public CodingView? View { get; private set; }

    /// <summary>ICD-10-CM search results.</summary>
    public IReadOnlyList<Clinical.Terminology.IcdCode> Results { get; private set; } = [];

    /// <summary>The search text.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>The outcome of a finalise on this request.</summary>
    public FinalizeOutcome? Outcome { get; private set; }

    /// <summary>Why the last change was refused.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>Message of the last change.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Whether the user may change codes (coders only).</summary>
    public bool CanEdit => Session?.Role == AppRole.Coder;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Begin())
        {
            return Page();
        }

        try
        {
            var context = await Coding.LoadAsync(Session!, Session!.EncounterId!, ct);
            View = Coding.View(context, Session);
            if (!string.IsNullOrWhiteSpace(Query))
            {
                Results = Coding.CodeSet(context).Set?.Search(Query.Trim(), 15) ?? [];
            }
        }
        catch (EncounterNotInContextException)
        {
            Problems = ["Open the workbench from the encounter in context."];
        }

        return Page();
    }

    /// <summary>Accept, reject (with reason) or replace a suggestion.</summary>
    public Task<IActionResult> OnPostDecideAsync(string rule, string code, string decision, string? reason, string? replacement, CancellationToken ct) =>
        ChangeAsync(state => WorkbenchEdits.Decide(state, new SuggestionDecision(rule, code, decision) { Reason = reason, Replacement = replacement?.Trim().ToUpperInvariant() }), ct);

    /// <summary>Adds a diagnosis (from the search).</summary>
    public Task<IActionResult> OnPostAddAsync(string code, CancellationToken ct) => ChangeAsync(s => WorkbenchEdits.Add(s, code, "coder"), ct);

    /// <summary>Makes a diagnosis the principal one.</summary>
    public Task<IActionResult> OnPostPrincipalAsync(string code, CancellationToken ct) => ChangeAsync(s => WorkbenchEdits.Move(s, code, 1), ct);

    /// <summary>Moves a diagnosis one place up or down.</summary>
    public Task<IActionResult> OnPostMoveAsync(string code, int to, CancellationToken ct) => ChangeAsync(s => WorkbenchEdits.Move(s, code, to), ct);

    /// <summary>Removes a diagnosis.</summary>
    public Task<IActionResult> OnPostRemoveAsync(string code, CancellationToken ct) => ChangeAsync(s => WorkbenchEdits.Remove(s, code), ct);

    /// <summary>Sets a diagnosis' POA indicator.</summary>
    public Task<IActionResult> OnPostPoaAsync(string code, string? poa, CancellationToken ct) => ChangeAsync(s => WorkbenchEdits.SetPoa(s, code, poa), ct);

    /// <summary>Adds a CPT or HCPCS line.</summary>
    public Task<IActionResult> OnPostAddLineAsync(string code, string system, string? modifiers, int units, DateOnly? date, string? pointers, CancellationToken ct) =>
        ChangeAsync(s => WorkbenchEdits.AddLine(s, code, system, modifiers, units, date, pointers), ct, WorkbenchEdits.CheckPointerText(pointers));

    /// <summary>Sets the claim's place of service (CMS POS code; empty clears it).</summary>
    public Task<IActionResult> OnPostPlaceOfServiceAsync(string? pos, CancellationToken ct) =>
        ChangeAsync(s => WorkbenchEdits.SetPlaceOfService(s, pos), ct);

    /// <summary>Replaces a line's modifiers.</summary>
    public Task<IActionResult> OnPostLineModifiersAsync(int index, string? modifiers, CancellationToken ct) =>
        ChangeAsync(s => WorkbenchEdits.SetModifiers(s, index, modifiers), ct);

    /// <summary>Removes a line.</summary>
    public Task<IActionResult> OnPostRemoveLineAsync(int index, CancellationToken ct) =>
        ChangeAsync(s => s with { Lines = [.. s.Lines.Where((_, i) => i != index)] }, ct);

    /// <summary>Finalises: writes the Claim or keeps it as not written, and shows the outcome.</summary>
    public async Task<IActionResult> OnPostFinalizeAsync(CancellationToken ct)
    {
        if (!Begin() || !CanEdit)
        {
            return Forbid();
        }

        var finalizer = HttpContext.RequestServices.GetRequiredService<ClaimFinalizer>();
        try
        {
            Outcome = await finalizer.FinalizeAsync(Session!, Session!.EncounterId!, ct);
        }
        catch (Hl7.Fhir.Rest.FhirOperationException ex)
        {
            // The EHR failed while re-reading after a conflict: say so rather than show an error page.
            Problems = [$"The EHR answered HTTP {(int)ex.Status} while finalising; the Claim is kept here and finalising again is safe."];
        }
        catch (HttpRequestException)
        {
            Problems = ["The EHR could not be reached while finalising; the Claim is kept here and finalising again is safe."];
        }

        var context = await Coding.LoadAsync(Session!, Session!.EncounterId!, ct);
        View = Coding.View(context, Session!);
        return Page();
    }

    private bool Begin()
    {
        Session = sessions.Current;
        return Session?.EncounterId is not null && Session.Role != AppRole.Physician;
    }

    private async Task<IActionResult> ChangeAsync(Func<WorkbenchState, WorkbenchState> change, CancellationToken ct, IReadOnlyList<string>? inputErrors = null)
    {
        if (!Begin() || !CanEdit)
        {
            return Forbid();
        }

        var context = await Coding.LoadAsync(Session!, Session!.EncounterId!, ct);
        var changed = change(context.State);
        // Input the form could not take as typed is reported alone (its placeholder values would only add noise).
        var errors = inputErrors is { Count: > 0 } ? inputErrors : WorkbenchValidation.Check(changed);
        if (errors.Count > 0)
        {
            Problems = errors;
            View = Coding.View(context, Session!);
            return Page();
        }

        try
        {
            await Coding.SaveAsync(context, changed, Session!.FhirUser ?? "unknown", ct);
        }
        catch (WorkingSetConflictException ex)
        {
            Problems = [ex.Message];
            View = Coding.View(await Coding.LoadAsync(Session!, Session!.EncounterId!, ct), Session!);
            return Page();
        }

        var dropped = WorkbenchEdits.DroppedPointers(context.State, changed);
        Notice = dropped.Count == 0 ? "Saved." : "Saved. " + string.Join(" ", dropped);
        return RedirectToPage();
    }
}
