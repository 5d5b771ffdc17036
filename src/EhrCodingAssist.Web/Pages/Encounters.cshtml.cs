using EhrCodingAssist.Web.Encounters;
using EhrCodingAssist.Web.Session;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EhrCodingAssist.Web.Pages;

/// <summary>The encounter picker, shown when the launch carried a patient but no encounter.</summary>
public sealed class EncountersModel(ISmartSessionAccessor sessions, IInProgressEncounters encounters) : PageModel
{
    /// <summary>The patient's in-progress encounters.</summary>
    public IReadOnlyList<EncounterChoice> Choices { get; private set; } = [];

    /// <summary>A warning when the list was cut by a paging bound.</summary>
    public string? Warning { get; private set; }

    /// <summary>Whether the browser has a launched session.</summary>
    public bool Launched { get; private set; }

    /// <summary>Lists the in-progress encounters of the patient in context.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (sessions.Current is not { } session)
        {
            return RedirectToPage("/Index");
        }

        await LoadAsync(session, ct);
        return Page();
    }

    /// <summary>Puts the chosen encounter in context, if it is one of the patient's in-progress encounters.</summary>
    public async Task<IActionResult> OnPostAsync(string? encounterId, CancellationToken ct)
    {
        if (sessions.Current is not { } session)
        {
            return RedirectToPage("/Index");
        }

        await LoadAsync(session, ct);
        if (encounterId is null || !Choices.Any(c => c.Id == encounterId))
        {
            ModelState.AddModelError(nameof(encounterId), "Choose one of the encounters listed.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        sessions.SelectEncounter(encounterId);
        return RedirectToPage("/Index");
    }

    private async Task LoadAsync(SmartSession session, CancellationToken ct)
    {
        Launched = true;
        ViewData["Role"] = RoleText.Of(session.Role);
        var result = await encounters.ListAsync(session, ct);
        Choices = result.Encounters;
        Warning = result.Warning;
    }
}
