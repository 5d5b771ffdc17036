using System.CommandLine;
using EhrCodingAssist.Cli.Analyze;
using EhrCodingAssist.Cli.Rules;
using EhrCodingAssist.Cli.Terminology;

namespace EhrCodingAssist.Cli;

/// <summary>The <c>ehrcoding</c> command line, runnable in-process with any output writers (tests, benchmarks).</summary>
internal static class CliApp
{
    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (0 ok, 1 failed rule tests or usage, 2 bad input).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("EhrCodingAssist: clinical documentation and coding rules over FHIR R4 data.")
        {
            AnalyzeCommand.Create(stdout, stderr),
            RulesCommand.Create(stdout, stderr),
            TerminologyCommand.Create(stdout, stderr),
        };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
