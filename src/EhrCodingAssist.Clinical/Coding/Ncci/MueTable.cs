using System.Globalization;
using EhrCodingAssist.Clinical.Coding.Reference;
using EhrCodingAssist.Clinical.Terminology;

namespace EhrCodingAssist.Clinical.Coding.Ncci;

/// <summary>How a medically unlikely edit is adjudicated (MAI).</summary>
public enum MueAdjudication
{
    /// <summary>1: per claim line.</summary>
    Line = 1,

    /// <summary>2: per date of service, absolute (policy).</summary>
    DateOfServicePolicy = 2,

    /// <summary>3: per date of service (clinical).</summary>
    DateOfServiceClinical = 3,
}

/// <summary>The maximum units of a code one provider reports for one patient on one date of service (or line).</summary>
public sealed record MueEdit(string Code, int MaxUnits, MueAdjudication Adjudication, string Rationale);

/// <summary>Medically unlikely edits imported from a CMS quarterly MUE file; immutable.</summary>
public sealed class MueTable
{
    private readonly Dictionary<string, MueEdit> _edits;

    private MueTable(string version, Dictionary<string, MueEdit> edits)
    {
        Version = version;
        _edits = edits;
    }

    /// <summary>The file name the edits came from.</summary>
    public string Version { get; }

    /// <summary>Number of codes with an MUE.</summary>
    public int Count => _edits.Count;

    /// <summary>
    /// Loads a CMS MUE file (practitioner, outpatient hospital or DME) saved as tab-delimited text: HCPCS/CPT Code,
    /// MUE Value, MUE Adjudication Indicator (a leading 1, 2 or 3, e.g. "2 Date of Service Edit: Policy"), MUE Rationale.
    /// Heading lines are skipped; a malformed data line throws naming file and line.
    /// </summary>
    public static MueTable Load(string path)
    {
        var map = new Dictionary<string, MueEdit>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, text) in DataFile.ReadLines(path))
        {
            var f = text.Split('\t');
            var code = f[0].Trim().ToUpperInvariant();
            if (!NcciFile.IsCode(code))
            {
                continue;
            }

            if (f.Length < 3)
            {
                throw new CodeSetFormatException(path, line, $"expected 4 tab-separated columns, found {f.Length}");
            }

            if (!int.TryParse(f[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var max))
            {
                throw new CodeSetFormatException(path, line, $"MUE value '{f[1]}' is not a whole number");
            }

            var mai = f[2].TrimStart();
            var adjudication = mai.Length > 0 ? mai[0] switch
            {
                '1' => MueAdjudication.Line,
                '2' => MueAdjudication.DateOfServicePolicy,
                '3' => MueAdjudication.DateOfServiceClinical,
                _ => (MueAdjudication?)null,
            } : null;
            map[code] = new MueEdit(code, max, adjudication ?? throw new CodeSetFormatException(path, line, $"MUE adjudication indicator '{f[2]}' does not start with 1, 2 or 3"), f.Length > 3 ? f[3].Trim() : string.Empty);
        }

        return new MueTable(Path.GetFileName(path), map);
    }

    /// <summary>The MUE of the code, or null.</summary>
    public MueEdit? Find(string code) => _edits.GetValueOrDefault(code.Trim());
}
