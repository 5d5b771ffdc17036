using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Rules.Templates;
using Hl7.FhirPath;

namespace EhrCodingAssist.Clinical.Rules;

/// <summary>A named FHIRPath expression of a rule, compiled once at load.</summary>
/// <param name="Name">Its name in the rule (or "when" of a code).</param>
/// <param name="Source">The expression text.</param>
/// <param name="Line">Line in the rule file.</param>
public sealed record RuleExpression(string Name, string Source, int Line)
{
    internal CompiledExpression Compiled { get; init; } = null!;
}

/// <summary>An evidence selector: resources shown as clinical indicators.</summary>
/// <param name="Label">Label shown with each indicator.</param>
/// <param name="Select">The selecting expression.</param>
/// <param name="Limit">
/// Most indicators kept from this selector (see docs/rule-format.md): measurements keep the lowest, the highest and the
/// latest value first; other resources the first ones selected. Null: no limit.
/// </param>
public sealed record EvidenceSelector(string Label, RuleExpression Select, int? Limit = EvidenceSelector.DefaultLimit)
{
    /// <summary>The limit when a selector does not set one.</summary>
    public const int DefaultLimit = 3;
}

/// <summary>A suggested code, optionally with its own condition.</summary>
/// <param name="Code">The ICD-10-CM code with the code set's title.</param>
/// <param name="When">Optional condition; the code is suggested only when it is true.</param>
public sealed record RuleCode(CodeRef Code, RuleExpression? When);

/// <summary>A test case of a rule: a bundle beside the rule file and the expected outcome.</summary>
/// <param name="Case">File name of the bundle, relative to the rule file's folder.</param>
/// <param name="ExpectFires">True for "fires", false for "silent".</param>
/// <param name="Codes">Codes that must be on the finding.</param>
/// <param name="Path">Full path of the bundle.</param>
/// <param name="Criteria">Criteria sets selected for the case (default: the pack's default, plus the rule's own set).</param>
public sealed record RuleTestCase(string Case, bool ExpectFires, IReadOnlyList<string> Codes, string Path, IReadOnlyList<string>? Criteria);

/// <summary>One rule of a pack, compiled.</summary>
public sealed record Rule
{
    /// <summary>Unique id in the pack (matches the file name).</summary>
    public required string Id { get; init; }

    /// <summary>Rule version.</summary>
    public required string Version { get; init; }

    /// <summary>Human title.</summary>
    public required string Title { get; init; }

    /// <summary>Query, suggestion or edit.</summary>
    public required FindingKind Kind { get; init; }

    /// <summary>CDI topic.</summary>
    public required string Topic { get; init; }

    /// <summary>Published source of the criteria.</summary>
    public required string Source { get; init; }

    /// <summary>Criteria set the rule belongs to (active only when selected), or null for always.</summary>
    public string? Criteria { get; init; }

    /// <summary>Pack-relative path of the rule file.</summary>
    public required string File { get; init; }

    /// <summary>Named conditions, all of which must hold.</summary>
    public required IReadOnlyList<RuleExpression> When { get; init; }

    /// <summary>Named suppressions, any of which silences the rule.</summary>
    public IReadOnlyList<RuleExpression> Unless { get; init; } = [];

    /// <summary>Named values exposed to the templates.</summary>
    public IReadOnlyList<RuleExpression> Values { get; init; } = [];

    /// <summary>Evidence selectors.</summary>
    public IReadOnlyList<EvidenceSelector> Evidence { get; init; } = [];

    /// <summary>Answer options (queries).</summary>
    public IReadOnlyList<QueryOption> Options { get; init; } = [];

    /// <summary>Suggested codes (suggestions and edits).</summary>
    public IReadOnlyList<RuleCode> Codes { get; init; } = [];

    /// <summary>Financial weight (never rendered into text).</summary>
    public FinancialImpact? Impact { get; init; }

    /// <summary>Test cases.</summary>
    public IReadOnlyList<RuleTestCase> Tests { get; init; } = [];

    /// <summary>Title template.</summary>
    public required RuleTemplate TitleTemplate { get; init; }

    /// <summary>Text template (query text for queries).</summary>
    public RuleTemplate? TextTemplate { get; init; }
}
