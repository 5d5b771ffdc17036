using EhrCodingAssist.Clinical.Findings;
using EhrCodingAssist.Web.Persistence;

namespace EhrCodingAssist.Web.WriteBack;

/// <summary>The rule (and its version) that suggested a diagnosis.</summary>
internal sealed record RuleRef(string Id, string Version);

/// <summary>
/// What an encounter-diagnosis Condition is written from: an answered documentation query (<see cref="FromQuery"/>) or
/// a diagnosis the coder accepted or typed on the workbench.
/// </summary>
internal sealed record EncounterDiagnosis
{
    /// <summary>Value of the idempotency identifier the Condition is conditionally created on.</summary>
    public required string Key { get; init; }

    /// <summary>ICD-10-CM code.</summary>
    public required string Code { get; init; }

    /// <summary>Display of the code, if known.</summary>
    public string? Display { get; init; }

    /// <summary>The encounter's id.</summary>
    public required string EncounterId { get; init; }

    /// <summary>The patient's id; without it the Condition fails validation and is never sent.</summary>
    public string? PatientId { get; init; }

    /// <summary>Who recorded and asserts the diagnosis (a reference, e.g. "Practitioner/dr-a").</summary>
    public required string Recorder { get; init; }

    /// <summary>When it was recorded.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The clinical indicators behind it (Condition.evidence.detail).</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>The suggesting rule; null when a person entered the code (then no AI-asserted label).</summary>
    public RuleRef? Rule { get; init; }

    /// <summary>Free-text note, e.g. the physician's answer.</summary>
    public string? Note { get; init; }

    /// <summary>An answered query that names a diagnosis: the query id is the key, the recipient records it.</summary>
    public static EncounterDiagnosis FromQuery(QueryRecord query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.ResultingCode is null || query.ClosedAt is null)
        {
            throw new InvalidOperationException("Only an answer that names a diagnosis is written back.");
        }

        return new EncounterDiagnosis
        {
            Key = query.Id,
            Code = query.ResultingCode,
            Display = query.ResultingCodeDisplay,
            EncounterId = query.EncounterId,
            PatientId = query.PatientId,
            Recorder = query.Recipient,
            RecordedAt = query.ClosedAt.Value,
            Evidence = [.. query.Indicators.OrderBy(i => i.Ordinal).Select(i => new Evidence(i.Reference, i.Summary))],
            Rule = new RuleRef(query.RuleId, query.RuleVersion),
            Note = query.AnswerOption != QueryOption.Other && !string.IsNullOrWhiteSpace(query.AnswerText) ? query.AnswerText : null,
        };
    }
}
