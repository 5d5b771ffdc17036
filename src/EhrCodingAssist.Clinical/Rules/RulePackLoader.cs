using EhrCodingAssist.Clinical.Rules.Loading;
using EhrCodingAssist.Clinical.Rules.Yaml;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Rules;

/// <summary>Loads a rule pack folder all-or-nothing: the first broken file fails with <see cref="RulePackLoadException"/>.</summary>
public static class RulePackLoader
{
    /// <summary>The core pack copied beside the binaries.</summary>
    public static string DefaultCorePackPath => Path.Combine(AppContext.BaseDirectory, "rule-packs", "core");

    /// <summary>Loads and compiles the pack in <paramref name="directory"/>, checking its codes against <paramref name="codeSet"/>.</summary>
    public static RulePack Load(string directory, ICodeSet codeSet)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(codeSet);
        var root = Path.GetFullPath(directory);
        var manifestPath = Path.Combine(root, "pack.yaml");
        if (!File.Exists(manifestPath))
        {
            throw new RulePackLoadException(manifestPath, 0, System.IO.Directory.Exists(root) ? "pack.yaml not found" : "rule pack folder not found");
        }

        if (!Units.UcumConverter.IsAvailable)
        {
            throw new RulePackLoadException(manifestPath, 0, "UCUM unit conversion (Fhir.Metrics) is unavailable in this process; run with System.Globalization.PredefinedCulturesOnly=false");
        }

        PackManifest manifest;
        try
        {
            manifest = ReadManifest(manifestPath);
        }
        catch (Exception e) when (IsWrappable(e))
        {
            throw Wrap("pack.yaml", e);
        }

        var definitions = DefinitionsReader.Read(root);
        var reader = new RuleReader(new ExpressionCompiler(definitions), codeSet, manifest);
        var rulesDir = Path.Combine(root, "rules");
        var files = System.IO.Directory.Exists(rulesDir)
            ? System.IO.Directory.EnumerateFiles(rulesDir, "*.yaml", SearchOption.AllDirectories)
                .Concat(System.IO.Directory.EnumerateFiles(rulesDir, "*.yml", SearchOption.AllDirectories))
                .Order(StringComparer.Ordinal).ToList()
            : [];

        // Firely's FHIRPath parser costs ~10 ms per expression: rule files are read in parallel, and the first error in
        // file order is reported so the message does not depend on scheduling.
        // Any other exception from a parser or compiler is wrapped per file, so nothing escapes as AggregateException.
        var results = new (Rule? Rule, RulePackLoadException? Error)[files.Count];
        try
        {
            Parallel.For(0, files.Count, i =>
            {
                var display = Path.GetRelativePath(root, files[i]).Replace('\\', '/');
                try
                {
                    results[i] = (reader.Read(files[i], display), null);
                }
                catch (RulePackLoadException e)
                {
                    results[i] = (null, e);
                }
                catch (Exception e) when (IsWrappable(e))
                {
                    results[i] = (null, Wrap(display, e));
                }
            });
        }
        catch (AggregateException e)
        {
            throw e.InnerExceptions.OfType<RulePackLoadException>().FirstOrDefault()
                ?? new RulePackLoadException(Path.GetRelativePath(root, rulesDir), 0, "rule files cannot be loaded: " + e.InnerExceptions[0].Message, e.InnerExceptions[0]);
        }

        var rules = new List<Rule>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (rule, error) in results)
        {
            if (error is not null)
            {
                throw error;
            }

            if (!ids.TryAdd(rule!.Id, rule.File))
            {
                throw new RulePackLoadException(rule.File, 1, $"duplicate rule id '{rule.Id}' (also in {ids[rule.Id]})");
            }

            rules.Add(rule);
        }

        return new RulePack(manifest, rules, definitions, root);
    }

    /// <summary>A parser or compiler failure that is not yet a <see cref="RulePackLoadException"/>.</summary>
    internal static bool IsWrappable(Exception e) =>
        e is not RulePackLoadException and not OutOfMemoryException and not OperationCanceledException;

    /// <summary>Names the pack file a stray parser or compiler exception came from, so every load failure reads file:line: reason.</summary>
    internal static RulePackLoadException Wrap(string file, Exception e) =>
        new(file, 1, $"cannot be loaded: {e.GetType().Name}: {e.Message}", e);

    private static PackManifest ReadManifest(string path)
    {
        var doc = YamlDoc.Load(path, "pack.yaml");
        doc.OnlyKeys(doc.Root, "name", "version", "code_set_year", "criteria_sets", "default_criteria", "description");
        var yearNode = YamlDoc.Get(doc.Root, "code_set_year") ?? throw doc.Error(doc.Root, "missing required key 'code_set_year'");
        var year = doc.Decimal(yearNode, "code_set_year");
        var sets = doc.Strings(doc.Root, "criteria_sets");
        var defaults = doc.Strings(doc.Root, "default_criteria");
        foreach (var d in defaults.Where(d => !sets.Contains(d, StringComparer.Ordinal)))
        {
            throw doc.Error(YamlDoc.Get(doc.Root, "default_criteria")!, $"default criteria '{d}' is not in criteria_sets");
        }

        return new PackManifest(doc.Required(doc.Root, "name"), doc.Required(doc.Root, "version"), (int)year, sets, defaults);
    }
}
