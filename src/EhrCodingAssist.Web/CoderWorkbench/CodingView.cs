using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>A coding edit as the API shows it: the reason and the rule it comes from.</summary>
public sealed record EditView(string Rule, string Title, string Text, IReadOnlyList<string> Codes, bool Blocking)
{
    /// <summary>The published source the rule follows, e.g. "ICD-10-CM Official Guidelines I.A.12.a".</summary>
    public string? Source { get; init; }

    /// <summary>Maps an edit finding.</summary>
    public static EditView From(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new(finding.Rule, finding.Title, finding.Text, [.. finding.Codes.Select(c => c.Code)], CodingEdits.IsBlocking(finding)) { Source = finding.Source };
    }
}

/// <summary>A diagnosis documented in the record (Condition) or by an answered query.</summary>
public sealed record DocumentedDiagnosis(string Code, string? Display, string Source, string? Reference);

/// <summary>
/// An answered documentation query: the option chosen (an ICD-10-CM code, "other" or "clinically-undetermined"), its
/// label, the physician's text and the code it produced, if any.
/// </summary>
public sealed record AnsweredQueryView(
    string Reference, string Title, string Answer, string AnswerLabel, string? AnswerText, string? Code, string? CodeDisplay, DateTimeOffset? AnsweredAt);

/// <summary>A rule suggestion with its evidence and the coder's decision, if any.</summary>
public sealed record SuggestionView(string Rule, string Title, string Text, IReadOnlyList<CodeRef> Codes, IReadOnlyList<Evidence> Evidence, SuggestionDecision? Decision);

/// <summary>A procedure documented in the record.</summary>
public sealed record ProcedureView(string Reference, string? Code, string? System, string? Display, string? Date);

/// <summary>
/// CC/MCC and HCC V28 of a diagnosis (CDI and coder view only). Severity is "CC", "MCC", null, or "principal: n/a"
/// for the principal diagnosis; Hcc names the categories, saying which are trumped by a higher one on the claim.
/// </summary>
public sealed record DiagnosisImpact(string Code, string? Severity, string? Hcc)
{
    /// <summary>The diagnosis' HCC categories with the hierarchy applied over the claim.</summary>
    public IReadOnlyList<HccView> Hccs { get; init; } = [];
}

/// <summary>One HCC of a diagnosis: "HCC38", its label, and the category on the claim that trumps it, if any.</summary>
public sealed record HccView(string Name, string Label, string? DroppedBy);

/// <summary>Versions of the tables behind <see cref="DiagnosisImpact"/>; null entries are not loaded.</summary>
public sealed record ImpactTables(string? CcMcc, string? Hcc, bool HccHierarchy);

/// <summary>The ICD-10-CM release that checks the encounter.</summary>
/// <param name="FiscalYear">The fiscal year of the date of service.</param>
/// <param name="Version">The release used, e.g. "ICD-10-CM FY2025"; null when none applies.</param>
/// <param name="Exact">True when it is the fiscal year's own release (false: an earlier one, or none).</param>
public sealed record CodeSetView(int FiscalYear, string? Version, bool Exact)
{
    /// <summary>Maps a registry resolution.</summary>
    public static CodeSetView From(CodeSetResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        return new(resolution.FiscalYear, resolution.Set?.Version, resolution.Exact);
    }
}

/// <summary>Everything <c>GET /api/encounters/{id}/coding</c> returns.</summary>
public sealed record CodingView
{
    /// <summary>"Encounter/{id}".</summary>
    public required string Encounter { get; init; }

    /// <summary>"institutional" or "professional".</summary>
    public required string ClaimType { get; init; }

    /// <summary>Whether POA is required.</summary>
    public required bool Inpatient { get; init; }

    /// <summary>Documented diagnoses.</summary>
    public required IReadOnlyList<DocumentedDiagnosis> Documented { get; init; }

    /// <summary>Every answered query, including those that produced no code ("other", "clinically undetermined").</summary>
    public IReadOnlyList<AnsweredQueryView> AnsweredQueries { get; init; } = [];

    /// <summary>Rule suggestions.</summary>
    public required IReadOnlyList<SuggestionView> Suggestions { get; init; }

    /// <summary>Documented procedures.</summary>
    public required IReadOnlyList<ProcedureView> Procedures { get; init; }

    /// <summary>The coder's working set.</summary>
    public required WorkbenchState WorkingSet { get; init; }

    /// <summary>The ICD-10-CM release the edits and the search use.</summary>
    public required CodeSetView CodeSet { get; init; }

    /// <summary>Edits raised by the working set.</summary>
    public required IReadOnlyList<EditView> Edits { get; init; }

    /// <summary>Versions of the CC/MCC and HCC tables in use; null when none is loaded or for physicians.</summary>
    public ImpactTables? ImpactTables { get; init; }

    /// <summary>CC/MCC and HCC per diagnosis; empty for physicians.</summary>
    public required IReadOnlyList<DiagnosisImpact> Impact { get; init; }

    /// <summary>The Claim's write status ("none", "written", "not-written", "invalid", "conflict", "failed").</summary>
    public required string ClaimStatus { get; init; }

    /// <summary>The Claim message (reason not written, conflict).</summary>
    public string? ClaimMessage { get; init; }
}
