namespace EhrCodingAssist.Clinical.Coding;

/// <summary>
/// Where the coding reference data lives (bind from configuration, e.g. section "CodingData"). Every path is optional:
/// a table left null is not loaded and its edits are skipped. Defaults to the shipped ICD-10-CM starter set only.
/// </summary>
public sealed record CodingDataPaths
{
    /// <summary>ICD-10-CM code sets, one file or folder per fiscal year (see CodeSetLoader). Defaults to none: the starter set is used.</summary>
    public IReadOnlyList<string> IcdCodeSets { get; init; } = [];

    /// <summary>
    /// POA exempt lists, one file per fiscal year: the CMS code-level file (POAexemptCodesFY25.txt) or an authored
    /// category list (see PoaExemptList). Defaults to none: the shipped Appendix I starter transcription (FY2025) is used.
    /// </summary>
    public IReadOnlyList<string> PoaExempt { get; init; } = [];

    /// <summary>
    /// Coding-edit code groups, one file per fiscal year (see CodingEditGroups). Defaults to none: the shipped authored
    /// FY2025 file is used.
    /// </summary>
    public IReadOnlyList<string> EditGroups { get; init; } = [];

    /// <summary>Payer rules JSON (see PayerRuleSet). Defaults to null: the shipped coding-data/payer-rules.json is used.</summary>
    public string? PayerRules { get; init; }

    /// <summary>HCPCS Level II CSV (CMS record layout with header). Defaults to null.</summary>
    public string? Hcpcs { get; init; }

    /// <summary>The customer's licensed CPT descriptor file. Defaults to null (codes only).</summary>
    public string? CptDescriptors { get; init; }

    /// <summary>MS-DRG CC/MCC list (TSV). Defaults to null.</summary>
    public string? CcMcc { get; init; }

    /// <summary>Label for the CC/MCC list. Defaults to "MS-DRG v40".</summary>
    public string CcMccVersion { get; init; } = "MS-DRG v40";

    /// <summary>CMS-HCC mapping CSV (diagnosis_code,cc,model_name). Defaults to null.</summary>
    public string? HccMapping { get; init; }

    /// <summary>CMS-HCC labels CSV. Defaults to null (numbers only).</summary>
    public string? HccLabels { get; init; }

    /// <summary>CMS-HCC hierarchies CSV (cc_parent,cc_child,model_domain,model_version). Defaults to null.</summary>
    public string? HccHierarchies { get; init; }

    /// <summary>NCCI PTP quarterly text files. Defaults to none.</summary>
    public IReadOnlyList<string> NcciPtp { get; init; } = [];

    /// <summary>MUE quarterly file saved as tab-delimited text. Defaults to null.</summary>
    public string? Mue { get; init; }
}
