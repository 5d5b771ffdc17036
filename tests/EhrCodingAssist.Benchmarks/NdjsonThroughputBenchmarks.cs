using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EhrCodingAssist.Cli.Analyze;
using EhrCodingAssist.Clinical.Ingest;
using EhrCodingAssist.Clinical.Rules;
using EhrCodingAssist.Clinical.Terminology;
using Hl7.Fhir.Serialization;

namespace EhrCodingAssist.Benchmarks;

/// <summary>
/// <c>analyze</c> over a synthetic NDJSON export of 2,000 encounters (34,500 lines), single-threaded: time per
/// encounter for the whole analysis, and time per line for the raw JsonDocument parse, the index pass and the
/// Firely POCO deserialization of the same files.
/// </summary>
[MemoryDiagnoser]
public class NdjsonThroughputBenchmarks
{
    public const int Encounters = 2000;
    public const int Lines = (Encounters * 17) + (Encounters / SyntheticNdjson.EncountersPerPatient);

    private string[] _files = [];
    private RulePack _pack = null!;
    private InputSet _inputs = null!;

    [GlobalSetup]
    public void Setup()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"ehrcoding-bench-ndjson-{Encounters}");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        var written = SyntheticNdjson.Write(directory, Encounters);
        if (written != Lines)
        {
            throw new InvalidOperationException($"expected {Lines} lines, wrote {written}");
        }

        _files = [.. Directory.GetFiles(directory, "*.ndjson").Order(StringComparer.Ordinal)];
        _inputs = new InputSet([], _files);
        _pack = RulePackLoader.Load(BenchPaths.CorePack, CodeSetLoader.Load(BenchPaths.StarterCodeSet));
        var (encounters, findings) = Analyze();
        Console.WriteLine($"// {directory}: {Lines} lines, {encounters} encounters, {findings} findings");
    }

    /// <summary>Whole analysis (index pass, POCOs, snapshots, core pack, JSON output) per encounter.</summary>
    [Benchmark(OperationsPerInvoke = Encounters)]
    public int AnalyzePerEncounter() => Analyze().Encounters;

    /// <summary>System.Text.Json JsonDocument over every line: the raw parse limit, per line.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int JsonDocumentPerLine()
    {
        var count = 0;
        foreach (var file in _files)
        {
            NdjsonLineReader.ReadLines(file, (line, _, _) =>
            {
                var reader = new Utf8JsonReader(line);
                using var document = JsonDocument.ParseValue(ref reader);
                count += document.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0;
            });
        }

        return count;
    }

    /// <summary>Pass 1 of the NDJSON source (Utf8JsonReader scan of the grouping references), per line.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int IndexPassPerLine()
    {
        using var source = NdjsonSnapshotSource.Open(_files, _ => { });
        return source.Counts.Lines;
    }

    /// <summary>Firely POCO deserialization of every line, per line.</summary>
    [Benchmark(OperationsPerInvoke = Lines)]
    public int PocoDeserializationPerLine()
    {
        var count = 0;
        foreach (var file in _files)
        {
            NdjsonLineReader.ReadLines(file, (line, _, _) =>
            {
                var reader = new Utf8JsonReader(line);
                count += FhirJsonInput.Deserializer.DeserializeResource(ref reader) is null ? 0 : 1;
            });
        }

        return count;
    }

    private (int Encounters, int Findings) Analyze()
    {
        using var writer = new JsonFindingsWriter(TextWriter.Null);
        return Analyzer.Analyze(_pack, _inputs, null, writer, TextWriter.Null);
    }
}
