namespace EhrCodingAssist.Clinical.Terminology.Import;

/// <summary>Collects codes and notes from an importer, then freezes them into an <see cref="IcdCodeSet"/>.</summary>
internal sealed class IcdCodeSetBuilder(int fiscalYear, string source)
{
    private readonly List<IcdCode> _codes = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CodeReference>> _excludes1 = new(StringComparer.Ordinal);
    private readonly HashSet<string> _codeFirst = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _inclusionTerms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Text, IReadOnlyList<CodeReference> References)> _useAdditional = new(StringComparer.Ordinal);

    public int Count => _codes.Count;

    public bool Contains(string dotless) => _index.ContainsKey(dotless);

    /// <summary>Adds a code; returns false when it is already present.</summary>
    public bool Add(string dotless, bool billable, string? shortTitle, string longTitle)
    {
        if (!_index.TryAdd(dotless, _codes.Count))
        {
            return false;
        }

        _codes.Add(new IcdCode(IcdCodes.ToDotted(dotless), billable, shortTitle, longTitle));
        return true;
    }

    public void AddExcludes1(string dotless, IEnumerable<CodeReference> references)
    {
        if (!_excludes1.TryGetValue(dotless, out var list))
        {
            list = [];
            _excludes1[dotless] = list;
        }

        list.AddRange(references);
    }

    public void MarkCodeFirst(string dotless) => _codeFirst.Add(dotless);

    /// <summary>The code's "Use additional code" note and the code references in it.</summary>
    public void AddUseAdditional(string dotless, string text, IReadOnlyList<CodeReference> references) => _useAdditional[dotless] = (text, references);

    /// <summary>Inclusion terms of the code, searchable as words (not part of the title).</summary>
    public void AddInclusionTerms(string dotless, string text) => _inclusionTerms[dotless] = text;

    public IcdCodeSet Build()
    {
        var dotless = _codes.Select(c => c.Code.Replace(".", string.Empty, StringComparison.Ordinal)).ToArray();
        var excludes = new Dictionary<int, string[]>();
        foreach (var (code, references) in _excludes1)
        {
            if (_index.TryGetValue(code, out var i))
            {
                excludes[i] = references.SelectMany(r => Expand(r, dotless)).Distinct(StringComparer.Ordinal).ToArray();
            }
        }

        var codeFirst = _codeFirst.Where(_index.ContainsKey).Select(c => _index[c]).ToHashSet();
        var terms = _inclusionTerms.Where(kv => _index.ContainsKey(kv.Key)).ToDictionary(kv => _index[kv.Key], kv => kv.Value);
        var useAdditional = _useAdditional.Where(kv => _index.ContainsKey(kv.Key)).ToDictionary(
            kv => _index[kv.Key],
            kv => new UseAdditionalNote(IcdCodes.ToDotted(kv.Key), kv.Value.Text, [.. kv.Value.References.SelectMany(r => Expand(r, dotless)).Distinct(StringComparer.Ordinal)]));
        return new IcdCodeSet(fiscalYear, source, [.. _codes], dotless, new Dictionary<string, int>(_index, StringComparer.Ordinal), excludes, codeFirst, terms)
        {
            UseAdditional = useAdditional,
        };
    }

    /// <summary>
    /// A single code stays as it is (it covers its descendants). A range becomes the codes of the start's length that lie
    /// between start and end in tabular order (so "C43-C44" includes C4A); when an end is missing from the set, ordinal
    /// comparison decides. A qualifier then narrows these heads to the codes below them that it describes.
    /// </summary>
    private IEnumerable<string> Expand(CodeReference reference, string[] dotless)
    {
        var heads = Heads(reference, dotless);
        return reference.Qualifier is { } qualifier ? heads.SelectMany(h => Narrow(h, qualifier, dotless)) : heads;
    }

    private IEnumerable<string> Heads(CodeReference reference, string[] dotless)
    {
        if (reference.End is null)
        {
            return [reference.Start];
        }

        var level = reference.Start.Length;
        if (_index.TryGetValue(reference.Start, out var from) && _index.TryGetValue(reference.End, out var to) && from <= to)
        {
            return dotless[from..(to + 1)].Where(c => c.Length == level);
        }

        return dotless.Where(c => c.Length == level
            && string.CompareOrdinal(c, reference.Start) >= 0
            && string.CompareOrdinal(c, reference.End) <= 0);
    }

    /// <summary>Codes below <paramref name="head"/> (contiguous in tabular order) that the qualifier selects, as heads.</summary>
    private IEnumerable<string> Narrow(string head, CodeQualifier qualifier, string[] dotless)
    {
        if (!_index.TryGetValue(head, out var start))
        {
            yield break;
        }

        for (var i = start + 1; i < dotless.Length && dotless[i].StartsWith(head, StringComparison.Ordinal); i++)
        {
            var code = dotless[i];
            var selected = qualifier switch
            {
                { Suffix: { } first } => code.Length == head.Length + first.Length
                    && string.CompareOrdinal(code, head + first) >= 0
                    && string.CompareOrdinal(code, head + (qualifier.SuffixEnd ?? first)) <= 0,
                { Ending: { } ending } => code.EndsWith(ending, StringComparison.Ordinal),
                _ => code.Length == qualifier.Position && code[qualifier.Position - 1] == qualifier.Character,
            };
            if (selected)
            {
                yield return code;
            }
        }
    }
}
