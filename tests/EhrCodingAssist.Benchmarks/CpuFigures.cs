using System.Diagnostics;
using System.Globalization;

namespace EhrCodingAssist.Benchmarks;

/// <summary>
/// <c>cpu-figures</c>: the same operations as the BenchmarkDotNet classes, timed by process CPU time instead of
/// wall time (after a warm-up), for machines shared with other work where wall-clock figures are inflated.
/// </summary>
internal static class CpuFigures
{
    public static void Run()
    {
        var pack = new RulePackBenchmarks();
        pack.Setup();
        Report("CorePack_Encounter2000Resources", 1, Measure(() => pack.CorePack_Encounter2000Resources(), 40));
        Report("CorePack_ScenarioEncounter", 1, Measure(() => pack.CorePack_ScenarioEncounter(), 400));

        var ndjson = new NdjsonThroughputBenchmarks();
        ndjson.Setup();
        Report("AnalyzePerEncounter", NdjsonThroughputBenchmarks.Encounters, Measure(() => ndjson.AnalyzePerEncounter(), 3));
        Report("JsonDocumentPerLine", NdjsonThroughputBenchmarks.Lines, Measure(() => ndjson.JsonDocumentPerLine(), 5));
        Report("IndexPassPerLine", NdjsonThroughputBenchmarks.Lines, Measure(() => ndjson.IndexPassPerLine(), 5));
        Report("PocoDeserializationPerLine", NdjsonThroughputBenchmarks.Lines, Measure(() => ndjson.PocoDeserializationPerLine(), 3));
    }

    private static TimeSpan Measure(Func<int> operation, int rounds)
    {
        for (var i = 0; i < Math.Max(1, rounds / 2); i++)
        {
            operation();
        }

        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var start = process.TotalProcessorTime;
        for (var i = 0; i < rounds; i++)
        {
            operation();
        }

        process.Refresh();
        return (process.TotalProcessorTime - start) / rounds;
    }

    private static void Report(string name, int operationsPerRound, TimeSpan perRound)
    {
        var perOperation = perRound.TotalMicroseconds / operationsPerRound;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-32} {perOperation,12:N1} us CPU/op {1_000_000 / perOperation,12:N0} op/CPU-s"));
    }
}
