using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Clinical.Rules;

/// <summary>A rule that could not be evaluated for one encounter (a runtime expression error or a template that failed).</summary>
/// <param name="Rule">Rule id.</param>
/// <param name="Message">What failed (never contains patient data from the snapshot).</param>
public sealed record RuleError(string Rule, string Message);

/// <summary>Findings of one evaluation, with the rules that failed and were skipped.</summary>
/// <param name="Findings">The findings.</param>
/// <param name="Errors">Rules skipped because they failed.</param>
public sealed record RuleEvaluation(IReadOnlyList<Finding> Findings, IReadOnlyList<RuleError> Errors);
