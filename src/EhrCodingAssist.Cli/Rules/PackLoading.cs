using EhrCodingAssist.Clinical.Rules;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Cli.Rules;

/// <summary>Loads the code set and the rule pack the way every command does (defaults: starter set, core pack).</summary>
internal static class PackLoading
{
    /// <exception cref="CliInputException">A named folder or file does not exist, or an unknown criteria set.</exception>
    public static RulePack Load(string? rulesDirectory, string? codeSetPath)
    {
        var directory = rulesDirectory ?? RulePackLoader.DefaultCorePackPath;
        if (!Directory.Exists(directory))
        {
            throw new CliInputException($"{directory}: rule pack folder not found");
        }

        if (codeSetPath is not null && !File.Exists(codeSetPath) && !Directory.Exists(codeSetPath))
        {
            throw new CliInputException($"{codeSetPath}: code set file or folder not found");
        }

        var codeSet = codeSetPath is null ? StarterCodeSet.Load() : CodeSetLoader.Load(codeSetPath);
        // Every load failure arrives as RulePackLoadException (file:line: reason); CliFailure turns it into one line, exit 2.
        return RulePackLoader.Load(directory, codeSet);
    }

    /// <summary>The criteria sets to pass to the pack (null for its defaults); names must be offered by the pack.</summary>
    public static IReadOnlyCollection<string>? CheckCriteria(RulePack pack, IReadOnlyCollection<string>? criteria)
    {
        if (criteria is null || criteria.Count == 0)
        {
            return null;
        }

        var unknown = criteria.Where(c => !pack.Manifest.CriteriaSets.Contains(c, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new CliInputException(
                $"unknown criteria set {string.Join(", ", unknown)}; the pack offers: {string.Join(", ", pack.Manifest.CriteriaSets)}");
        }

        return criteria;
    }
}
