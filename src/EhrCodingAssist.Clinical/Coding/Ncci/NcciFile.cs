namespace EhrCodingAssist.Clinical.Coding.Ncci;

/// <summary>Helpers shared by the NCCI PTP and MUE importers.</summary>
internal static class NcciFile
{
    /// <summary>
    /// A CPT/HCPCS code as the CMS files write it: five letters or digits. Lines whose first column is not such a
    /// code are the files' copyright and column-heading lines and are skipped.
    /// </summary>
    public static bool IsCode(string text) => text.Length == 5 && text.All(char.IsAsciiLetterOrDigit);
}
