using System.Globalization;
using EhrCodingAssist.Cli.Rules;
using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Clinical.Rules;

namespace EhrCodingAssist.Cli.Analyze;

/// <summary>Runs a rule pack over every encounter of the inputs and streams the findings out.</summary>
internal static class Analyzer
{
    /// <summary>Returns 0; input problems throw (see <see cref="CliFailure"/>).</summary>
    public static int Run(AnalyzeOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var inputs = InputSet.Resolve(options.Paths);
        var pack = PackLoading.Load(options.Rules, options.CodeSet);
        var criteria = PackLoading.CheckCriteria(pack, options.Criteria);
        using IFindingsWriter writer = options.Format == "text" ? new TextFindingsWriter(stdout) : new JsonFindingsWriter(stdout);
        var progress = new ProgressReporter(stderr, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5));

        var ruleErrors = new RuleErrorTally();
        var (encounters, findings) = Analyze(pack, inputs, criteria, writer, stderr, progress, ruleErrors, cancellationToken);
        ruleErrors.Report(stderr);

        if (progress.Reported)
        {
            stderr.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"ehrcoding: done: {encounters} encounters, {findings} findings in {progress.Elapsed.TotalSeconds:F1} s"));
        }

        return 0;
    }

    /// <summary>The analysis loop with an already loaded pack (also what the throughput benchmark measures).</summary>
    public static (int Encounters, int Findings) Analyze(
        RulePack pack,
        InputSet inputs,
        IReadOnlyCollection<string>? criteria,
        IFindingsWriter writer,
        TextWriter stderr,
        ProgressReporter? progress = null,
        RuleErrorTally? ruleErrors = null,
        CancellationToken cancellationToken = default)
    {
        var encounters = 0;
        var findings = 0;
        writer.Begin();
        foreach (var snapshot in SnapshotFeed.Read(inputs, stderr, cancellationToken))
        {
            var evaluation = pack.EvaluateDetailed(pack.CreateIndex(snapshot), criteria, cancellationToken);
            ruleErrors?.Add(evaluation.Errors);
            writer.Write(new EncounterFindings(snapshot.EncounterReference, snapshot.PatientReference, evaluation.Findings) { Warnings = snapshot.Warnings });
            encounters++;
            findings += evaluation.Findings.Count;
            progress?.Tick(encounters);
        }

        writer.End();
        return (encounters, findings);
    }
}
