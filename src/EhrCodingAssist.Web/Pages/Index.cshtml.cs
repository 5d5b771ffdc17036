using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Web.Findings;
using EhrCodingAssist.Web.Session;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EhrCodingAssist.Web.Pages;

/// <summary>The encounter page: patient banner, the encounter, and the rule pack's findings with their evidence.</summary>
public sealed class IndexModel(ISmartSessionAccessor sessions, EncounterAnalyzer analyzer, IFindingsEvaluator evaluator, TimeProvider time)
    : PageModel
{
    /// <summary>The finding groups in page order, with their headings.</summary>
    public static readonly IReadOnlyList<(FindingKind Kind, string Heading, string Id)> Groups =
    [
        (FindingKind.Query, "Documentation queries", "queries"),
        (FindingKind.Suggestion, "Code suggestions", "suggestions"),
        (FindingKind.Edit, "Coding edits", "edits"),
    ];

    /// <summary>The launched session, or null when the app was opened without a launch.</summary>
    public SmartSession? Session { get; private set; }

    /// <summary>The loaded encounter and its findings.</summary>
    public EncounterAnalysis? Analysis { get; private set; }

    /// <summary>The rule pack's name and version.</summary>
    public string PackLabel => evaluator.PackLabel;

    /// <summary>Today, for the patient's age.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Whether financial impact is shown (CDI specialists and coders only).</summary>
    public bool ShowImpact => Session?.Role is AppRole.Cdi or AppRole.Coder;

    /// <summary>Renders the encounter in context; without one, sends the user to the encounter picker.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Session = sessions.Current;
        if (Session is null)
        {
            return Page();
        }

        ViewData["Role"] = RoleText.Of(Session.Role);
        if (Session.EncounterId is null)
        {
            return RedirectToPage("/Encounters");
        }

        Analysis = await analyzer.AnalyzeAsync(Session, Session.EncounterId, ct);
        return Page();
    }

    /// <summary>The findings of one kind, in the engine's order.</summary>
    public IReadOnlyList<Finding> OfKind(FindingKind kind) =>
        Analysis?.Findings.Where(f => f.Kind == kind).ToList() ?? [];
}
