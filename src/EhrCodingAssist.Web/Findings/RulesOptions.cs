namespace EhrCodingAssist.Web.Findings;

/// <summary>Which rule pack the app evaluates (configuration section "Rules"), validated at start-up.</summary>
public sealed class RulesOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Rules";

    /// <summary>Folder of the rule pack. Defaults to the core pack beside the binaries (rule-packs/core).</summary>
    public string? Path { get; set; }

    /// <summary>Criteria sets to evaluate (e.g. "sepsis-3"). Defaults to the pack's default_criteria.</summary>
    public IList<string> Criteria { get; set; } = [];
}

/// <summary>Which ICD-10-CM code set the rules are checked against (configuration section "Terminology").</summary>
public sealed class TerminologyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Terminology";

    /// <summary>
    /// A CMS order file or a folder of the release files. Defaults to the small starter set shipped with the app.
    /// </summary>
    public string? Icd10CmPath { get; set; }
}
