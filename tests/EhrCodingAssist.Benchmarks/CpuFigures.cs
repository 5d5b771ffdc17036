using System.Diagnostics;
using System.Globalization;

namespace EhrCodingAssist.Benchmarks;

/// <summary>
/// <c>cpu-figures</c>: the same operations as the BenchmarkDotNet classes, timed by process CPU time instead of
/// wall time, for machines shared with other work where wall-clock figures are inflated.
/// </summary>
/// <remarks>
/// <para>
/// Each operation is first warmed up until the JIT is done with it: tiered compilation recompiles hot methods
/// (instrumented tier, then optimized tier 1) on a background thread for hundreds of operations, and that thread's
/// CPU time is process CPU time. Warm-up therefore runs blocks of about <see cref="BlockTime"/> until two
/// consecutive blocks compile no new method (<see cref="System.Runtime.JitInfo.GetCompiledMethodCount"/>).
/// </para>
/// <para>
/// Then <see cref="Blocks"/> blocks are measured and the median CPU time per operation is reported with the
/// lowest and highest block: other processes on the machine only ever add to a block (cache and core sharing),
/// so the median is far more stable than one long mean. The first blocks of the warm-up (operations that still
/// pay for JIT compilation) are reported too, as the cost a cold process sees.
/// </para>
/// </remarks>
internal static class CpuFigures
{
    private static readonly TimeSpan BlockTime = TimeSpan.FromMilliseconds(250);
    private const int Blocks = 15;
    private const int MaxWarmupRounds = 20_000;

    /// <summary>Runs every operation, or only the benchmark class whose name contains <paramref name="only"/>.</summary>
    public static void Run(string? only = null)
    {
        Console.WriteLine($"// load average: {LoadAverage()}");
        if (only is null || nameof(RulePackBenchmarks).Contains(only, StringComparison.OrdinalIgnoreCase))
        {
            var pack = new RulePackBenchmarks();
            pack.Setup();
            Report("CorePack_Encounter2000Resources", 1, () => pack.CorePack_Encounter2000Resources());
            Report("CorePack_ScenarioEncounter", 1, () => pack.CorePack_ScenarioEncounter());
        }

        if (only is null || nameof(NdjsonThroughputBenchmarks).Contains(only, StringComparison.OrdinalIgnoreCase))
        {
            var ndjson = new NdjsonThroughputBenchmarks();
            ndjson.Setup();
            Report("AnalyzePerEncounter", NdjsonThroughputBenchmarks.Encounters, () => ndjson.AnalyzePerEncounter());
            Report("JsonDocumentPerLine", NdjsonThroughputBenchmarks.Lines, () => ndjson.JsonDocumentPerLine());
            Report("IndexPassPerLine", NdjsonThroughputBenchmarks.Lines, () => ndjson.IndexPassPerLine());
            Report("PocoDeserializationPerLine", NdjsonThroughputBenchmarks.Lines, () => ndjson.PocoDeserializationPerLine());
        }

        Console.WriteLine($"// load average: {LoadAverage()}");
    }

    private static void Report(string name, int operationsPerRound, Func<int> operation)
    {
        // Warm-up: blocks of about BlockTime (the rounds per block follow the measured wall time) until the JIT has
        // been quiet for two blocks.
        var rounds = 1;
        var quiet = 0;
        var warmupRounds = 0;
        var warmupCpu = TimeSpan.Zero;
        while (quiet < 2 && warmupRounds < MaxWarmupRounds)
        {
            var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            var (cpu, wall) = MeasureBlock(operation, rounds);
            warmupRounds += rounds;
            warmupCpu += cpu;
            quiet = System.Runtime.JitInfo.GetCompiledMethodCount() == compiledBefore ? quiet + 1 : 0;
            rounds = (int)Math.Clamp(rounds * BlockTime.TotalMilliseconds / Math.Max(wall.TotalMilliseconds, 0.01), 1, rounds * 10.0);
        }

        var blocks = new List<double>();
        for (var i = 0; i < Blocks; i++)
        {
            blocks.Add(MeasureBlock(operation, rounds).Cpu.TotalMicroseconds / rounds / operationsPerRound);
        }

        blocks.Sort();
        var median = blocks[blocks.Count / 2];
        var warmupPerOp = warmupCpu.TotalMicroseconds / warmupRounds / operationsPerRound;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-32} {median,12:N1} us CPU/op {1_000_000 / median,12:N0} op/CPU-s   "
            + $"(median of {Blocks} blocks x {rounds} rounds, lowest {blocks[0]:N1}, highest {blocks[^1]:N1}; "
            + $"warm-up: {warmupRounds} rounds at {warmupPerOp:N1} us CPU/op)"));
    }

    private static (TimeSpan Cpu, TimeSpan Wall) MeasureBlock(Func<int> operation, int rounds)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var start = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            operation();
        }

        wall.Stop();
        process.Refresh();
        return (process.TotalProcessorTime - start, wall.Elapsed);
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
