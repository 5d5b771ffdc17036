using EhrCodingAssist.Clinical.Notes;
using EhrCodingAssist.Clinical.Rules.Yaml;
using EhrCodingAssist.Clinical.Units;
using YamlDotNet.RepresentationModel;

namespace EhrCodingAssist.Clinical.Rules.Loading;

/// <summary>Reads analytes.yaml, medications.yaml and phrases.yaml (each optional).</summary>
internal static class DefinitionsReader
{
    public static PackDefinitions Read(string directory)
    {
        return new PackDefinitions(
            ReadEach(directory, "analytes.yaml", Analyte),
            ReadEach(directory, "medications.yaml", Medication),
            ReadEach(directory, "phrases.yaml", Phrases));
    }

    private static Dictionary<string, T> ReadEach<T>(string directory, string file, Func<YamlDoc, string, YamlNode, T> read)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            return result;
        }

        try
        {
            var doc = YamlDoc.Load(path, file);
            foreach (var (key, value) in doc.Root.Children)
            {
                var name = doc.Scalar(key, "name");
                result[name] = read(doc, name, value);
            }
        }
        catch (Exception e) when (RulePackLoader.IsWrappable(e))
        {
            throw RulePackLoader.Wrap(file, e);
        }

        return result;
    }

    private static AnalyteDefinition Analyte(YamlDoc doc, string name, YamlNode node)
    {
        var map = doc.Mapping(node, name);
        doc.OnlyKeys(map, "unit", "loinc", "molar_mass", "display");
        var unit = doc.Required(map, "unit");
        if (!UcumConverter.IsKnownUnit(unit))
        {
            throw doc.Error(YamlDoc.Get(map, "unit")!, $"analyte '{name}': unknown UCUM unit '{unit}'");
        }

        var loinc = doc.Strings(map, "loinc");
        if (loinc.Count == 0)
        {
            throw doc.Error(map, $"analyte '{name}' needs at least one LOINC code");
        }

        var molar = YamlDoc.Get(map, "molar_mass") is { } m ? doc.Decimal(m, "molar_mass") : (decimal?)null;
        if (molar is <= 0)
        {
            throw doc.Error(YamlDoc.Get(map, "molar_mass")!, "molar_mass must be positive (g/mol)");
        }

        return new AnalyteDefinition(name, unit, loinc, molar, doc.Optional(map, "display"));
    }

    private static MedicationClass Medication(YamlDoc doc, string name, YamlNode node)
    {
        var map = doc.Mapping(node, name);
        doc.OnlyKeys(map, "rxnorm", "keywords");
        var cls = new MedicationClass(name, doc.Strings(map, "rxnorm"), doc.Strings(map, "keywords"));
        return cls.RxNorm.Count + cls.Keywords.Count == 0 ? throw doc.Error(map, $"medication class '{name}' needs rxnorm codes or keywords") : cls;
    }

    private static PhraseMatcher Phrases(YamlDoc doc, string name, YamlNode node)
    {
        var phrases = doc.Sequence(node, name).Children.Select(c => doc.Scalar(c, name)).ToList();
        return phrases.Count == 0 ? throw doc.Error(node, $"phrase set '{name}' is empty") : new PhraseMatcher(phrases);
    }
}
