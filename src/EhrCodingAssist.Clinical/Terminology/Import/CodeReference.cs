namespace EhrCodingAssist.Clinical.Terminology.Import;

/// <summary>
/// A code reference from a tabular note: one code (covering its descendants, as "E10.-" or "O24.4-" do)
/// or a range of codes at the same level ("T61-T62", "A04.0-A04.4"). Codes are dotless.
/// </summary>
internal sealed record CodeReference(string Start, string? End);
