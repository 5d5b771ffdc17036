using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding;

/// <summary>
/// The fiscal-year configuration findings: the versioned data of the date of service's fiscal year is not loaded.
/// <c>edit.code-set-year</c>: no ICD-10-CM release of the year; its topic says whether an earlier release was used instead
/// (a warning) or none applies (blocking). <c>edit.poa-exempt-year</c> (inpatient claims): no POA exempt list of the year;
/// its topic says whether an earlier list was used instead or none applies (then only the indicators' spelling is checked);
/// always a warning. <see cref="Blocks"/> is the one place that decides which of them blocks.
/// </summary>
public static class CodeSetYear
{
    /// <summary>The rule id.</summary>
    public const string RuleId = "edit.code-set-year";

    /// <summary>Topic when an earlier release checks the codes instead.</summary>
    public const string FallbackTopic = "code-set-fallback";

    /// <summary>Topic when no loaded release is at or before the fiscal year.</summary>
    public const string NoReleaseTopic = "code-set-missing";

    /// <summary>The rule id of the POA exempt list's fiscal-year warning.</summary>
    public const string PoaExemptRuleId = "edit.poa-exempt-year";

    /// <summary>Topic when an earlier fiscal year's POA exempt list checks the indicators instead.</summary>
    public const string PoaFallbackTopic = "poa-exempt-fallback";

    /// <summary>Topic when no POA exempt list is at or before the fiscal year (blank and "1" indicators cannot be judged).</summary>
    public const string PoaNoListTopic = "poa-exempt-missing";

    /// <summary>The opening sentence of every fiscal-year finding: which fiscal year the date falls in, and what is missing.</summary>
    internal static string YearNotLoaded(DateOnly dateOfService, int fiscalYear, string missing) =>
        $"The date of service {dateOfService:yyyy-MM-dd} falls in FY{fiscalYear} "
            + $"(1 October {fiscalYear - 1} to 30 September {fiscalYear}), and no {missing} is loaded.";

    /// <summary>
    /// True for the finding that says no ICD-10-CM release applies at all (the claim cannot be checked); every other
    /// fiscal-year finding, the POA exempt list's included, is a warning.
    /// </summary>
    public static bool Blocks(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Rule == RuleId && finding.Topic == NoReleaseTopic;
    }
}
