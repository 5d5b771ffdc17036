using EhrCodingAssist.Clinical.Coding.Edits;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Reference;

/// <summary>
/// One named group of ICD-10-CM codes an edit reads, with the conditions it carries (only for a sex, only within an
/// age range) and the guideline or file it was authored from.
/// </summary>
public sealed record CodingEditGroup
{
    /// <summary>The id edits look it up by, e.g. "hypertension-essential".</summary>
    public required string Id { get; init; }

    /// <summary>Codes, categories and ranges, dotless (a category covers every code below it).</summary>
    internal IReadOnlyList<CodeRange> Codes { get; init; } = [];

    /// <summary>The codes apply only to this sex; null when not sex-specific.</summary>
    public AdministrativeSex? Sex { get; init; }

    /// <summary>The codes apply from this age in years; null for no lower bound.</summary>
    public int? MinAge { get; init; }

    /// <summary>The codes apply up to this age in years; null for no upper bound.</summary>
    public int? MaxAge { get; init; }

    /// <summary>What the codes are, e.g. "essential (primary) hypertension".</summary>
    public required string Description { get; init; }

    /// <summary>Where the group comes from, e.g. "ICD-10-CM Official Guidelines FY2025 I.C.9.a".</summary>
    public required string Source { get; init; }

    /// <summary>Whether the dotted or dotless code lies in the group.</summary>
    public bool Contains(string code) => IcdCodes.ToDotless(code) is { } dotless && Codes.Any(r => r.Contains(dotless));

    /// <summary>The first code of the group as written, dotted (for groups of one code, e.g. the combination targets).</summary>
    public string First => IcdCodes.ToDotted(Codes[0].From);
}
