namespace EhrCodingAssist.Clinical.Coding.Edits;

/// <summary>
/// An inclusive range of codes compared on their leading characters: "O00"-"O9A" holds O09.90 and O9A.11;
/// "D074"-"D076" holds D07.5. Codes are dotless.
/// </summary>
internal sealed record CodeRange(string From, string To)
{
    public static CodeRange Single(string code) => new(code, code);

    public bool Contains(string dotless) =>
        string.CompareOrdinal(Head(dotless, From.Length), From) >= 0 && string.CompareOrdinal(Head(dotless, To.Length), To) <= 0;

    private static string Head(string code, int length) => code.Length > length ? code[..length] : code;
}
