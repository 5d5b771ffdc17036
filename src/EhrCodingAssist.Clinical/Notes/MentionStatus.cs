namespace EhrCodingAssist.Clinical.Notes;

/// <summary>How a phrase is asserted where it is mentioned.</summary>
public enum MentionStatus
{
    /// <summary>Stated as present.</summary>
    Affirmed,

    /// <summary>Stated as absent ("no", "denies", "ruled out" …).</summary>
    Negated,

    /// <summary>Stated as uncertain ("possible", "rule out", "r/o" …).</summary>
    Hedged,
}

/// <summary>One mention of a phrase in a note.</summary>
/// <param name="Phrase">The phrase as written in the phrase set.</param>
/// <param name="Index">Character offset of the mention in the plain text.</param>
/// <param name="Status">Affirmed, negated or hedged.</param>
/// <param name="Sentence">The sentence the mention is in (trimmed), for evidence snippets.</param>
public sealed record PhraseMention(string Phrase, int Index, MentionStatus Status, string Sentence);
