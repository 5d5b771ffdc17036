namespace EhrCodingAssist.Sandbox.Hosting;

/// <summary>
/// The product ships no CMS tables: it imports them from configured paths. For the sandbox, when the team's shared
/// data folder (../shared/data beside the repository) is present, point the app's CodingData at its MS-DRG v40 CC/MCC
/// list and CMS-HCC V28 mapping, labels and hierarchies so the workbench shows CC/MCC and HCC per diagnosis, and at
/// the full FY2025 ICD-10-CM release (every code, billable flags, Excludes1 notes) so the coder searches the whole set
/// instead of the shipped starter.
/// SandboxOptions.AppConfiguration entries (added after these) still win.
/// </summary>
internal static class SandboxCodingData
{
    public static void Add(Dictionary<string, string?> settings, string? dataFolder = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var data = dataFolder ?? FindSharedData();
        if (data is null)
        {
            return;
        }

        var icd = Path.Combine(data, "icd10cm", "icd10cm_fy2025_tabular_with_notes.txt");
        if (File.Exists(icd))
        {
            settings["CodingData:IcdCodeSets:0"] = icd;
        }

        var ccMcc = Path.Combine(data, "msdrg", "msdrg_v40_cc_mcc_list.tsv");
        if (File.Exists(ccMcc))
        {
            settings["CodingData:CcMcc"] = ccMcc;
            settings["CodingData:CcMccVersion"] = "MS-DRG v40";
        }

        var hcc = Path.Combine(data, "cms_hcc");
        if (File.Exists(Path.Combine(hcc, "ra_dx_to_cc_2026.csv")))
        {
            settings["CodingData:HccMapping"] = Path.Combine(hcc, "ra_dx_to_cc_2026.csv");
            settings["CodingData:HccLabels"] = File.Exists(Path.Combine(hcc, "ra_labels_2026.csv")) ? Path.Combine(hcc, "ra_labels_2026.csv") : null;
            settings["CodingData:HccHierarchies"] = File.Exists(Path.Combine(hcc, "ra_hierarchies_2026.csv")) ? Path.Combine(hcc, "ra_hierarchies_2026.csv") : null;
        }
    }

    /// <summary>../shared/data beside the repository root (the folder with EhrCodingAssist.sln), if it exists.</summary>
    private static string? FindSharedData()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EhrCodingAssist.sln")))
                {
                    var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                    return Directory.Exists(data) ? data : null;
                }
            }
        }

        return null;
    }
}
