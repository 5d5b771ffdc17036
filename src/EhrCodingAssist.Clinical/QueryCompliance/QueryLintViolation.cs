namespace EhrCodingAssist.Clinical.QueryCompliance;

/// <summary>
/// One way a documentation query breaks compliant query practice (AHIMA/ACDIS "Guidelines for Achieving a Compliant
/// Query Practice", 2022 update).
/// </summary>
/// <param name="Rule">The rule id, one of <see cref="QueryLintRules"/>, e.g. "financial-word".</param>
/// <param name="Field">Where: "title", "text", "options" or "indicators" (at pack load also the YAML key).</param>
/// <param name="Phrase">The offending phrase as written, or the option label; empty for a missing part.</param>
/// <param name="Start">Character offset of <paramref name="Phrase"/> in the field's text; null when not a text span.</param>
/// <param name="Length">Length of the phrase in characters; null when not a text span.</param>
/// <param name="Why">Why it is not compliant, in one sentence.</param>
public sealed record QueryLintViolation(string Rule, string Field, string Phrase, int? Start, int? Length, string Why)
{
    /// <summary>One line naming the field, the phrase and why, e.g. "text 'DRG': payment or quality word (…)".</summary>
    public string Message => Phrase.Length == 0 ? $"{Field}: {Why}" : $"{Field} '{Phrase}': {Why}";
}

/// <summary>Every violation the lint found in a query, in field then text order; none when the query may be sent.</summary>
public sealed record QueryLintResult(IReadOnlyList<QueryLintViolation> Violations)
{
    /// <summary>True when nothing was found.</summary>
    public bool Passed => Violations.Count == 0;

    /// <summary>All violations in one message that names every offending phrase; empty when passed.</summary>
    public string Message => Passed
        ? string.Empty
        : $"{Violations.Count} compliance problem{(Violations.Count == 1 ? string.Empty : "s")}: " + string.Join("; ", Violations.Select(v => v.Message));
}
