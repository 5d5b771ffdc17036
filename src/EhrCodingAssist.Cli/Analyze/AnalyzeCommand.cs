using System.CommandLine;

namespace EhrCodingAssist.Cli.Analyze;

/// <summary><c>ehrcoding analyze PATH… [--rules DIR] [--code-set PATH] [--criteria NAME] [--format json|text]</c>.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "FHIR R4 Bundle JSON files, Bulk Data NDJSON files, or folders of them",
            Arity = ArgumentArity.OneOrMore,
        };
        var rules = new Option<string>("--rules") { Description = "Rule pack folder (default: the core pack)", HelpName = "DIR" };
        var codeSet = new Option<string>("--code-set")
        {
            Description = "ICD-10-CM release: a CMS order file, or a folder with it or with the tabular files (default: the starter set)",
            HelpName = "PATH",
        };
        var criteria = new Option<string[]>("--criteria")
        {
            Description = "Criteria set to apply, e.g. sepsis-2 (repeatable; default: the pack's default)",
            HelpName = "NAME",
        };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "text");

        var command = new Command("analyze", "Run the rule pack over every encounter and print the findings") { paths, rules, codeSet, criteria, format };
        command.SetAction(parse => CliFailure.Guard(stderr, () => Analyzer.Run(
            new AnalyzeOptions(
                parse.GetValue(paths) ?? [],
                parse.GetValue(rules),
                parse.GetValue(codeSet),
                SplitCriteria(parse.GetValue(criteria)),
                parse.GetValue(format) ?? "json"),
            stdout,
            stderr)));
        return command;
    }

    private static string[]? SplitCriteria(string[]? values) =>
        values is null or { Length: 0 }
            ? null
            : [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
