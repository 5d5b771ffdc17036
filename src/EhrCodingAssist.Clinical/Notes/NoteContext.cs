using System.Buffers;

namespace EhrCodingAssist.Clinical.Notes;

/// <summary>
/// Temporality and experiencer of a mention, in the spirit of ConText (Harkema et al., J Biomed Inform 2009;42:839):
/// a <em>historical</em> trigger ("history of", "h/o", "prior", "previous" …) or an <em>other experiencer</em> trigger
/// ("family history of", "mother had" …) anywhere before the mention in its sentence, up to a termination term
/// ("but", "now", "presents", "currently", "today" …); a few post-triggers after it ("… in the past", "… years ago");
/// and note sections: lines under "Past Medical History:"/"PMH:" are historical and lines under "Family History:"/"FH:"
/// are about the family, until the next header line or a blank line. Pseudo-triggers ("history of present illness",
/// "HPI", "prior to admission" …) are consumed whole so the trigger inside them does not fire.
/// One vectorised multi-string search (SearchValues) over the sentence, no regular expressions. Thread-safe.
/// </summary>
internal static class NoteContext
{
    private const int MaxLinesBack = 200;

    // Post-triggers are near their mention ("MI in the past", "stroke with residual weakness 10 years ago").
    private const int PostWindowChars = 80;

    private static readonly string[] Kin =
    [
        "mother", "father", "mom", "dad", "brother", "sister", "sibling", "siblings", "son", "daughter", "parent", "parents",
        "aunt", "uncle", "grandmother", "grandfather", "grandparent", "cousin", "niece", "nephew",
    ];

    private static readonly string[] KinVerbs =
    [
        " had", " has", " with", "'s", " died of", " died from", " passed away from", " was diagnosed with", " diagnosed with",
        " history of", " hx of", " h/o",
    ];

    private static readonly (string Term, Kind Kind)[] Terms = BuildTerms();

    private static readonly string[] TermList = Terms.Select(t => t.Term).ToArray();

    private static readonly Dictionary<string, Kind> KindOf = Terms.ToDictionary(t => t.Term, t => t.Kind, StringComparer.OrdinalIgnoreCase);

    // Terms by their first two characters (every term has at least two), longest first: a hit compares a handful, not all.
    private static readonly Dictionary<int, string[]> ByFirstTwo = TermList.GroupBy(t => Key(t[0], t[1]))
        .ToDictionary(g => g.Key, g => g.ToArray());

    private static readonly SearchValues<string> Search = SearchValues.Create(TermList, StringComparison.OrdinalIgnoreCase);

    private static readonly Dictionary<string, Section> HeaderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["past medical history"] = Section.Historical,
        ["past medical hx"] = Section.Historical,
        ["pmh"] = Section.Historical,
        ["pmhx"] = Section.Historical,
        ["past history"] = Section.Historical,
        ["past surgical history"] = Section.Historical,
        ["psh"] = Section.Historical,
        ["past medical and surgical history"] = Section.Historical,
        ["past medical/surgical history"] = Section.Historical,
        ["medical history"] = Section.Historical,
        ["family history"] = Section.Family,
        ["family hx"] = Section.Family,
        ["family medical history"] = Section.Family,
        ["fh"] = Section.Family,
        ["fhx"] = Section.Family,

