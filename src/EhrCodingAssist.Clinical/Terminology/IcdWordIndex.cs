namespace EhrCodingAssist.Clinical.Terminology;

/// <summary>Inverted index of title words; a query word matches every title word it begins.</summary>
internal sealed class IcdWordIndex
{
    private readonly string[] _vocabulary;
    private readonly int[][] _postings;
    private readonly IcdCode[] _codes;

    public IcdWordIndex(IcdCode[] codes)
    {
        _codes = codes;
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Length; i++)
        {
            foreach (var word in Words(codes[i].LongTitle + " " + codes[i].ShortTitle).Distinct(StringComparer.Ordinal))
            {
                if (!map.TryGetValue(word, out var list))
                {
                    list = [];
                    map[word] = list;
                }

                list.Add(i);
            }
        }

        _vocabulary = [.. map.Keys.Order(StringComparer.Ordinal)];
        _postings = [.. _vocabulary.Select(w => map[w].ToArray())];
    }

    /// <summary>Indexes of codes whose titles contain every query word (as a word prefix): shortest title first, then tabular order.</summary>
    public IEnumerable<int> Search(string query, int limit)
    {
        HashSet<int>? hits = null;
        foreach (var word in Words(query).Distinct(StringComparer.Ordinal))
        {
            var matches = new HashSet<int>();
            var start = Array.BinarySearch(_vocabulary, word, StringComparer.Ordinal);
            for (var v = start >= 0 ? start : ~start; v < _vocabulary.Length && _vocabulary[v].StartsWith(word, StringComparison.Ordinal); v++)
            {
                matches.UnionWith(_postings[v]);
            }

            if (hits is null)
            {
                hits = matches;
            }
            else
            {
                hits.IntersectWith(matches);
            }

            if (hits.Count == 0)
            {
                return [];
            }
        }

        return hits is null ? [] : hits.OrderBy(i => _codes[i].LongTitle.Length).ThenBy(i => i).Take(limit);
    }

    private static IEnumerable<string> Words(string text)
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
}
