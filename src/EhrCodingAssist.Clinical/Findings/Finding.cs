namespace EhrCodingAssist.Clinical.Findings;

/// <summary>What a rule produces: a documentation query, a code suggestion or a coding edit.</summary>
public enum FindingKind
{
    /// <summary>A compliant documentation query to the physician.</summary>
    Query,

    /// <summary>A code suggestion for the coder.</summary>
    Suggestion,

    /// <summary>A coding edit (invalid code, Excludes1, NCCI …).</summary>
    Edit,
}

/// <summary>A coded concept, e.g. an ICD-10-CM code with its display.</summary>
public sealed record CodeRef(string System, string Code, string? Display)
{
    /// <summary>The canonical ICD-10-CM system URI.</summary>
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";

    /// <summary>CPT (codes only; descriptions are AMA-licensed and never shipped).</summary>
    public const string Cpt = "http://www.ama-assn.org/go/cpt";

    /// <summary>HCPCS Level II.</summary>
    public const string Hcpcs = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
}

/// <summary>A clinical indicator behind a finding: the source resource and a one-line human summary.</summary>
public sealed record Evidence(string Reference, string Summary)
{
    /// <summary>Numeric value, when the evidence is a measurement.</summary>
    public decimal? Value { get; init; }

    /// <summary>UCUM unit of <see cref="Value"/>.</summary>
    public string? Unit { get; init; }

    /// <summary>When the evidence was observed/recorded.</summary>
    public DateTimeOffset? Date { get; init; }
}

/// <summary>One answer option of a documentation query.</summary>
public sealed record QueryOption(string Id, string Label, CodeRef? Code)
{
    /// <summary>Fixed option id: "other (free text)".</summary>
    public const string Other = "other";

    /// <summary>Fixed option id: "clinically undetermined".</summary>
    public const string ClinicallyUndetermined = "clinically-undetermined";
}

/// <summary>Financial weight of a finding (shown to CDI and coders only, never in query text).</summary>
public sealed record FinancialImpact(string? Severity, string? Hcc);

/// <summary>A rule's result for one encounter.</summary>
public sealed record Finding
{
    /// <summary>Rule id.</summary>
    public required string Rule { get; init; }

    /// <summary>Rule version.</summary>
    public required string RuleVersion { get; init; }

    /// <summary>Query, suggestion or edit.</summary>
    public required FindingKind Kind { get; init; }

    /// <summary>The rule's topic (e.g. "acute-kidney-injury").</summary>
    public required string Topic { get; init; }

    /// <summary>Rendered title.</summary>
    public required string Title { get; init; }

    /// <summary>Rendered text (the query text for a query).</summary>
    public required string Text { get; init; }

    /// <summary>For a query: the ICD-10-CM codes of its options; for a suggestion: the suggested codes.</summary>
    public required IReadOnlyList<CodeRef> Codes { get; init; }

    /// <summary>Clinical indicators.</summary>
    public required IReadOnlyList<Evidence> Evidence { get; init; }

    /// <summary>Answer options of a query (empty for other kinds).</summary>
    public IReadOnlyList<QueryOption> Options { get; init; } = [];

    /// <summary>The published source of the rule's criteria.</summary>
    public string? Source { get; init; }

    /// <summary>Financial weight, a separate field never rendered into query text.</summary>
    public FinancialImpact? Impact { get; init; }
}
