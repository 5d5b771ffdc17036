namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>One diagnosis on the coder's list: ICD-10-CM code, order (1 = principal) and POA.</summary>
/// <param name="Code">ICD-10-CM code, dotted.</param>
/// <param name="Sequence">1 = principal (first-listed); the rest are secondary in this order.</param>
public sealed record DiagnosisEntry(string Code, int Sequence)
{
    /// <summary>Display text (from the code set), if known.</summary>
    public string? Display { get; init; }

    /// <summary>Present on admission: Y, N, U, W or 1; inpatient only.</summary>
    public string? Poa { get; init; }

    /// <summary>Where the diagnosis came from: "condition", "query", "suggestion" or "coder".</summary>
    public string Source { get; init; } = "coder";
}

/// <summary>A procedure or service line: CPT (codes only) or HCPCS Level II.</summary>
/// <param name="Code">The CPT or HCPCS code.</param>
/// <param name="System">"cpt" or "hcpcs".</param>
public sealed record LineEntry(string Code, string System)
{
    /// <summary>Up to four modifiers.</summary>
    public IReadOnlyList<string> Modifiers { get; init; } = [];

    /// <summary>Units of service. Defaults to 1.</summary>
    public int Units { get; init; } = 1;

    /// <summary>Date of service of the line; the encounter's start when null.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Up to four diagnosis sequences the line points to.</summary>
    public IReadOnlyList<int> Pointers { get; init; } = [];
}

/// <summary>The coder's decision on one rule suggestion.</summary>
/// <param name="Rule">The suggesting rule's id.</param>
/// <param name="Code">The suggested ICD-10-CM code.</param>
/// <param name="Decision">"accepted", "rejected" or "replaced".</param>
public sealed record SuggestionDecision(string Rule, string Code, string Decision)
{
    /// <summary>Why it was rejected (required for "rejected").</summary>
    public string? Reason { get; init; }

    /// <summary>The code used instead (required for "replaced").</summary>
    public string? Replacement { get; init; }
}

/// <summary>The coder's working set as the API takes and returns it (and as the store keeps it).</summary>
public sealed record WorkbenchState
{
    /// <summary>Diagnoses with sequence and POA.</summary>
    public IReadOnlyList<DiagnosisEntry> Diagnoses { get; init; } = [];

    /// <summary>Procedure and service lines.</summary>
    public IReadOnlyList<LineEntry> Lines { get; init; } = [];

    /// <summary>Decisions on rule suggestions.</summary>
    public IReadOnlyList<SuggestionDecision> Decisions { get; init; } = [];

    /// <summary>Claim-level CMS place-of-service code, e.g. "21" inpatient, "02"/"10" telehealth.</summary>
    public string? PlaceOfService { get; init; }
}
