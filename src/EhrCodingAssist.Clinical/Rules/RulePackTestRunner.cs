using EhrCodingAssist.Clinical.Ingest;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace EhrCodingAssist.Clinical.Rules;

/// <summary>The outcome of one rule test case.</summary>
/// <param name="Rule">Rule id.</param>
/// <param name="Case">Case file name.</param>
/// <param name="Passed">True when the rule behaved as expected.</param>
/// <param name="Message">Why it failed (empty when passed).</param>
public sealed record RuleCaseResult(string Rule, string Case, bool Passed, string Message);

/// <summary>Results of running every rule's test cases.</summary>
/// <param name="Passed">Cases that passed.</param>
/// <param name="Failed">Cases that failed.</param>
/// <param name="Results">Every case, in rule order.</param>
public sealed record RulePackTestReport(int Passed, int Failed, IReadOnlyList<RuleCaseResult> Results);

/// <summary>Runs each rule's positive and negative cases (FHIR bundles beside the rule file).</summary>
public static class RulePackTestRunner
{
    /// <summary>Runs every case of every rule of <paramref name="pack"/>.</summary>
    public static RulePackTestReport Run(RulePack pack, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var results = new List<RuleCaseResult>();
        foreach (var rule in pack.Rules)
        {
            foreach (var test in rule.Tests)
            {
                ct.ThrowIfCancellationRequested();
                results.Add(RunCase(pack, rule, test, ct));
            }
        }

        var passed = results.Count(r => r.Passed);
        return new RulePackTestReport(passed, results.Count - passed, results);
    }

    /// <summary>Runs one case.</summary>
    public static RuleCaseResult RunCase(RulePack pack, Rule rule, RuleTestCase test, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(test);
        Bundle bundle;
        try
        {
            bundle = FhirJsonInput.Deserializer.Deserialize<Bundle>(File.ReadAllText(test.Path));
        }
        catch (Exception e) when (e is IOException or DeserializationFailedException or FormatException or InvalidOperationException)
        {
            return new RuleCaseResult(rule.Id, test.Case, false, "case bundle unreadable: " + e.Message);
        }

        var snapshots = SnapshotAssembler.FromBundle(bundle);
        if (snapshots.Count == 0)
        {
            return new RuleCaseResult(rule.Id, test.Case, false, "case bundle has no Encounter");
        }

        // The rule under test is active unless the case names criteria sets that exclude it.
        if (rule.Criteria is not null && test.Criteria is not null && !test.Criteria.Contains(rule.Criteria, StringComparer.Ordinal))
        {
            return Verdict(rule, test, finding: null, error: null);
        }

        Findings.Finding? fired = null;
        string? error = null;
        foreach (var snapshot in snapshots)
        {
            var outcome = pack.EvaluateRule(rule, pack.CreateIndex(snapshot), ct);
            fired ??= outcome.Finding;
            error ??= outcome.Error;
        }

        return Verdict(rule, test, fired, error);
    }

    private static RuleCaseResult Verdict(Rule rule, RuleTestCase test, Findings.Finding? finding, string? error)
    {
        if (error is not null)
        {
            return new RuleCaseResult(rule.Id, test.Case, false, error);
        }

        if (test.ExpectFires != finding is not null)
        {
            return new RuleCaseResult(rule.Id, test.Case, false, test.ExpectFires ? "expected the rule to fire; it was silent" : "expected silence; the rule fired: " + finding!.Title);
        }

        var missing = test.Codes.Where(c => finding?.Codes.Any(f => string.Equals(f.Code, c, StringComparison.OrdinalIgnoreCase)) != true).ToList();
        return missing.Count > 0
            ? new RuleCaseResult(rule.Id, test.Case, false, "finding lacks expected codes: " + string.Join(", ", missing))
            : new RuleCaseResult(rule.Id, test.Case, true, string.Empty);
    }
}
