namespace EhrCodingAssist.Clinical.Terminology;

/// <summary>An in-memory ICD-10-CM code set for one fiscal year; immutable and safe to share between threads.</summary>
public sealed class IcdCodeSet : ICodeSet
{
    private readonly IcdCode[] _codes;
    private readonly string[] _dotless;
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<int, string[]> _excludes1;
    private readonly HashSet<int> _codeFirst;
    private readonly int[] _parent;
    private readonly Lazy<IcdWordIndex> _words;

    internal IcdCodeSet(
        int fiscalYear,
        string source,
        IcdCode[] codes,
        string[] dotless,
        Dictionary<string, int> index,
        Dictionary<int, string[]> excludes1,
        HashSet<int> codeFirst,
        Dictionary<int, string> inclusionTerms)
    {
        FiscalYear = fiscalYear;
        Source = source;
        _codes = codes;
        _dotless = dotless;
        _index = index;
        _excludes1 = excludes1;
        _codeFirst = codeFirst;
        _parent = new int[codes.Length];
        for (var i = 0; i < dotless.Length; i++)
        {
            _parent[i] = FindParent(dotless[i]);
        }

        _words = new Lazy<IcdWordIndex>(() => new IcdWordIndex(_codes, inclusionTerms));
        BillableCount = codes.Count(c => c.Billable);
    }

    /// <inheritdoc />
    public string Version => $"ICD-10-CM FY{FiscalYear}";

    /// <inheritdoc />
    public int FiscalYear { get; }

    /// <summary>The file or folder the set was loaded from.</summary>
    public string Source { get; }

    /// <inheritdoc />
    public int Count => _codes.Length;

    /// <summary>Number of billable (leaf) codes.</summary>
    public int BillableCount { get; }

    /// <summary>All codes in tabular order.</summary>
    public IReadOnlyList<IcdCode> Codes => _codes;

    /// <inheritdoc />
    public IcdCode? Find(string code) => IndexOf(code) is var i and >= 0 ? _codes[i] : null;

    /// <summary>The nearest ancestor present in the set (E11.65 → E11.6 → E11), or null for a category.</summary>
    public IcdCode? Parent(string code) => IndexOf(code) is var i and >= 0 && _parent[i] >= 0 ? _codes[_parent[i]] : null;

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public static bool IsSameOrDescendant(string code, string ancestor) =>
        IcdCodes.ToDotless(code) is { } c && IcdCodes.ToDotless(ancestor) is { } a && c.StartsWith(a, StringComparison.Ordinal);

    /// <inheritdoc />
    public IReadOnlyList<string> Excludes1(string code)
    {
        var result = new List<string>();
        for (var i = IndexOf(code); i >= 0; i = _parent[i])
        {
            if (_excludes1.TryGetValue(i, out var heads))
            {
                result.AddRange(heads.Select(IcdCodes.ToDotted));
            }
        }

        return result.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <inheritdoc />
    public bool Excludes1Conflict(string first, string second)
    {
        var a = IndexOf(first);
        var b = IndexOf(second);
        return a >= 0 && b >= 0 && (Covers(a, _dotless[b]) || Covers(b, _dotless[a]));
    }

    /// <summary>"Use additional code" notes by code index (set by the importer).</summary>
    internal IReadOnlyDictionary<int, UseAdditionalNote> UseAdditional { get; init; } = new Dictionary<int, UseAdditionalNote>();

    /// <inheritdoc />
    public IReadOnlyList<UseAdditionalNote> UseAdditionalNotes(string code)
    {
        var notes = new List<UseAdditionalNote>();
        for (var i = IndexOf(code); i >= 0; i = _parent[i])
        {
            if (UseAdditional.TryGetValue(i, out var note))
            {
                notes.Add(note);
            }
        }

        return notes;
    }

    /// <summary>True when the code or an ancestor carries a "Code first" tabular note.</summary>
    public bool HasCodeFirstNote(string code) => NoteHolder(code) >= 0;

    /// <summary>
    /// A code is a manifestation when it or an ancestor carries a "Code first" note and the title of the code or of
    /// an ancestor says "classified elsewhere" (ICD-10-CM Official Guidelines I.A.13: manifestation codes usually read
    /// "in diseases classified elsewhere"; D63.1 sits under D63 "Anemia in chronic diseases classified elsewhere").
    /// "Code first" notes elsewhere (A41 sepsis, N18 CKD) are sequencing advice when applicable, not manifestations.
    /// </summary>
    public bool IsManifestation(string code)
    {
        if (!HasCodeFirstNote(code))
        {
            return false;
        }

        for (var i = IndexOf(code); i >= 0; i = _parent[i])
        {
            if (_codes[i].LongTitle.Contains("classified elsewhere", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public IReadOnlyList<IcdCode> Search(string query, int limit = 20)
    {
        if (string.IsNullOrWhiteSpace(query) || limit <= 0)
        {
            return [];
        }

        var prefix = query.Trim().Replace(".", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (prefix.Length is >= 2 and <= 7 && char.IsAsciiLetter(prefix[0]) && char.IsAsciiDigit(prefix[1]) && prefix.All(char.IsAsciiLetterOrDigit))
        {
            var byCode = new List<IcdCode>();
            for (var i = 0; i < _dotless.Length && byCode.Count < limit; i++)
            {
                if (_dotless[i].StartsWith(prefix, StringComparison.Ordinal))
                {
                    byCode.Add(_codes[i]);
                }
            }

            if (byCode.Count > 0)
            {
                return byCode;
            }
        }

        return _words.Value.Search(query, limit).Select(i => _codes[i]).ToArray();
    }

    private bool Covers(int excluder, string dotless)
    {
        for (var i = excluder; i >= 0; i = _parent[i])
        {
            if (_excludes1.TryGetValue(i, out var heads))
            {
                foreach (var head in heads)
                {
                    if (dotless.StartsWith(head, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private int NoteHolder(string code)
    {
        for (var i = IndexOf(code); i >= 0; i = _parent[i])
        {
            if (_codeFirst.Contains(i))
            {
                return i;
            }
        }

        return -1;
    }

    private int IndexOf(string code) =>
        IcdCodes.ToDotless(code) is { } key && _index.TryGetValue(key, out var i) ? i : -1;

    private int FindParent(string dotless)
    {
        for (var length = dotless.Length - 1; length >= 3; length--)
        {
            if (_index.TryGetValue(dotless[..length], out var p))
            {
                return p;
            }
        }

        return -1;
    }
}
