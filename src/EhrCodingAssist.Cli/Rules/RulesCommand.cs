using System.CommandLine;
using EhrCodingAssist.Clinical.Rules;

namespace EhrCodingAssist.Cli.Rules;

/// <summary><c>ehrcoding rules test [DIR] [--code-set PATH]</c>: runs every rule's positive and negative cases.</summary>
internal static class RulesCommand
{
    public const int TestsFailed = 1;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var directory = new Argument<string?>("DIR") { Description = "Rule pack folder (default: the core pack)", Arity = ArgumentArity.ZeroOrOne };
        var codeSet = new Option<string>("--code-set") { Description = "ICD-10-CM release (default: the starter set)", HelpName = "PATH" };
        var test = new Command("test", "Run every rule's test cases; prints failures, then 'N passed, N failed'") { directory, codeSet };
        test.SetAction(parse => CliFailure.Guard(stderr, () => Test(parse.GetValue(directory), parse.GetValue(codeSet), stdout)));
        return new Command("rules", "Rule packs") { test };
    }

    private static int Test(string? directory, string? codeSet, TextWriter stdout)
    {
        var pack = PackLoading.Load(directory, codeSet);
        var report = RulePackTestRunner.Run(pack);
        foreach (var result in report.Results.Where(r => !r.Passed))
        {
            stdout.WriteLine($"FAIL {result.Rule} {result.Case}: {result.Message}");
        }

        stdout.WriteLine($"{report.Passed} passed, {report.Failed} failed");
        return report.Failed > 0 ? TestsFailed : 0;
    }
}
