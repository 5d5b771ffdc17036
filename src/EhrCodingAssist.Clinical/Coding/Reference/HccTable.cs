using System.Globalization;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Reference;

/// <summary>One hierarchical condition category, e.g. HCC 37 "Diabetes with Chronic Complications".</summary>
public sealed record HccCategory(int Number, string Label)
{
    /// <summary>"HCC37".</summary>
    public string Name => "HCC" + Number.ToString(CultureInfo.InvariantCulture);
}

/// <summary>ICD-10-CM to HCC mapping of one risk-adjustment model (default CMS-HCC V28); immutable.</summary>
public sealed class HccTable
{
    /// <summary>The model name in ra_dx_to_cc_*.csv for CMS-HCC V28.</summary>
    public const string V28ModelName = "CMS-HCC Model V28";

    private readonly Dictionary<string, HccCategory[]> _byCode;

    private HccTable(string version, Dictionary<string, HccCategory[]> byCode)
    {
        Version = version;
        _byCode = byCode;
    }

    /// <summary>Model and payment-year label, e.g. "CMS-HCC V28 (ra_dx_to_cc_2026.csv)".</summary>
    public string Version { get; }

    /// <summary>Number of mapped diagnosis codes.</summary>
    public int Count => _byCode.Count;

    /// <summary>
    /// Loads <c>diagnosis_code,cc,model_name</c> rows of one model and the labels file
    /// <c>cc,label,model_domain,model_version,model_fullname</c> (rows with model_domain CMS-HCC and the model's version).
    /// </summary>
    public static HccTable Load(string mappingPath, string? labelsPath, string modelName = V28ModelName)
    {
        var modelVersion = modelName.Split(' ')[^1];
        var labels = new Dictionary<int, string>();
        foreach (var (line, f) in labelsPath is null ? [] : DataFile.ReadCsv(labelsPath))
        {
            if (line == 1)
            {
                continue;
            }

            if (f.Length < 4)
            {
                throw new CodeSetFormatException(labelsPath!, (int)line, "expected cc,label,model_domain,model_version");
            }

            if (f[2] == "CMS-HCC" && f[3] == modelVersion && f[0].StartsWith("HCC", StringComparison.Ordinal)
                && int.TryParse(f[0].AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                labels[number] = f[1];
            }
        }

        var map = new Dictionary<string, List<HccCategory>>(StringComparer.Ordinal);
        foreach (var (line, f) in DataFile.ReadCsv(mappingPath))
        {
            if (line == 1 || f.Length < 3 || f[2] != modelName)
            {
                continue;
            }

            var code = IcdCodes.ToDotless(f[0]);
            if (code is null || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var cc))
            {
                throw new CodeSetFormatException(mappingPath, (int)line, "expected diagnosis_code,cc,model_name with a numeric cc");
            }

            if (!map.TryGetValue(code, out var list))
            {
                list = [];
                map[code] = list;
            }

            list.Add(new HccCategory(cc, labels.GetValueOrDefault(cc, "HCC" + f[1])));
        }

        var name = $"{modelName.Replace(" Model", string.Empty, StringComparison.Ordinal)} ({Path.GetFileName(mappingPath)})";
        return new HccTable(name, map.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The categories the code maps to (usually one; empty when none).</summary>
    public IReadOnlyList<HccCategory> Find(string code) =>
        IcdCodes.ToDotless(code) is { } key && _byCode.TryGetValue(key, out var list) ? list : [];
}
