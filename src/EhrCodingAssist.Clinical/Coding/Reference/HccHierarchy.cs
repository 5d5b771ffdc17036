using System.Globalization;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Reference;

/// <summary>
/// CMS-HCC hierarchies of one model: when a parent category is present, its children are dropped
/// (e.g. V28 HCC 37 drops HCC 38). Immutable.
/// </summary>
public sealed class HccHierarchy
{
    private readonly Dictionary<int, int[]> _children;

    private HccHierarchy(Dictionary<int, int[]> children) => _children = children;

    /// <summary>Number of parent categories.</summary>
    public int Count => _children.Count;

    /// <summary>Loads <c>cc_parent,cc_child,model_domain,model_version,...</c> rows of one domain and version (default CMS-HCC V28).</summary>
    public static HccHierarchy Load(string path, string modelVersion = "V28", string modelDomain = "CMS-HCC")
    {
        var map = new Dictionary<int, List<int>>();
        foreach (var (line, f) in DataFile.ReadCsv(path))
        {
            if (line == 1 || f.Length < 4 || f[2] != modelDomain || f[3] != modelVersion)
            {
                continue;
            }

            if (!int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parent)
                || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var child))
            {
                throw new CodeSetFormatException(path, (int)line, "cc_parent and cc_child must be numbers");
            }

            if (!map.TryGetValue(parent, out var list))
            {
                list = [];
                map[parent] = list;
            }

            list.Add(child);
        }

        return new HccHierarchy(map.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
    }

    /// <summary>
    /// The present category (lowest number first) whose hierarchy drops <paramref name="category"/>, or null when
    /// <paramref name="category"/> survives <see cref="Apply"/> among <paramref name="present"/>.
    /// </summary>
    public HccCategory? DroppedBy(HccCategory category, IEnumerable<HccCategory> present)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(present);
        return present.Where(p => p.Number != category.Number && _children.GetValueOrDefault(p.Number, []).Contains(category.Number))
            .OrderBy(p => p.Number)
            .FirstOrDefault();
    }

    /// <summary>The categories that remain after the hierarchy is applied, in ascending order.</summary>
    public IReadOnlyList<HccCategory> Apply(IEnumerable<HccCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var present = categories.DistinctBy(c => c.Number).ToList();
        var dropped = present.SelectMany(c => _children.GetValueOrDefault(c.Number, [])).ToHashSet();
        return [.. present.Where(c => !dropped.Contains(c.Number)).OrderBy(c => c.Number)];
    }
}
