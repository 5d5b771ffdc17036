using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Coding;

/// <summary>
/// The code-set-year configuration finding (<c>edit.code-set-year</c>): no ICD-10-CM release of the date of service's
/// fiscal year is loaded. Its topic says whether an earlier release was used instead (a warning) or none applies (blocking).
/// </summary>
public static class CodeSetYear
{
    /// <summary>The rule id.</summary>
    public const string RuleId = "edit.code-set-year";

    /// <summary>Topic when an earlier release checks the codes instead.</summary>
    public const string FallbackTopic = "code-set-fallback";

    /// <summary>Topic when no loaded release is at or before the fiscal year.</summary>
    public const string NoReleaseTopic = "code-set-missing";

    /// <summary>True for the finding that says no release applies at all (the claim cannot be checked).</summary>
    public static bool Blocks(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Rule == RuleId && finding.Topic == NoReleaseTopic;
    }
}
