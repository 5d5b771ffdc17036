using System.Buffers;
using System.Text.RegularExpressions;

namespace EhrCodingAssist.Clinical.Notes;

/// <summary>
/// Finds a set of phrases in note text and classifies each mention as affirmed, negated, hedged, historical or about
/// someone else, in the spirit of NegEx/ConText: a trigger before the phrase (within a few words, same sentence, not
/// across "but"/"however") or a post-trigger right after it ("… was ruled out", "… is suspected"); historical and
/// family triggers and sections are in <see cref="NoteContext"/>. Negated wins over everything; a historical or family
/// mention is never affirmed nor hedged. Immutable and thread-safe.
/// </summary>
public sealed partial class PhraseMatcher
{
    private const int WindowWords = 6;
    private readonly SearchValues<string> _search;
    private readonly string[] _phraseList;

    /// <summary>Compiles the phrase set (case-insensitive, whole words).</summary>
    public PhraseMatcher(IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        _phraseList = phrases.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(p => p.Length).ToArray();
        if (_phraseList.Length == 0)
        {
            throw new ArgumentException("A phrase set needs at least one phrase.", nameof(phrases));
        }

        // A vectorised multi-string search (SearchValues): a regex alternation costs ~25 ns per character of note text,
        // too much for a long stay's notes times every phrase set.
        _phraseList = _phraseList.Select(p => string.Join(' ', p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToArray();
        _search = SearchValues.Create(_phraseList, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The phrases of the set.</summary>
    public IReadOnlyList<string> Phrases => _phraseList;

    /// <summary>Every mention of the set's phrases in <paramref name="text"/>, classified.</summary>
    public IReadOnlyList<PhraseMention> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mentions = new List<PhraseMention>();
        NoteContext.Cursor? cursor = null;
        var pos = 0;
        while (pos < text.Length)
        {
            var found = text.AsSpan(pos).IndexOfAny(_search);
            if (found < 0)
            {
                break;
            }

            var at = pos + found;
            var phrase = PhraseAt(text, at);
            if (phrase is null)
            {
                pos = at + 1;
                continue;
            }

            var end = at + phrase.Length;
            var (sentenceStart, sentenceEnd) = SentenceAround(text, at, end);
            var status = Classify(text[sentenceStart..at], text[end..sentenceEnd]);
            if (status != MentionStatus.Negated && NoteContext.Of(text, at, end, sentenceStart, sentenceEnd, cursor ??= new()) is var context
                && context != MentionStatus.Affirmed)
            {
                // About the past or someone else: not a current finding of the patient, whatever the hedging.
                status = context;
            }

            var sentenceStop = sentenceEnd < text.Length && text[sentenceEnd] is '.' or '!' or '?' ? sentenceEnd + 1 : sentenceEnd;
            mentions.Add(new PhraseMention(text.Substring(at, phrase.Length), at, status, text[sentenceStart..sentenceStop].Trim()));
            pos = end;
        }

        return mentions;
    }

    // The longest phrase starting at `at` on whole-word boundaries, or null.
    private string? PhraseAt(string text, int at)
    {
        if (at > 0 && IsWordChar(text[at - 1]))
        {
            return null;
        }

        foreach (var phrase in _phraseList)
        {
            var end = at + phrase.Length;
            if (end <= text.Length && string.Compare(text, at, phrase, 0, phrase.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (end == text.Length || !IsWordChar(text[end])))
            {
                return phrase;
            }
        }

        return null;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>Classifies a mention from the text before it and after it in its sentence.</summary>
    internal static MentionStatus Classify(string before, string after)
    {
        // Only the clause after the last termination term counts ("no fever but sepsis" affirms sepsis).
        var terminations = Termination().Matches(before);
        if (terminations.Count > 0)
        {
            var last = terminations[^1];
            before = before[(last.Index + last.Length)..];
        }

        var window = LastWords(before, WindowWords);
        var afterTerm = Termination().Match(after);
        var afterWindow = FirstWords(afterTerm.Success ? after[..afterTerm.Index] : after, 5);

        if (PseudoHedge().IsMatch(window))
        {
            return MentionStatus.Hedged;
        }

        if (PreNegation().IsMatch(window) || PostNegation().IsMatch(afterWindow))
        {
            return MentionStatus.Negated;
        }

        return PreHedge().IsMatch(window) || PostHedge().IsMatch(afterWindow) ? MentionStatus.Hedged : MentionStatus.Affirmed;
    }

    private static (int Start, int End) SentenceAround(string text, int from, int to)
    {
        var start = from;
        while (start > 0 && !IsBoundary(text, start - 1))
        {
            start--;
        }

        var end = to;
        while (end < text.Length && !IsBoundary(text, end))
        {
            end++;
        }

        return (start, end);
    }

    // A sentence ends at a newline, a semicolon, or . ! ? followed by whitespace (so "1.4" and "r/o" do not split).
    private static bool IsBoundary(string text, int i)
    {
        var c = text[i];
        if (c is '\n' or '\r' or ';')
        {
            return true;
        }

        return c is '.' or '!' or '?' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]));
    }

    private static string LastWords(string s, int n)
    {
        var words = s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Skip(Math.Max(0, words.Length - n)));
    }

    private static string FirstWords(string s, int n) =>
        string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(n));

    [GeneratedRegex(@"\b(no|not|denies|denied|deny|without|negative\s+for|ruled\s+out|rules\s+out\s+for|free\s+of|absence\s+of|resolved|no\s+evidence\s+of|no\s+signs?\s+of|never\s+had|not\s+consistent\s+with)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 500)]
    private static partial Regex PreNegation();

    [GeneratedRegex(@"^\W*((was|were|is|has\s+been|have\s+been)\s+)?(ruled\s+out|excluded|unlikely|absent|not\s+present|negative|resolved)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 500)]
    private static partial Regex PostNegation();

    [GeneratedRegex(@"(\b(possible|possibly|probable|probably|likely|suspected|suspect|suspicious\s+for|suspicion\s+of|rule\s+out|concern\s+for|concerning\s+for|cannot\s+(be\s+)?exclude[d]?|cannot\s+rule\s+out|questionable|presumed|presumptive|differential|versus|vs|may\s+have|might\s+have|worrisome\s+for|evaluate\s+for|eval\s+for)\b|(?<![\w])r/o(?![\w])|\?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 500)]
    private static partial Regex PreHedge();

    [GeneratedRegex(@"^\W*(\?|((is|was|are)\s+)?(possible|probable|suspected|likely|not\s+excluded|not\s+ruled\s+out|cannot\s+be\s+(excluded|ruled\s+out))\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 500)]
    private static partial Regex PostHedge();

    // Negation words that in fact express doubt: "not ruled out", "cannot rule out", "no definite".
    [GeneratedRegex(@"\b(not\s+ruled\s+out|cannot\s+(be\s+)?ruled?\s+out|cannot\s+(be\s+)?exclude[d]?|not\s+excluded|no\s+definite)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 500)]
    private static partial Regex PseudoHedge();

    [GeneratedRegex(@"\b(but|however|although|though|except|aside\s+from|apart\s+from|which|who)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 500)]
    private static partial Regex Termination();
}
