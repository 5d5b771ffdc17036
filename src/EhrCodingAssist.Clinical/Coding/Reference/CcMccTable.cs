using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Reference;

/// <summary>MS-DRG severity of a secondary diagnosis.</summary>
public enum CcMccSeverity
{
    /// <summary>Complication or comorbidity.</summary>
    Cc,

    /// <summary>Major complication or comorbidity.</summary>
    Mcc,

    /// <summary>MCC only when the patient is discharged alive (MS-DRG Appendix H part 2).</summary>
    MccIfDischargedAlive,
}

/// <summary>The MS-DRG CC/MCC designations of one grouper version (e.g. "MS-DRG v40"); immutable.</summary>
public sealed class CcMccTable
{
    private readonly Dictionary<string, CcMccSeverity> _severity;

    private CcMccTable(string version, Dictionary<string, CcMccSeverity> severity)
    {
        Version = version;
        _severity = severity;
    }

    /// <summary>Grouper version label.</summary>
    public string Version { get; }

    /// <summary>Number of codes with a CC or MCC designation.</summary>
    public int Count => _severity.Count;

    /// <summary>
    /// Loads the tab-separated list <c>icd10cm_code severity description</c> (severity CC, MCC or MCC_ALIVE_ONLY;
    /// dotless codes), as in ../shared/data/msdrg/msdrg_v40_cc_mcc_list.tsv.
    /// </summary>
    public static CcMccTable Load(string path, string version)
    {
        var map = new Dictionary<string, CcMccSeverity>(StringComparer.Ordinal);
        foreach (var (line, text) in DataFile.ReadLines(path))
        {
            if (line == 1 || text.Length == 0)
            {
                continue;
            }

            var fields = text.Split('\t');
            var code = fields.Length >= 2 ? IcdCodes.ToDotless(fields[0]) : null;
            if (code is null)
            {
                throw new CodeSetFormatException(path, line, "expected 'icd10cm_code<TAB>severity<TAB>description'");
            }

            var severity = fields[1].Trim() switch
            {
                "CC" => CcMccSeverity.Cc,
                "MCC" => CcMccSeverity.Mcc,
                "MCC_ALIVE_ONLY" => CcMccSeverity.MccIfDischargedAlive,
                var other => throw new CodeSetFormatException(path, line, $"severity '{other}' is not CC, MCC or MCC_ALIVE_ONLY"),
            };

            // A code listed both in Appendix H part 1 and part 2 (cardiac arrest, shock) keeps the "if alive" condition.
            if (map.GetValueOrDefault(code, CcMccSeverity.Cc) != CcMccSeverity.MccIfDischargedAlive)
            {
                map[code] = severity;
            }
        }

        return new CcMccTable(version, map);
    }

    /// <summary>The code's designation, or null when it is neither CC nor MCC (PDX exclusions are not applied).</summary>
    public CcMccSeverity? Find(string code) =>
        IcdCodes.ToDotless(code) is { } key && _severity.TryGetValue(key, out var s) ? s : null;

    /// <summary>"CC", "MCC" or null, for <see cref="Findings.FinancialImpact.Severity"/>.</summary>
    public string? Label(string code) => Find(code) switch
    {
        CcMccSeverity.Cc => "CC",
        CcMccSeverity.Mcc or CcMccSeverity.MccIfDischargedAlive => "MCC",
        _ => null,
    };
}
