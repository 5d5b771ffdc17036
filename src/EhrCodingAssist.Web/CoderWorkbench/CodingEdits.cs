using EhrCodingAssist.Clinical.Coding;
using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Web.CoderWorkbench;

/// <summary>Which coding edits block finalising; the others are warnings the coder may accept.</summary>
internal static class CodingEdits
{
    // A claim with these errors would be rejected by any payer; unspecified-code, NCCI and MUE need a human judgement
    // (an allowed modifier, documentation) and stay warnings.
    private static readonly HashSet<string> Blocking = new(StringComparer.Ordinal)
    {
        "edit.invalid-code", "edit.header-code", "edit.excludes1", "edit.age-sex", "edit.manifestation-principal",
        "edit.poa", "edit.line-structure", "edit.coverage",
    };

    // The code-set-year finding blocks only when no release applies at all; with an earlier release it is a warning.
    public static bool IsBlocking(Finding finding) => Blocking.Contains(finding.Rule) || CodeSetYear.Blocks(finding);

    public static string StatusName(Store.ClaimWriteStatus status) => status switch
    {
        Store.ClaimWriteStatus.NotWritten => "not-written",
        _ => status.ToString().ToLowerInvariant(),
    };
}
