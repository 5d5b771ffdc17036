using EhrCodingAssist.Clinical.Rules;

namespace EhrCodingAssist.Cli.Analyze;

/// <summary>
/// Counts rules that failed at runtime (the pack skips them and carries on) and reports each once at the end:
/// "rule X failed on N encounters: first message". No encounter or patient ids are printed.
/// </summary>
internal sealed class RuleErrorTally
{
    private readonly Dictionary<string, (int Count, string First)> _errors = new(StringComparer.Ordinal);

    public void Add(IReadOnlyList<RuleError> errors)
    {
        foreach (var error in errors)
        {
            _errors[error.Rule] = _errors.TryGetValue(error.Rule, out var seen) ? (seen.Count + 1, seen.First) : (1, error.Message);
        }
    }

    public void Report(TextWriter stderr)
    {
        foreach (var (rule, (count, first)) in _errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            stderr.WriteLine($"ehrcoding: warning: rule {rule} failed on {count} encounter(s) and was skipped there: {first.ReplaceLineEndings(" ")}");
        }
    }
}
