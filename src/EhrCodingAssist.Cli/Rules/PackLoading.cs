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
        try
        {
            return RulePackLoader.Load(directory, codeSet);
        }
        catch (AggregateException ex) when (ex.InnerExceptions is [RulePackLoadException inner])
        {
            throw inner;
        }
        catch (Exception ex) when (ex is AggregateException or InvalidOperationException or FormatException)
        {
            // A parser failure the loader did not turn into file:line (e.g. YamlDotNet's InvalidOperationException on
            // some malformed flow sequences): still one line and exit 2, naming the pack at least.
            throw new CliInputException($"broken rule pack: {directory}: {Innermost(ex).Message}");
        }
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
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
