using System.Buffers;
using System.Text;
using System.Text.Json;
using EhrCodingAssist.Clinical.Findings;

namespace EhrCodingAssist.Cli.Analyze;

/// <summary>
/// The <see cref="FindingsJson"/> document, streamed: one encounter object per line inside "encounters". Nothing is
/// written before the first encounter, so a run that fails on its first input leaves stdout empty.
/// </summary>
internal sealed class JsonFindingsWriter(TextWriter output) : IFindingsWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _json = new(Stream.Null, FindingsJson.WriterOptions(indented: false));
    private bool _first = true;

    public void Begin()
    {
    }

    public void Write(EncounterFindings encounter)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        FindingsJson.WriteEncounter(_json, encounter);
        _json.Flush();
        output.Write(_first ? "{\"encounters\":[\n" : ",\n");
        output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _first = false;
    }

    public void End()
    {
        output.Write(_first ? "{\"encounters\":[]}\n" : "\n]}\n");
        output.Flush();
    }

    public void Dispose() => _json.Dispose();
}
