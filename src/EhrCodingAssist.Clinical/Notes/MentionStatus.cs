namespace EhrCodingAssist.Clinical.Notes;

/// <summary>How a phrase is asserted where it is mentioned.</summary>
public enum MentionStatus
{
    /// <summary>Stated as present, now, in the patient.</summary>
    Affirmed,

    /// <summary>Stated as absent ("no", "denies", "ruled out" …). Wins over every other status.</summary>
    Negated,

    /// <summary>Stated as uncertain ("possible", "rule out", "r/o" …).</summary>
    Hedged,

    /// <summary>
    /// About the patient's past, not the current illness ("history of", "h/o", "prior", "previous", a line under
    /// "Past Medical History:" …).
    /// </summary>
    Historical,

    /// <summary>About someone other than the patient ("family history of", "mother had", a line under "Family History:" …).</summary>
    FamilyOrOther,
}

/// <summary>One mention of a phrase in a note.</summary>
/// <param name="Phrase">The phrase as written in the phrase set.</param>
/// <param name="Index">Character offset of the mention in the plain text.</param>
/// <param name="Status">Affirmed, negated, hedged, historical or about someone else.</param>
/// <param name="Sentence">The sentence the mention is in (trimmed), for evidence snippets.</param>
public sealed record PhraseMention(string Phrase, int Index, MentionStatus Status, string Sentence);
