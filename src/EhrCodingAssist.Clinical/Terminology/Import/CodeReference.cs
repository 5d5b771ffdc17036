namespace EhrCodingAssist.Clinical.Terminology.Import;

/// <summary>
/// A code reference from a tabular note: one code (covering its descendants, as "E10.-" or "O24.4-" do)
/// or a range of codes at the same level ("T61-T62", "A04.0-A04.4"), optionally narrowed by a qualifier
/// ("E08-E13 with .42"). Codes are dotless.
/// </summary>
internal sealed record CodeReference(string Start, string? End, CodeQualifier? Qualifier = null);

/// <summary>Narrows the codes of a reference; exactly one member is set.</summary>
/// <param name="Suffix">"with .42": the heads plus these characters (E08 → E0842).</param>
/// <param name="SuffixEnd">"with .51-.52": the last suffix of a suffix range.</param>
/// <param name="Position">"with fifth character 1": 1-based position in the dotless code.</param>
/// <param name="Character">The character required at <paramref name="Position"/>.</param>
/// <param name="Ending">"with final characters -23": codes below the heads ending with these characters.</param>
internal sealed record CodeQualifier(string? Suffix = null, string? SuffixEnd = null, int Position = 0, char Character = '\0', string? Ending = null);
