namespace EhrCodingAssist.Clinical.Terminology;

/// <summary>One ICD-10-CM code of a given fiscal-year release.</summary>
/// <param name="Code">Dotted code, e.g. "N17.9".</param>
/// <param name="Billable">False for header (category/subcategory) codes.</param>
/// <param name="ShortTitle">60-character short description, when the source has it.</param>
/// <param name="LongTitle">Full description.</param>
public sealed record IcdCode(string Code, bool Billable, string? ShortTitle, string LongTitle);

/// <summary>A tabular "Use additional code" note: the code that carries it, its text, and the codes it references (dotless heads).</summary>
/// <param name="Holder">The dotted code the note is written on (the code itself or an ancestor).</param>
/// <param name="Text">The note's text as in the tabular, e.g. "- code to identify the stage of chronic kidney disease (N18.1-N18.4, N18.9)".</param>
/// <param name="References">The referenced codes, dotless, each covering the codes below it (ranges expanded).</param>
public sealed record UseAdditionalNote(string Holder, string Text, IReadOnlyList<string> References);

/// <summary>A versioned ICD-10-CM code set (one fiscal year), loaded from official release files.</summary>
public interface ICodeSet
{
    /// <summary>Human-readable version, e.g. "ICD-10-CM FY2025".</summary>
    string Version { get; }

    /// <summary>The fiscal year; FY N is effective 1 October N-1 to 30 September N.</summary>
    int FiscalYear { get; }

    /// <summary>Number of codes loaded.</summary>
    int Count { get; }

    /// <summary>Looks up a code, dotted or dotless, case-insensitive; null when absent.</summary>
    IcdCode? Find(string code);

    /// <summary>
    /// Codes that the given code excludes (Excludes1), inherited from its ancestors; dotted. Each entry stands for
    /// that code and all its descendants (the tabular's "E10.-").
    /// </summary>
    IReadOnlyList<string> Excludes1(string code);

    /// <summary>Codes or titles matching the words or code prefix, best first.</summary>
    IReadOnlyList<IcdCode> Search(string query, int limit = 20);

    /// <summary>True when either code excludes the other (Excludes1, ancestors' notes included).</summary>
    bool Excludes1Conflict(string first, string second)
    {
        var a = IcdCodes.ToDotless(first);
        var b = IcdCodes.ToDotless(second);
        if (a is null || b is null)
        {
            return false;
        }

        return Covers(Excludes1(first), b) || Covers(Excludes1(second), a);

        static bool Covers(IReadOnlyList<string> heads, string dotless) =>
            heads.Any(h => dotless.StartsWith(h.Replace(".", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
    }

    /// <summary>
    /// True for a manifestation code, which may not be sequenced first. Defaults to false for sources without
    /// tabular notes.
    /// </summary>
    bool IsManifestation(string code) => false;

    /// <summary>
    /// The "Use additional code" notes that apply to the code (its own and its ancestors'), nearest first. Defaults to
    /// none for sources without tabular notes.
    /// </summary>
    IReadOnlyList<UseAdditionalNote> UseAdditionalNotes(string code) => [];
}
