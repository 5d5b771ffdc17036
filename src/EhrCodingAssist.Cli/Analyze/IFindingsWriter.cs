using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Cli.Analyze;

/// <summary>Writes analysed encounters to stdout as they come (nothing is held back).</summary>
internal interface IFindingsWriter : IDisposable
{
    void Begin();

    void Write(EncounterFindings encounter);

    void End();
}
