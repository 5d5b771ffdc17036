namespace EhrCodingAssist.Benchmarks;

/// <summary>Runs the benchmarks named on the command line (BenchmarkDotNet switcher).</summary>
internal static class BenchmarkProgram
{
    private static void Main(string[] args) =>
        BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
