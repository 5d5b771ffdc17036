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

    public static bool IsBlocking(string rule) => Blocking.Contains(rule);

    public static string StatusName(Store.ClaimWriteStatus status) => status switch
    {
        Store.ClaimWriteStatus.NotWritten => "not-written",
        _ => status.ToString().ToLowerInvariant(),
    };
}
