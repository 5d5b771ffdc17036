namespace EhrCodingAssist.Clinical.Terminology;

/// <summary>
/// Inverted word indexes over titles and over tabular inclusion terms; a query word matches every indexed word it
/// begins. Codes whose titles hold every query word rank first, then codes found through inclusion terms.
/// </summary>
internal sealed class IcdWordIndex
{
    private readonly IcdCode[] _codes;
    private readonly WordPostings _titles;
    private readonly WordPostings _terms;

    public IcdWordIndex(IcdCode[] codes, IReadOnlyDictionary<int, string> inclusionTerms)
    {
        _codes = codes;
        _titles = new WordPostings(Enumerable.Range(0, codes.Length).Select(i => (i, codes[i].LongTitle + " " + codes[i].ShortTitle)));
        _terms = new WordPostings(inclusionTerms.Select(kv => (kv.Key, kv.Value)));
    }

    /// <summary>Indexes of matching codes: title matches (shortest title first, then tabular order), then inclusion-term matches.</summary>
    public IEnumerable<int> Search(string query, int limit)
    {
        var words = Words(query).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        HashSet<int>? inTitles = null;
        HashSet<int>? anywhere = null;
        foreach (var word in words)
        {
            var titleHits = _titles.Match(word);
            var allHits = new HashSet<int>(titleHits);
            allHits.UnionWith(_terms.Match(word));
            Intersect(ref inTitles, titleHits);
            Intersect(ref anywhere, allHits);
        }

        var byTitle = inTitles!.OrderBy(i => _codes[i].LongTitle.Length).ThenBy(i => i);
        var byTerm = anywhere!.Where(i => !inTitles!.Contains(i)).OrderBy(i => _codes[i].LongTitle.Length).ThenBy(i => i);
        return byTitle.Concat(byTerm).Take(limit);
    }

    internal static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    private static void Intersect(ref HashSet<int>? accumulated, HashSet<int> next)
    {
        if (accumulated is null)
        {
            accumulated = next;
        }
        else
        {
            accumulated.IntersectWith(next);
        }
    }

    /// <summary>Sorted vocabulary with the code indexes of each word.</summary>
    private sealed class WordPostings
    {
        private readonly string[] _vocabulary;
        private readonly int[][] _postings;

        public WordPostings(IEnumerable<(int Index, string Text)> texts)
        {
            var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var (index, text) in texts)
            {
                foreach (var word in Words(text).Distinct(StringComparer.Ordinal))
                {
                    if (!map.TryGetValue(word, out var list))
                    {
                        list = [];
                        map[word] = list;
                    }

                    list.Add(index);
                }
            }

            _vocabulary = [.. map.Keys.Order(StringComparer.Ordinal)];
            _postings = [.. _vocabulary.Select(w => map[w].ToArray())];
        }

        public HashSet<int> Match(string prefix)
        {
            var matches = new HashSet<int>();
            var start = Array.BinarySearch(_vocabulary, prefix, StringComparer.Ordinal);
            for (var v = start >= 0 ? start : ~start; v < _vocabulary.Length && _vocabulary[v].StartsWith(prefix, StringComparison.Ordinal); v++)
            {
                matches.UnionWith(_postings[v]);
            }

            return matches;
        }
    }
}