        // Headers of the current illness: they end a past or family section.
        ["history of present illness"] = Section.Current,
        ["history of the present illness"] = Section.Current,
        ["history of presenting illness"] = Section.Current,
        ["hpi"] = Section.Current,
        ["chief complaint"] = Section.Current,
        ["cc"] = Section.Current,
        ["assessment"] = Section.Current,
        ["assessment and plan"] = Section.Current,
        ["assessment & plan"] = Section.Current,
        ["assessment/plan"] = Section.Current,
        ["a/p"] = Section.Current,
        ["a&p"] = Section.Current,
        ["impression"] = Section.Current,
        ["impression and plan"] = Section.Current,
        ["plan"] = Section.Current,
        ["hospital course"] = Section.Current,
        ["subjective"] = Section.Current,
        ["objective"] = Section.Current,
        ["physical exam"] = Section.Current,
        ["physical examination"] = Section.Current,
        ["exam"] = Section.Current,
        ["review of systems"] = Section.Current,
        ["ros"] = Section.Current,
        ["social history"] = Section.Current,
        ["medications"] = Section.Current,
        ["allergies"] = Section.Current,
        ["vitals"] = Section.Current,
        ["labs"] = Section.Current,
        ["diagnosis"] = Section.Current,
        ["diagnoses"] = Section.Current,
        ["discharge diagnosis"] = Section.Current,
        ["discharge diagnoses"] = Section.Current,
    };

    private static readonly Dictionary<string, Section>.AlternateLookup<ReadOnlySpan<char>> Headers =
        HeaderNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>What <see cref="Of"/> read for the previous mention of one text; one per <see cref="PhraseMatcher.Find"/> call.</summary>
    public sealed class Cursor
    {
        internal int SentenceStart { get; set; } = -1;

        internal int ResumeAt { get; set; }

        internal ScanState State { get; set; }

        internal int LineStart { get; set; } = -1;

        internal Section LineSection { get; set; }
    }

    /// <summary>What a clause says so far.</summary>
    internal readonly record struct ScanState(MentionStatus Status, bool SawPresent, bool SawSelf);

    /// <summary>What a term found in the text does.</summary>
    private enum Kind
    {
        /// <summary>Marks what follows (to the end of the clause) as the patient's past.</summary>
        Historical,

        /// <summary>Marks the past before or after the mention ("in the past", "years ago").</summary>
        HistoricalBothWays,

        /// <summary>Marks what follows as about someone else.</summary>
        Family,

        /// <summary>Looks like a trigger but is not one; consumed whole.</summary>
        Pseudo,

        /// <summary>Ends a clause ("but", "however", "which" …).</summary>
        Termination,

        /// <summary>Ends a clause and brings it to the present ("now", "presents", "today" …): also ends a section's scope.</summary>
        Present,

        /// <summary>Ends a clause and brings it back to the patient ("patient", "pt"): also ends a family section's scope.</summary>
        Self,
    }

    /// <summary>The section a line belongs to.</summary>
    internal enum Section
    {
        None,
        Historical,
        Family,
        Current,
    }

    /// <summary>
    /// Historical or FamilyOrOther when the mention at <paramref name="at"/> (ending at <paramref name="end"/>) is about
    /// the past or someone else, else Affirmed. <paramref name="sentenceStart"/>/<paramref name="sentenceEnd"/> bound its
    /// sentence. <paramref name="cursor"/> carries what was read for the previous mention of the same text (mentions
    /// come in order): a later mention in the same sentence resumes the scan, one in the same line reuses its section,
    /// so a long "history of A, B, C …" list costs one pass, not one per mention.
    /// </summary>
    public static MentionStatus Of(string text, int at, int end, int sentenceStart, int sentenceEnd, Cursor cursor)
    {
        if (cursor.SentenceStart != sentenceStart || cursor.ResumeAt > at)
        {
            cursor.SentenceStart = sentenceStart;
            cursor.ResumeAt = sentenceStart;
            cursor.State = default;
        }

        var resume = cursor.ResumeAt - sentenceStart;
        cursor.State = Scan(text.AsSpan(sentenceStart, at - sentenceStart), ref resume, cursor.State);
        cursor.ResumeAt = sentenceStart + resume;
        var before = cursor.State;
        if (before.Status != MentionStatus.Affirmed)
        {
            return before.Status;
        }

        if (PostHistorical(text.AsSpan(end, Math.Min(sentenceEnd - end, PostWindowChars))))
        {
            return MentionStatus.Historical;
        }

        return SectionOf(text, at, cursor) switch
        {
            Section.Family when !before.SawPresent && !before.SawSelf => MentionStatus.FamilyOrOther,
            Section.Historical when !before.SawPresent => MentionStatus.Historical,
            _ => MentionStatus.Affirmed,
        };
    }

    // Walks the clause before the mention term by term from `from` (left after the last term read): a termination
    // resets, a trigger sets the status to the end. Word boundaries are checked against the whole span.
    private static ScanState Scan(ReadOnlySpan<char> s, ref int from, ScanState state)
    {
        var pos = from;
        while (pos < s.Length)
        {
            var found = s[pos..].IndexOfAny(Search);
            if (found < 0)
            {
                break;
            }

            var at = pos + found;
            var term = TermAt(s, at);
            if (term is null)
            {
                pos = at + 1;
                continue;
            }

            state = KindOf[term] switch
            {
                Kind.Historical or Kind.HistoricalBothWays when state.Status != MentionStatus.FamilyOrOther =>
                    state with { Status = MentionStatus.Historical },
                Kind.Family => state with { Status = MentionStatus.FamilyOrOther },
                Kind.Termination => state with { Status = MentionStatus.Affirmed },
                Kind.Present => state with { Status = MentionStatus.Affirmed, SawPresent = true },
                Kind.Self => state with { Status = MentionStatus.Affirmed, SawSelf = true },
                _ => state,
            };
            pos = at + term.Length;
            from = pos;
        }

        return state;
    }

    // "MI in the past", "stroke years ago": a post-trigger before the next termination term.
    private static bool PostHistorical(ReadOnlySpan<char> s)
    {
        var pos = 0;
        while (pos < s.Length)
        {
            var found = s[pos..].IndexOfAny(Search);
            if (found < 0)
            {
                return false;
            }

            var at = pos + found;
            var term = TermAt(s, at);
            if (term is null)
            {
                pos = at + 1;
                continue;
            }

            switch (KindOf[term])
            {
                case Kind.HistoricalBothWays:
                    return true;
                case Kind.Termination or Kind.Present or Kind.Self:
                    return false;
                default:
                    pos = at + term.Length;
                    break;
            }
        }

        return false;
    }

    // The longest term starting at `at` on whole-word boundaries, or null.
    private static string? TermAt(ReadOnlySpan<char> s, int at)
    {
        if (at > 0 && IsWordChar(s[at - 1]))
        {
            return null;
        }

        if (at + 1 >= s.Length || !ByFirstTwo.TryGetValue(Key(s[at], s[at + 1]), out var candidates))
        {
            return null;
        }

        foreach (var term in candidates)
        {
            var end = at + term.Length;
            if (end <= s.Length && s.Slice(at, term.Length).Equals(term, StringComparison.OrdinalIgnoreCase)
                && (end == s.Length || !IsWordChar(s[end]) || !IsWordChar(term[^1])))
            {
                return term;
            }
        }

        return null;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static int Key(char a, char b) => (char.ToLowerInvariant(a) << 16) | char.ToLowerInvariant(b);

    /// <summary>
    /// The section the mention's line is in: its own line's header when the mention follows the header's colon, else the
    /// nearest header line above, unless a blank line comes between (blank lines right under the header do not count).
    /// </summary>
    private static Section SectionOf(string text, int at, Cursor cursor)
    {
        var lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
        if (lineStart == cursor.LineStart)
        {
            return cursor.LineSection;
        }

        var lineEnd = text.IndexOf('\n', at);
        var (isHeader, section, contentStart) = Header(text.AsSpan(lineStart, (lineEnd < 0 ? text.Length : lineEnd) - lineStart));
        if (isHeader)
        {
            return contentStart >= 0 && at >= lineStart + contentStart ? section : Section.None;
        }

        // A content line: remember its section for the next mentions on it or below it.
        var known = cursor.LineStart;
        cursor.LineStart = lineStart;
        cursor.LineSection = ContentSection(text, lineStart, known, cursor.LineSection);
        return cursor.LineSection;
    }

    private static Section ContentSection(string text, int lineStart, int knownLine, Section knownSection)
    {
        var gap = false;
        for (var lines = 0; lineStart > 0 && lines < MaxLinesBack; lines++)
        {
            var prevEnd = lineStart - 1;
            var prevStart = prevEnd > 0 ? text.LastIndexOf('\n', prevEnd - 1) + 1 : 0;
            var line = text.AsSpan(prevStart, prevEnd - prevStart);
            lineStart = prevStart;
            if (line.IsWhiteSpace())
            {
                gap = true;
                continue;
            }

            if (prevStart == knownLine && !gap)
            {
                return knownSection; // a content line above, already placed, with no blank line between
            }

            var (isHeader, section, contentStart) = Header(line);
            if (isHeader)
            {
                // "PMH: CHF" then a blank line: the section ended with its own line.
                return gap && contentStart >= 0 && !line[contentStart..].IsWhiteSpace() ? Section.None : section;
            }

            if (gap)
            {
                return Section.None;
            }
        }

        return Section.None;
    }

    /// <summary>
    /// Whether a line is a section header (after any Markdown "#"): a known header name followed by a colon (with or without text after it), or
    /// alone on its line (HTML headings); or any other short title of letters ending the line with a colon ("Medications:").
    /// "Mother: MI" or "Diabetes: diet-controlled" (unknown name, text after the colon) are list items, not headers.
    /// </summary>
    private static (bool IsHeader, Section Section, int ContentStart) Header(ReadOnlySpan<char> line)
    {
        var trimmedStart = line.Length - line.TrimStart().TrimStart('#').TrimStart().Length; // Markdown "# Heading" too
        var body = line[trimmedStart..].Trim();
        if (body.Length == 0 || body.Length > 60 || !char.IsLetter(body[0]))
        {
            return (false, Section.None, -1);
        }

        var colon = body.IndexOf(':');
        var name = (colon >= 0 ? body[..colon] : body).TrimEnd();
        foreach (var c in name)
        {
            if (!(char.IsLetter(c) || c is ' ' or '/' or '&' or '-' or '\''))
            {
                return (false, Section.None, -1);
            }
        }

        var known = Headers.TryGetValue(name, out var section);
        var restEmpty = colon < 0 || body[(colon + 1)..].IsWhiteSpace();
        if (known && (colon >= 0 || restEmpty))
        {
            return (true, section, colon >= 0 ? trimmedStart + colon + 1 : -1);
        }

        return colon >= 0 && restEmpty && CountWords(name) <= 5 ? (true, Section.None, -1) : (false, Section.None, -1);
    }

    private static int CountWords(ReadOnlySpan<char> s)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in s)
        {
            if (c == ' ')
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                words++;
            }
        }

        return words;
    }

    private static (string Term, Kind Kind)[] BuildTerms()
    {
        var terms = new List<(string, Kind)>();
        void Add(Kind kind, params string[] words) => terms.AddRange(words.Select(w => (w, kind)));

        Add(
            Kind.Historical,
            "history", "history of", "hx", "hx of", "h/o", "pmh", "pmhx", "past medical history", "past history", "past surgical history",
            "prior", "previous", "previously", "remote", "remote history of", "status post", "s/p", "known history of");
        Add(Kind.HistoricalBothWays, "in the past", "years ago", "as a child", "remotely");
        Add(Kind.Family, "family history", "family history of", "family hx", "fh", "fh of", "fhx", "maternal", "paternal");
        foreach (var kin in Kin)
        {
            Add(Kind.Family, KinVerbs.Select(v => kin + v).ToArray());
        }

        Add(
            Kind.Pseudo,
            "history of present illness", "history of the present illness", "history of presenting illness", "hpi", "h&p", "history and physical",
            "history & physical", "history and exam", "history and examination", "history taking", "history obtained", "history provided",
            "history is limited", "limited history", "poor history", "history unobtainable", "history per", "history from",
            "social history", "sexual history", "medication history",
            "history:", "hx:", "clinical history", "brief history", // a radiology/lab "History:" is the indication, not the past
            "prior to", "previous day", "previous night", "previous evening",
            "prior day", "prior night", "prior study", "prior studies", "prior imaging", "prior exam", "prior film", "prior films",
            "compared to prior", "compared with prior", "compared to previous", "compared with previous");
        Add(Kind.Termination, "but", "however", "although", "though", "except", "aside from", "apart from", "which", "who");
        Add(
            Kind.Present,
            "now", "currently", "current", "today", "tonight", "presents", "presented", "presenting", "presents with", "presenting with",
            "admitted", "this admission", "on admission", "at this time", "at present", "here with", "here for", "comes in", "came in");
        Add(Kind.Self, "patient", "pt");

        // Longest first, so "history of present illness" wins over "history of" at the same position.
        return terms.DistinctBy(t => t.Item1, StringComparer.OrdinalIgnoreCase).OrderByDescending(t => t.Item1.Length).ToArray();
    }
}
