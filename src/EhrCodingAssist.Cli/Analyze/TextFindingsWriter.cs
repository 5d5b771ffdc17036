using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Cli.Analyze;

/// <summary>A human-readable listing: each encounter, then its findings with codes and evidence.</summary>
internal sealed class TextFindingsWriter(TextWriter output) : IFindingsWriter
{
    private int _encounters;
    private int _findings;

    public void Begin()
    {
    }

    public void Write(EncounterFindings encounter)
    {
        _encounters++;
        _findings += encounter.Findings.Count;
        var count = encounter.Findings.Count == 1 ? "1 finding" : $"{encounter.Findings.Count} findings";
        output.WriteLine($"{encounter.Encounter} ({encounter.Patient ?? "no patient"}): {count}");
        foreach (var finding in encounter.Findings)
        {
            output.WriteLine($"  [{FindingsJson.KindName(finding.Kind)}] {finding.Rule}: {finding.Title}");
            foreach (var line in finding.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                output.WriteLine("      " + line);
            }

            foreach (var code in finding.Codes)
            {
                output.WriteLine($"    code {code.Code} {code.Display}".TrimEnd());
            }

            foreach (var evidence in finding.Evidence)
            {
                output.WriteLine($"    evidence {evidence.Summary} [{evidence.Reference}]");
            }
        }

        foreach (var warning in encounter.Warnings)
        {
            output.WriteLine("  warning: " + warning);
        }
    }

    public void End()
    {
        output.WriteLine($"{_encounters} encounters, {_findings} findings");
        output.Flush();
    }

    public void Dispose()
    {
    }
}
